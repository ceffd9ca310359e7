import fs from 'node:fs';
import path from 'node:path';
import { createDb } from '@/server/db/client';
import { migrateDatabase } from '@/server/db/migrate';
import { seedDatabase } from '@/server/db/seed';
import { resolveDbTarget } from '@/server/db/target';
import { loadEnv } from '@/server/env';
import { importCsv } from '@/server/services/market/import-csv';
import { ZImportCsvSchema } from '@/server/services/market/schemas';
import { CliError } from '../cli-error';
import { parseArgs, usageOf, type TOptionSpec } from '../parse-args';

const SPEC: Record<string, TOptionSpec> = {
  symbol: { value: true, help: 'symbol the bars belong to, e.g. 600519.SH, 00700.HK, AAPL.US, BTCUSDT (required)' },
  timeframe: { value: true, help: '1m | 5m | 15m | 1h | 1d | 1w (default 1d)' },
  adjust: { value: true, help: 'raw | qfq | hfq | split-adj | none (default raw; none for crypto)' },
  timezone: { value: true, help: 'IANA zone the file’s clock times are in (default: the exchange’s)' },
  'volume-unit': { value: true, help: 'shares (default) | lots: the file counts lots of 100 shares (Tushare vol)' },
  'bar-time': { value: true, help: 'start | end: intraday times stamp the bar’s start or end (default end; crypto start)' },
  'skip-bad-rows': { value: false, help: 'import the good rows and list the bad ones (default: import nothing when a row is bad)' },
  json: { value: false, help: 'print one JSON object' },
  help: { value: false, help: 'show this help' },
};

/** `nofx import <file.csv> --symbol …`: the same import the Data page runs, into DATA_DIR's database. */
export async function runImportCommand(argv: string[]): Promise<number> {
  const { options, positional } = parseArgs(argv, SPEC);
  if (options.help) {
    console.log(usageOf('import', SPEC, '<file.csv> --symbol <code> [--timeframe 1d] [--adjust qfq] [--skip-bad-rows]'));
    return 0;
  }
  const file = positional[0];
  if (!file) throw new CliError('give the CSV file to import: nofx import <file.csv> --symbol 600519.SH');
  if (positional.length > 1) throw new CliError(`one file at a time (got ${positional.length})`);
  if (!options.symbol) throw new CliError('--symbol is required (e.g. 600519.SH)');
  if (!fs.existsSync(file)) throw new CliError(`${file}: no such file`);
  const symbolText = String(options.symbol);
  const input = ZImportCsvSchema.safeParse({
    text: fs.readFileSync(file, 'utf8'),
    symbol: symbolText,
    timeframe: options.timeframe ?? '1d',
    adjustment: options.adjust ?? (/USDT$|BTC$|ETH$/i.test(symbolText) ? 'none' : 'raw'),
    timeZone: options.timezone,
    volumeUnit: options['volume-unit'] ?? 'shares',
    barTime: options['bar-time'],
    skipBadRows: Boolean(options['skip-bad-rows']),
    fileName: path.basename(file),
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const names: Record<string, string> = { symbol: '--symbol', timeframe: '--timeframe', adjustment: '--adjust', timeZone: '--timezone', volumeUnit: '--volume-unit', barTime: '--bar-time', text: file };
    throw new CliError(`${names[String(issue.path[0])] ?? String(issue.path[0])}: ${issue.message.replace(/_/g, ' ')}`);
  }

  const env = loadEnv();
  const target = resolveDbTarget({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  await migrateDatabase(target);
  const db = createDb(target);
  try {
    await seedDatabase(db);
    const t0 = performance.now();
    const outcome = await importCsv(db, input.data);
    const ms = Math.round(performance.now() - t0);
    if (options.json) console.log(JSON.stringify({ ...outcome, ms }));
    const where = path.basename(file);
    for (const p of outcome.mappingProblems) console.error(`${where}: column for "${p.field}": ${p.code.replace(/_/g, ' ')}`);
    for (const e of outcome.rowErrors) console.error(`${where}: row ${e.row}${e.field ? `, field "${e.field}"` : ''}: ${e.message}`);
    if (outcome.totalRowErrors > outcome.rowErrors.length) console.error(`${where}: … and ${outcome.totalRowErrors - outcome.rowErrors.length} more bad rows`);
    if (!outcome.ok) {
      if (!options.json) console.error(`nothing imported: ${outcome.totalRowErrors || outcome.mappingProblems.length} problem(s); fix them or pass --skip-bad-rows`);
      return 1;
    }
    if (!options.json) {
      const skipped = outcome.totalRowErrors ? `, skipped ${outcome.totalRowErrors} bad row(s)` : '';
      console.log(`imported ${outcome.bars} bars of ${input.data.symbol} ${input.data.timeframe} (${input.data.adjustment}) ${outcome.from} → ${outcome.to}${skipped} in ${ms} ms`);
    }
    return 0;
  } finally {
    await db.$disconnect();
  }
}
