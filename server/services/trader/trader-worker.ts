/**
 * The trader runtime as its own process (`nofx worker`, NOFX_TRADERS=worker). The rows are the
 * commands: the app writes the status a user asked for (running, paused, stopped, the kill
 * switch) and this loop, once a second, makes the runs in this process match — with the same
 * TraderManager calls the app would have made, so statuses and logs read the same either way.
 * At start the first pass resumes every trader whose row says running or paused.
 */
import type { TDb } from '@/server/db';
import { TraderManager, type TTraderRepository } from '@/server/trading/trader-manager';
import { createTraderRepository } from './trader-runtime';

/** statusReason the app writes for the kill switch; the worker cancels open orders, then stops. */
export const KILL_SWITCH_REQUESTED = 'kill_switch_requested';

export interface TTraderWorkerOptions {
  signal: AbortSignal;
  /** how often the rows are read (ms) */
  pollMs?: number;
  log?: (line: string) => void;
  repository?: TTraderRepository;
}

export async function runTraderWorker(db: TDb, options: TTraderWorkerOptions): Promise<void> {
  const { signal } = options;
  const log = options.log ?? ((line: string) => console.log(line));
  const manager = new TraderManager(options.repository ?? createTraderRepository(db));
  /** `startedAt` of each trader's row when its run here was last seen: a newer one is a new start request */
  const seenStart = new Map<string, number>();
  /** the status last carried out for a run in this process */
  const applied = new Map<string, 'running' | 'paused'>();

  const startedAtOf = async (id: string) => (await db.trader.findUnique({ where: { id }, select: { startedAt: true } }))?.startedAt?.getTime() ?? 0;

  const reconcile = async () => {
    const rows = await db.trader.findMany({
      where: { OR: [{ status: { in: ['running', 'paused'] } }, { statusReason: KILL_SWITCH_REQUESTED }] },
      select: { id: true, name: true, status: true, statusReason: true, startedAt: true },
    });
    const wanted = new Set<string>();
    for (const row of rows) {
      if (signal.aborted) return;
      if (row.statusReason === KILL_SWITCH_REQUESTED) {
        await manager.stop(row.id, { cancelOrders: true });
        applied.delete(row.id);
        log(`kill switch: trader ${row.id} (${row.name}) stopped, open orders cancelled`);
        continue;
      }
      const status = row.status === 'paused' ? 'paused' : 'running';
      const startedAt = row.startedAt?.getTime() ?? 0;
      wanted.add(row.id);
      if (manager.isRunning(row.id)) {
        seenStart.set(row.id, startedAt);
        if (applied.get(row.id) !== status) {
          if (status === 'paused') await manager.pause(row.id);
          else await manager.resume(row.id);
          applied.set(row.id, status);
          log(`trader ${row.id} (${row.name}) ${status === 'paused' ? 'paused' : 'resumed'}`);
        }
        continue;
      }
      // Its run here has ended (a finished replay or an error being written): start again only on a new request.
      if (seenStart.get(row.id) === startedAt) continue;
      await manager.start(row.id, { paused: status === 'paused' });
      applied.set(row.id, status);
      seenStart.set(row.id, await startedAtOf(row.id));
      log(`trader ${row.id} (${row.name}) ${manager.isRunning(row.id) ? `running${status === 'paused' ? ' (paused)' : ''}` : 'could not start (see its log)'}`);
    }
    for (const id of [...applied.keys()]) {
      if (wanted.has(id)) continue;
      applied.delete(id);
      if (!manager.isRunning(id)) continue;
      // stopped or deleted in the app
      await manager.stop(id);
      log(`trader ${id} stopped`);
    }
  };

  log(`nofx worker: running traders from the database (pid ${process.pid})`);
  while (!signal.aborted) {
    await reconcile().catch((error: unknown) => log(`could not read the traders: ${error instanceof Error ? error.message : String(error)}`));
    await sleep(options.pollMs ?? 1_000, signal);
  }
  // Statuses stay as they are: the next worker (or the app) resumes these traders from their journals.
  await manager.stopAll();
  log('nofx worker: traders stopped, exiting');
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}
