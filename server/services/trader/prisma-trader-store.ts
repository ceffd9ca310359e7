/**
 * The trader runtime's store over the app database. Every write is an upsert or an
 * insert-if-absent on the unique keys (client order id, fill key, bar time…), so a trader that
 * replays bars after a restart rewrites the same rows instead of adding new ones.
 */
import type { TDb } from '@/server/db';
import type { TDecisionRecord, TEquityRecord, TFillRecord, TLogRecord, TOrderRecord, TPositionRecord, TTraderJournal, TTraderStore } from '@/server/trading/types';
import { decisionKey } from '@/server/trading/types';

export class PrismaTraderStore implements TTraderStore {
  constructor(private readonly db: TDb) {}

  async loadJournal(traderId: string): Promise<TTraderJournal> {
    const [trader, orders, decisions, fills] = await Promise.all([
      this.db.trader.findUnique({ where: { id: traderId }, select: { lastBarTime: true } }),
      this.db.traderOrder.findMany({ where: { traderId } }),
      this.db.traderDecision.findMany({ where: { traderId } }),
      this.db.traderFill.findMany({ where: { traderId }, select: { fillKey: true } }),
    ]);
    return {
      orders: new Map(
        orders.map((o) => [
          o.clientOrderId,
          {
            clientOrderId: o.clientOrderId,
            symbol: o.symbol,
            side: o.side as TOrderRecord['side'],
            type: o.type as TOrderRecord['type'],
            qty: o.qty,
            limitPrice: o.limitPrice,
            nodeId: o.nodeId,
            reason: o.reason,
            barTime: o.barTime,
            stage: o.stage as TOrderRecord['stage'],
            status: o.status as TOrderRecord['status'],
            statusReason: o.statusReason,
            filledQty: o.filledQty,
            avgFillPrice: o.avgFillPrice,
            brokerOrderId: o.brokerOrderId,
          },
        ]),
      ),
      decisions: new Map(
        decisions.map((d) => [
          decisionKey(d.nodeId, d.symbol, d.barTime),
          { nodeId: d.nodeId, symbol: d.symbol, barTime: d.barTime, action: d.action as TDecisionRecord['action'], confidence: d.confidence, reasoning: d.reasoning, error: d.error, ref: d.ref },
        ]),
      ),
      fillKeys: new Set(fills.map((f) => f.fillKey)),
      lastBarTime: trader?.lastBarTime ?? null,
    };
  }

  async saveOrder(traderId: string, o: TOrderRecord): Promise<void> {
    const data = {
      symbol: o.symbol,
      side: o.side,
      type: o.type,
      qty: o.qty,
      limitPrice: o.limitPrice,
      nodeId: o.nodeId,
      reason: o.reason,
      barTime: o.barTime,
      stage: o.stage,
      status: o.status,
      statusReason: o.statusReason,
      filledQty: o.filledQty,
      avgFillPrice: o.avgFillPrice,
      brokerOrderId: o.brokerOrderId,
    };
    await this.db.traderOrder.upsert({ where: { traderId_clientOrderId: { traderId, clientOrderId: o.clientOrderId } }, create: { traderId, clientOrderId: o.clientOrderId, ...data }, update: data });
  }

  async saveFill(traderId: string, f: TFillRecord): Promise<void> {
    await this.db.traderFill.upsert({
      where: { traderId_fillKey: { traderId, fillKey: f.fillKey } },
      create: { traderId, fillKey: f.fillKey, clientOrderId: f.clientOrderId, time: f.time, symbol: f.symbol, side: f.side, qty: f.qty, price: f.price, fee: f.fee, feePartsJson: JSON.stringify(f.feeParts) },
      update: {},
    });
  }

  async saveEquity(traderId: string, p: TEquityRecord): Promise<void> {
    await this.db.traderEquity.upsert({ where: { traderId_time: { traderId, time: p.time } }, create: { traderId, ...p }, update: { equity: p.equity, cash: p.cash } });
  }

  async savePositions(traderId: string, positions: TPositionRecord[]): Promise<void> {
    await this.db.$transaction([this.db.traderPosition.deleteMany({ where: { traderId } }), ...positions.map((p) => this.db.traderPosition.create({ data: { traderId, ...p, lastPrice: Number.isFinite(p.lastPrice) ? p.lastPrice : p.avgPrice } }))]);
  }

  async saveDecision(traderId: string, d: TDecisionRecord): Promise<void> {
    await this.db.traderDecision.upsert({
      where: { traderId_nodeId_symbol_barTime: { traderId, nodeId: d.nodeId, symbol: d.symbol, barTime: d.barTime } },
      create: { traderId, ...d },
      update: {},
    });
  }

  async appendLog(traderId: string, log: TLogRecord): Promise<void> {
    await this.db.traderLog.create({ data: { traderId, ...log } });
  }

  async markProcessed(traderId: string, barTime: number, equity: number, cash: number): Promise<void> {
    await this.db.trader.update({ where: { id: traderId }, data: { lastBarTime: barTime, equity, cash } });
  }
}
