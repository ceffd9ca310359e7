/**
 * The trader store with news: each write, once it has landed, is announced on the event hub, so
 * a page that reloads on the event reads the row that caused it. The runtime (server/trading)
 * is unchanged: it writes through this store as through any other.
 */
import type { TDecisionRecord, TEquityRecord, TFillRecord, TLogRecord, TOrderRecord, TPositionRecord, TTraderJournal, TTraderStore } from '@/server/trading/types';
import type { TraderEventHub } from './trader-event-hub';

export class EventingTraderStore implements TTraderStore {
  constructor(
    private readonly inner: TTraderStore,
    private readonly hub: TraderEventHub,
  ) {}

  loadJournal(traderId: string): Promise<TTraderJournal> {
    return this.inner.loadJournal(traderId);
  }

  async saveOrder(traderId: string, order: TOrderRecord): Promise<void> {
    await this.inner.saveOrder(traderId, order);
    this.hub.publishFor(traderId, { type: 'order', traderId, clientOrderId: order.clientOrderId, status: order.status });
  }

  async saveFill(traderId: string, fill: TFillRecord): Promise<void> {
    await this.inner.saveFill(traderId, fill);
    this.hub.publishFor(traderId, { type: 'fill', traderId, symbol: fill.symbol, side: fill.side, qty: fill.qty, price: fill.price, time: fill.time });
  }

  // Equity points and positions land every bar; the bar's 'bar' event (markProcessed, after them) announces them.
  saveEquity(traderId: string, point: TEquityRecord): Promise<void> {
    return this.inner.saveEquity(traderId, point);
  }

  savePositions(traderId: string, positions: TPositionRecord[]): Promise<void> {
    return this.inner.savePositions(traderId, positions);
  }

  async saveDecision(traderId: string, decision: TDecisionRecord): Promise<void> {
    await this.inner.saveDecision(traderId, decision);
    this.hub.publishFor(traderId, { type: 'decision', traderId, symbol: decision.symbol, barTime: decision.barTime, action: decision.action });
  }

  async appendLog(traderId: string, log: TLogRecord): Promise<void> {
    await this.inner.appendLog(traderId, log);
    this.hub.publishFor(traderId, { type: 'log', traderId, level: log.level, code: log.code });
  }

  async markProcessed(traderId: string, barTime: number, equity: number, cash: number): Promise<void> {
    await this.inner.markProcessed(traderId, barTime, equity, cash);
    this.hub.publishFor(traderId, { type: 'bar', traderId, barTime, equity });
  }
}
