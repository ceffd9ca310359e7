// start / stop / pause / resume: the owner check here, the run itself in the process-wide manager
// — or, with NOFX_TRADERS=worker, in `nofx worker`: then these write the wanted status on the row
// and the worker (which reads the rows every second) carries it out, logs included.
import type { TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { AppError } from '@/server/services/errors';
import type { TTraderStatus } from '@/server/trading/types';
import { getTraderEventHub } from './trader-event-hub';
import { getTraderManager } from './trader-runtime';
import { KILL_SWITCH_REQUESTED } from './trader-worker';

const inWorker = () => getEnv().tradersMode === 'worker';

/** Worker mode: the request is the row's status; a new `startedAt` asks the worker to start it again if its run has ended. */
async function request(db: TDb, id: string, status: TTraderStatus, options: { reason?: string; fresh?: boolean } = {}): Promise<void> {
  const reason = options.reason ?? '';
  await db.trader.updateMany({ where: { id }, data: { status, statusReason: reason, ...(options.fresh ? { startedAt: new Date() } : {}) } });
  getTraderEventHub(db).publishFor(id, { type: 'status', traderId: id, status, reason });
}

async function owned(db: TDb, ownerId: string, id: string): Promise<void> {
  const row = await db.trader.findFirst({ where: { id, ownerId }, select: { id: true } });
  if (!row) throw new AppError('not_found');
}

async function statusOf(db: TDb, id: string): Promise<{ id: string; status: TTraderStatus; statusReason: string }> {
  const row = await db.trader.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, statusReason: true } });
  return { id: row.id, status: row.status as TTraderStatus, statusReason: row.statusReason };
}

export async function startTrader(db: TDb, input: { ownerId: string; id: string }) {
  await owned(db, input.ownerId, input.id);
  if (inWorker()) await request(db, input.id, 'running', { fresh: true });
  else await getTraderManager(db).start(input.id);
  return statusOf(db, input.id);
}

/** `cancelOrders` is the kill switch: open orders are cancelled, then the trader stops. */
export async function stopTrader(db: TDb, input: { ownerId: string; id: string; cancelOrders?: boolean }) {
  await owned(db, input.ownerId, input.id);
  if (inWorker()) await request(db, input.id, 'stopped', { reason: input.cancelOrders ? KILL_SWITCH_REQUESTED : '' });
  else await getTraderManager(db).stop(input.id, { cancelOrders: input.cancelOrders });
  return statusOf(db, input.id);
}

export async function pauseTrader(db: TDb, input: { ownerId: string; id: string }) {
  await owned(db, input.ownerId, input.id);
  if (inWorker()) await request(db, input.id, 'paused', { fresh: true });
  else await getTraderManager(db).pause(input.id);
  return statusOf(db, input.id);
}

export async function resumeTrader(db: TDb, input: { ownerId: string; id: string }) {
  await owned(db, input.ownerId, input.id);
  if (inWorker()) await request(db, input.id, 'running', { fresh: true });
  else await getTraderManager(db).resume(input.id);
  return statusOf(db, input.id);
}

/** Stops it if it runs; its orders, fills, equity, decisions and logs go with it. */
export async function deleteTrader(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  await owned(db, input.ownerId, input.id);
  // in worker mode the worker stops a run whose row is gone at its next look
  if (!inWorker()) {
    const manager = getTraderManager(db);
    if (manager.isRunning(input.id)) await manager.stop(input.id);
  }
  await db.trader.deleteMany({ where: { id: input.id, ownerId: input.ownerId } });
  return { id: input.id };
}
