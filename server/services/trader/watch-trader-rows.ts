/**
 * Worker mode (NOFX_TRADERS=worker): traders run in `nofx worker`, another process, so the app's
 * hub hears nothing from them. While someone in this process follows an owner's traders, their
 * rows are read every second and changes become the same events the runtime would have sent
 * (bar processed, status, new logs, order changes). Coarser than in-process events (a second,
 * and fills/decisions arrive folded into their bar's event), but one cheap query set per owner.
 */
import type { TDb } from '@/server/db';
import type { TTraderStatus } from '@/server/trading/types';
import type { TDbWatch } from './trader-event-hub';
import type { TTraderEvent } from './schemas';

interface TSeen {
  status: string;
  reason: string;
  lastBarTime: number | null;
  logs: number;
  ordersAt: number;
}

export function createTraderRowWatch(db: TDb, intervalMs = 1_000): TDbWatch {
  return (ownerId, publish) => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let seen: Map<string, TSeen> | null = null;

    const read = async (): Promise<Map<string, TSeen>> => {
      const rows = await db.trader.findMany({ where: { ownerId }, select: { id: true, status: true, statusReason: true, lastBarTime: true } });
      const ids = rows.map((r) => r.id);
      const [logs, orders] = await Promise.all([
        db.traderLog.groupBy({ by: ['traderId'], where: { traderId: { in: ids } }, _count: { _all: true } }),
        db.traderOrder.groupBy({ by: ['traderId'], where: { traderId: { in: ids } }, _max: { updatedAt: true } }),
      ]);
      const logCount = new Map(logs.map((l) => [l.traderId, l._count._all]));
      const orderAt = new Map(orders.map((o) => [o.traderId, o._max.updatedAt?.getTime() ?? 0]));
      return new Map(rows.map((r) => [r.id, { status: r.status, reason: r.statusReason, lastBarTime: r.lastBarTime, logs: logCount.get(r.id) ?? 0, ordersAt: orderAt.get(r.id) ?? 0 }]));
    };

    const tick = async () => {
      try {
        const now = await read();
        // the first read is the baseline: the page has just loaded these rows itself
        if (seen) for (const e of diff(seen, now)) publish(e);
        seen = now;
      } catch (error) {
        console.error('[traders] could not read trader rows for live updates:', error);
      } finally {
        if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
      }
    };
    void tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  };
}

function diff(before: Map<string, TSeen>, after: Map<string, TSeen>): TTraderEvent[] {
  const out: TTraderEvent[] = [];
  // traders created or deleted elsewhere: the list reloads
  if (before.size !== after.size || [...after.keys()].some((id) => !before.has(id))) out.push({ type: 'resync' });
  for (const [traderId, now] of after) {
    const was = before.get(traderId);
    if (!was) continue;
    if (now.ordersAt !== was.ordersAt) out.push({ type: 'order', traderId, clientOrderId: null, status: null });
    if (now.logs !== was.logs) out.push({ type: 'log', traderId, level: 'info', code: 'changed' });
    if (now.lastBarTime !== was.lastBarTime && now.lastBarTime !== null) out.push({ type: 'bar', traderId, barTime: now.lastBarTime, equity: null });
    if (now.status !== was.status || now.reason !== was.reason) out.push({ type: 'status', traderId, status: now.status as TTraderStatus, reason: now.reason });
  }
  return out;
}
