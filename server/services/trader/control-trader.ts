// start / stop / pause / resume: the owner check here, the run itself in the process-wide manager.
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import type { TTraderStatus } from '@/server/trading/types';
import { getTraderManager } from './trader-runtime';

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
  await getTraderManager(db).start(input.id);
  return statusOf(db, input.id);
}

/** `cancelOrders` is the kill switch: open orders are cancelled, then the trader stops. */
export async function stopTrader(db: TDb, input: { ownerId: string; id: string; cancelOrders?: boolean }) {
  await owned(db, input.ownerId, input.id);
  await getTraderManager(db).stop(input.id, { cancelOrders: input.cancelOrders });
  return statusOf(db, input.id);
}

export async function pauseTrader(db: TDb, input: { ownerId: string; id: string }) {
  await owned(db, input.ownerId, input.id);
  await getTraderManager(db).pause(input.id);
  return statusOf(db, input.id);
}

export async function resumeTrader(db: TDb, input: { ownerId: string; id: string }) {
  await owned(db, input.ownerId, input.id);
  await getTraderManager(db).resume(input.id);
  return statusOf(db, input.id);
}

/** Stops it if it runs; its orders, fills, equity, decisions and logs go with it. */
export async function deleteTrader(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  await owned(db, input.ownerId, input.id);
  const manager = getTraderManager(db);
  if (manager.isRunning(input.id)) await manager.stop(input.id);
  await db.trader.deleteMany({ where: { id: input.id, ownerId: input.ownerId } });
  return { id: input.id };
}
