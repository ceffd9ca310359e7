/**
 * The trader's kernel sink: turns fills and order events into order/fill rows, and writes them
 * (plus equity, positions, decisions, logs) through the store in order, off the kernel's
 * synchronous path. The runtime awaits `flush()` after each bar, before it marks the bar done.
 */
import type { TFill, TKernelSink, TOrderEvent } from '@/server/engine/kernel/types';
import type { Portfolio } from '@/server/engine/kernel/portfolio';
import type { TDecisionRecord, TLogLevel, TOrderRecord, TTraderJournal, TTraderStore } from './types';

export class TraderRecorder implements TKernelSink {
  /** open orders per `${symbol}|${nodeId}`, oldest first: broker events name no order id */
  private readonly open = new Map<string, string[]>();
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  readonly orders: Map<string, TOrderRecord>;
  /** fills already counted into their order (from the journal, or earlier in this run) */
  private readonly countedFills: Set<string>;

  constructor(
    private readonly traderId: string,
    private readonly store: TTraderStore,
    journal: TTraderJournal,
    /** true for the simulated broker: its one fill per order completes the order */
    private readonly fillCompletesOrder: boolean,
  ) {
    this.orders = new Map(journal.orders);
    this.countedFills = new Set(journal.fillKeys);
  }

  /** An order handed to the broker (or replayed to it): track it for its fill or event. */
  track(order: TOrderRecord): void {
    const key = `${order.symbol}|${order.nodeId}`;
    const list = this.open.get(key) ?? [];
    if (!list.includes(order.clientOrderId)) list.push(order.clientOrderId);
    this.open.set(key, list);
    this.saveOrder(order);
  }

  saveOrder(order: TOrderRecord): void {
    this.orders.set(order.clientOrderId, order);
    this.write(() => this.store.saveOrder(this.traderId, order));
  }

  /** `fillId` names one of several fills of an order (real brokers); a simulated order has one fill, keyed by the order id. */
  fill(fill: TFill & { fillId?: string }): void {
    const fillKey = fill.fillId ?? fill.orderId;
    const order = this.orders.get(fill.orderId);
    if (this.countedFills.has(fillKey)) {
      // replayed after a restart: the order row already counts it
      if (order) this.untrack(order);
    } else if (order) {
      const filledQty = order.filledQty + fill.qty;
      const avg = ((order.avgFillPrice ?? 0) * order.filledQty + fill.price * fill.qty) / filledQty;
      const done = this.fillCompletesOrder || filledQty >= order.qty - 1e-9;
      if (done) this.untrack(order);
      const short = done && order.qty - filledQty >= 1; // less than a share short is lot rounding, not news
      this.saveOrder({ ...order, filledQty, avgFillPrice: avg, status: done ? 'filled' : 'partially-filled', statusReason: short ? `filled ${filledQty} of ${order.qty}` : order.statusReason });
    }
    this.countedFills.add(fillKey);
    const record = { fillKey, clientOrderId: fill.orderId, time: fill.time, symbol: fill.symbol, side: fill.side, qty: fill.qty, price: fill.price, fee: fill.fee, feeParts: fill.feeParts };
    this.write(() => this.store.saveFill(this.traderId, record));
  }

  order(event: TOrderEvent): void {
    const list = this.open.get(`${event.symbol}|${event.nodeId}`);
    const id = list?.shift();
    const order = id ? this.orders.get(id) : undefined;
    if (order) this.saveOrder({ ...order, status: event.status, statusReason: event.reason });
    this.log(event.status === 'rejected' ? 'warn' : 'info', `order_${event.status}`, `${event.side} ${event.qty} ${event.symbol}: ${event.reason}`, event.time);
  }

  /** Status change reported by a real broker for an order we know by id. */
  updateOrder(clientOrderId: string, patch: Partial<TOrderRecord>): void {
    const order = this.orders.get(clientOrderId);
    if (!order) return;
    const next = { ...order, ...patch };
    if (next.status !== 'submitted' && next.status !== 'partially-filled') this.untrack(order);
    this.saveOrder(next);
  }

  decision(decision: TDecisionRecord): void {
    this.write(() => this.store.saveDecision(this.traderId, decision));
  }

  log(level: TLogLevel, code: string, message: string, barTime: number | null = null): void {
    this.write(() => this.store.appendLog(this.traderId, { level, code, message, barTime }));
  }

  snapshot(time: number, portfolio: Portfolio): void {
    const { account } = portfolio;
    const point = { time, equity: account.equity, cash: account.cash };
    const positions = portfolio.positions
      .filter((p) => p.qty > 0)
      .map((p) => ({ symbol: p.symbol, qty: p.qty, avgPrice: p.avgPrice, sellable: p.sellable, lastPrice: p.lastPrice }));
    this.write(() => this.store.saveEquity(this.traderId, point));
    this.write(() => this.store.savePositions(this.traderId, positions));
  }

  markProcessed(time: number, portfolio: Portfolio): void {
    const { equity, cash } = portfolio.account;
    this.write(() => this.store.markProcessed(this.traderId, time, equity, cash));
  }

  /** Waits for every write so far; rethrows the first write that failed. */
  async flush(): Promise<void> {
    await this.queue;
    if (this.failure !== null) throw this.failure;
  }

  private untrack(order: TOrderRecord): void {
    const list = this.open.get(`${order.symbol}|${order.nodeId}`);
    if (!list) return;
    const k = list.indexOf(order.clientOrderId);
    if (k >= 0) list.splice(k, 1);
  }

  private write(fn: () => Promise<void>): void {
    this.queue = this.queue.then(async () => {
      if (this.failure !== null) return; // after a failed write nothing later may land (it would skip a row)
      try {
        await fn();
      } catch (err) {
        this.failure = err;
      }
    });
  }
}
