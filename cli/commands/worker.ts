import { createDb } from '@/server/db/client';
import { migrateDatabase } from '@/server/db/migrate';
import { resolveDbTarget } from '@/server/db/target';
import { loadEnv } from '@/server/env';
import { runTraderWorker } from '@/server/services/trader/trader-worker';
import { CliError } from '../cli-error';
import { parseArgs, usageOf, type TOptionSpec } from '../parse-args';

const SPEC: Record<string, TOptionSpec> = {
  'poll-ms': { value: true, help: 'how often the traders table is read for start/stop/pause requests (default 1000)' },
  help: { value: false, help: 'show this help' },
};

/**
 * `nofx worker`: runs the app's traders in this process instead of the web server's — the same
 * database (DATABASE_URL / DATA_DIR), the same runtime — until SIGINT or SIGTERM. Requires
 * NOFX_TRADERS=worker (set for the app too), so that exactly one process runs traders.
 */
export async function runWorkerCommand(argv: string[]): Promise<number> {
  const { options, positional } = parseArgs(argv, SPEC);
  if (options.help) {
    console.log(usageOf('worker', SPEC, '[--poll-ms 1000]'));
    console.log('\nRuns traders until SIGINT/SIGTERM. Set NOFX_TRADERS=worker for this process and for the app server.');
    return 0;
  }
  if (positional.length > 0) throw new CliError(`unexpected argument "${positional[0]}"`);
  const pollMs = options['poll-ms'] === undefined ? 1_000 : Number(options['poll-ms']);
  if (!Number.isInteger(pollMs) || pollMs < 50 || pollMs > 60_000) throw new CliError('--poll-ms must be a whole number of milliseconds from 50 to 60000');

  const env = loadEnv();
  // With the app also running traders, both would trade the same accounts: refuse instead.
  if (env.tradersMode !== 'worker') throw new CliError('set NOFX_TRADERS=worker here and for the app server: otherwise the app runs traders too, and each would trade twice');
  const target = resolveDbTarget({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  await migrateDatabase(target);
  const db = createDb(target);
  const controller = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) return;
    console.log(`${new Date().toISOString()} ${signal}: stopping traders (their status stays, so the next worker resumes them)`);
    controller.abort();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    await runTraderWorker(db, { signal: controller.signal, pollMs, log: (line) => console.log(`${new Date().toISOString()} ${line}`) });
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    await db.$disconnect();
  }
  return 0;
}
