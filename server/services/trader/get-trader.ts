import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { ZRiskLimitsSchema, type TTraderDetail } from './schemas';
import { thin, toTraderSummary } from './to-trader-dto';

const EQUITY_POINTS = 500;

/** One trader with what its page shows: positions, orders, fills, equity, decisions and logs. */
export async function getTrader(db: TDb, input: { ownerId: string; id: string }): Promise<TTraderDetail> {
  const row = await db.trader.findFirst({ where: { id: input.id, ownerId: input.ownerId } });
  if (!row) throw new AppError('not_found');
  const traderId = row.id;
  const [positions, orders, fills, equity, decisions, logs] = await Promise.all([
    db.traderPosition.findMany({ where: { traderId }, orderBy: { symbol: 'asc' } }),
    db.traderOrder.findMany({ where: { traderId }, orderBy: [{ barTime: 'desc' }, { createdAt: 'desc' }], take: 200 }),
    db.traderFill.findMany({ where: { traderId }, orderBy: { time: 'desc' }, take: 200 }),
    db.traderEquity.findMany({ where: { traderId }, orderBy: { time: 'asc' }, select: { time: true, equity: true } }),
    db.traderDecision.findMany({ where: { traderId }, orderBy: { barTime: 'desc' }, take: 50 }),
    db.traderLog.findMany({ where: { traderId }, orderBy: { createdAt: 'desc' }, take: 100 }),
  ]);
  const curve = thin(equity, EQUITY_POINTS);
  return {
    ...toTraderSummary(row, thin(equity.map((p) => p.equity), 40)),
    risk: ZRiskLimitsSchema.parse(JSON.parse(row.riskJson)),
    brokerAccountId: row.brokerAccountId,
    activeFrom: row.activeFrom,
    cash: row.cash,
    positions: positions.map((p) => ({ symbol: p.symbol, qty: p.qty, avgPrice: p.avgPrice, sellable: p.sellable, lastPrice: p.lastPrice, value: p.qty * p.lastPrice, pnl: p.qty * (p.lastPrice - p.avgPrice) })),
    orders: orders.map((o) => ({ clientOrderId: o.clientOrderId, symbol: o.symbol, side: o.side, type: o.type, qty: o.qty, limitPrice: o.limitPrice, barTime: o.barTime, stage: o.stage, status: o.status, statusReason: o.statusReason, filledQty: o.filledQty, avgFillPrice: o.avgFillPrice, reason: o.reason, nodeId: o.nodeId })),
    fills: fills.map((f) => ({ fillKey: f.fillKey, clientOrderId: f.clientOrderId, time: f.time, symbol: f.symbol, side: f.side, qty: f.qty, price: f.price, fee: f.fee })),
    equityCurve: curve,
    decisions: decisions.map((d) => ({ nodeId: d.nodeId, symbol: d.symbol, barTime: d.barTime, action: d.action, confidence: d.confidence, reasoning: d.reasoning, error: d.error })),
    logs: logs.map((l) => ({ level: l.level, code: l.code, message: l.message, barTime: l.barTime, at: l.createdAt.toISOString() })),
  };
}
