import type { TOrderIntent } from '@/nodes/sdk';
import type { TBarColumns } from '@/server/data/bar-columns';
import { noPriceBand, type TCostConfig, type TInstrument, type TMarketRules } from '@/server/markets/types';
import type { Portfolio } from './portfolio';
import type { TBarAccess, TBrokerPort, TKernelSink } from './types';

export type TFillTiming = 'next-open' | 'close';

interface TPendingOrder {
  intent: TOrderIntent;
  qty: number;
  decidedIndex: number;
  id: string;
}

export interface TSimBrokerOptions {
  rules: readonly TMarketRules[];
  instruments: readonly TInstrument[];
  /** cost settings per symbol (each market's defaults under the user's settings) */
  costs: readonly TCostConfig[];
  fillTiming: TFillTiming;
  /** prefix of client order ids (run or trader id) */
  idPrefix?: string;
}

const EPS = 1e-9;
const DAY_MS = 86_400_000;

const ZEROS = ['', '0', '00', '000', '0000', '00000', '000000', '0000000'];

/**
 * `String(t)` for a bar time, the same digits. A time in ms (~1.7e12) is no small integer, and V8
 * formats such a double in ~150–190 ns, once per order id; as two small integers (above and
 * below 1e8) it takes ~40 ns. Anything that is not a whole number ≥ 1e8 goes through String().
 */
function timeDigits(t: number): string {
  if (!(t >= 1e8 && t < 9e15) || t !== Math.floor(t)) return String(t);
  const hi = Math.floor(t / 1e8);
  const lo = String(t - hi * 1e8);
  return hi + ZEROS[8 - lo.length] + lo;
}

/**
 * The simulated broker of backtest and paper modes. Orders decided on bar t fill at bar t+1's
 * open (default) or at bar t's close, through the symbol's market rules: lot rounding, T+1,
 * price bands (no buy on a bar locked at limit-up, no sell locked at limit-down), fees.
 * Market and limit orders are day orders: what cannot fill on its fill bar expires.
 * A buy whose cost exceeds the cash is rejected, as backtrader and LEAN do (not shrunk).
 */
export class SimBroker implements TBrokerPort {
  private portfolio!: Portfolio;
  private market!: TBarAccess;
  private sink!: TKernelSink;
  private readonly pending: TPendingOrder[][];
  private pendingCount = 0;
  /** per symbol: the last bar whose session count is known, and that count (fills come in bar order) */
  private readonly sessionCursor: Array<{ bar: number; sessions: number }>;
  /** per symbol: its market has no price limit, so fills skip the band and what it needs */
  private readonly bandFree: boolean[];
  /** per symbol: the constant start of its client order ids (run or trader id, symbol) */
  private readonly idPrefixes: string[];

  constructor(private readonly options: TSimBrokerOptions) {
    this.pending = options.instruments.map(() => []);
    this.sessionCursor = options.instruments.map(() => ({ bar: 0, sessions: 0 }));
    this.bandFree = options.rules.map((r) => r.priceBand === noPriceBand);
    this.idPrefixes = options.instruments.map((ins) => `${options.idPrefix ?? 'run'}:${ins.symbol}:`);
  }

  attach(args: { portfolio: Portfolio; market: TBarAccess; sink: TKernelSink }): void {
    this.portfolio = args.portfolio;
    this.market = args.market;
    this.sink = args.sink;
  }

  submit(symbol: number, i: number, intent: TOrderIntent): void {
    const rules = this.options.rules[symbol];
    const instrument = this.options.instruments[symbol];
    const bars = this.market.bars(symbol);
    const held = this.portfolio.positions[symbol].qty;
    // Two exits on one bar (a stop and a signal): the second sells only what the first leaves.
    const alreadySelling = intent.side === 'sell' ? this.pendingSellQty(symbol) : 0;
    if (intent.side === 'sell' && alreadySelling >= held) {
      this.event(symbol, i, intent, intent.qty, 'expired', 'the position is already being sold by an earlier order');
      return;
    }
    const wanted = intent.side === 'sell' ? Math.min(intent.qty, held - alreadySelling) : intent.qty;
    const qty = rules.roundQty({ side: intent.side, qty: wanted, held, instrument, time: bars.time[i] });
    const id = this.idPrefixes[symbol] + timeDigits(bars.time[i]) + ':' + intent.nodeId;
    if (!(qty > 0)) {
      this.reject(symbol, i, intent, intent.qty, intent.side === 'buy' ? 'quantity rounds to zero lots' : 'nothing sellable');
      return;
    }
    this.pending[symbol].push({ intent, qty, decidedIndex: i, id });
    this.pendingCount++;
    if (this.options.fillTiming === 'close') this.fillPending(symbol, i, 'close');
  }

  onBarOpen(symbol: number, i: number): void {
    if (this.pendingCount === 0 || this.options.fillTiming === 'close') return;
    if (this.pending[symbol].length > 0) this.fillPending(symbol, i, 'open');
  }

  onBarClose(): void {
    // Close fills happen at submit; nothing waits for the close.
  }

  private fillPending(symbol: number, i: number, at: 'open' | 'close'): void {
    const queue = this.pending[symbol];
    for (const order of queue) this.tryFill(symbol, i, at, order);
    this.pendingCount -= queue.length;
    queue.length = 0;
  }

  private tryFill(symbol: number, i: number, at: 'open' | 'close', order: TPendingOrder): void {
    const { rules, instruments } = this.options;
    const costs = this.options.costs[symbol];
    const rule = rules[symbol];
    const instrument = instruments[symbol];
    const bars = this.market.bars(symbol);
    const time = bars.time[i];
    const { intent } = order;
    const buy = intent.side === 'buy';
    const ref = at === 'open' ? bars.open[i] : bars.close[i];

    let price: number;
    let liquidity: 'maker' | 'taker' = 'taker';
    if (intent.type === 'market') {
      const slip = costs.slippageBps / 10_000;
      price = buy ? ref * (1 + slip) : ref * (1 - slip);
    } else if (buy ? ref <= intent.limitPrice : ref >= intent.limitPrice) {
      price = ref; // marketable on arrival
    } else if (at === 'open' && (buy ? bars.low[i] <= intent.limitPrice : bars.high[i] >= intent.limitPrice)) {
      price = intent.limitPrice;
      liquidity = 'maker';
    } else {
      this.expire(symbol, i, order, `limit ${intent.limitPrice} not reached`);
      return;
    }

    if (!this.bandFree[symbol]) {
      // Limits come from the previous trading DAY's close (intraday bars too); NaN on the first
      // day of the data lets the rules apply an IPO's first-day cap from the offer price.
      const band = rule.priceBand({ instrument, prevClose: this.previousDayClose(bars, i), time, sessionIndex: this.sessionIndex(symbol, bars, i) });
      if (band) {
        const locked = buy ? bars.low[i] >= band.up - EPS : bars.high[i] <= band.down + EPS;
        if (locked) {
          this.expire(symbol, i, order, buy ? 'locked at limit-up' : 'locked at limit-down');
          return;
        }
        if (price > band.up) price = band.up;
        if (price < band.down) price = band.down;
      }
    }

    const position = this.portfolio.positions[symbol];
    let qty = order.qty;
    if (!buy) {
      const sellable = position.sellable;
      if (qty > sellable + EPS) {
        qty = rule.roundQty({ side: 'sell', qty: sellable, held: position.qty, instrument, time });
        if (!(qty > 0)) {
          this.reject(symbol, i, intent, order.qty, position.qty > 0 ? 'shares bought today cannot be sold until the next trading day (T+1)' : 'no position to sell');
          return;
        }
      }
    }
    const fee = rule.fees({ side: intent.side, qty, price, time, instrument, costs, liquidity });
    if (buy && qty * price + fee.total > this.portfolio.account.cash + EPS) {
      this.reject(symbol, i, intent, qty, `insufficient cash: needs ${(qty * price + fee.total).toFixed(2)}, has ${this.portfolio.account.cash.toFixed(2)}`);
      return;
    }
    const lock = buy && rule.settlementDays(instrument, time) === 1;
    this.portfolio.applyFill(symbol, intent.side, qty, price, fee.total, i, time, lock);
    this.sink.fill?.({ orderId: order.id, time, symbol: instrument.symbol, side: intent.side, qty, price, fee: fee.total, feeParts: fee.parts, reason: intent.reason });
  }

  private pendingSellQty(symbol: number): number {
    let qty = 0;
    for (const order of this.pending[symbol]) if (order.intent.side === 'sell') qty += order.qty;
    return qty;
  }

  private previousDayClose(bars: TBarColumns, i: number): number {
    const day = Math.floor(bars.time[i] / DAY_MS);
    let k = i - 1;
    while (k >= 0 && Math.floor(bars.time[k] / DAY_MS) === day) k--;
    return k >= 0 ? bars.close[k] : NaN;
  }

  /** Trading days before bar i's day in this symbol's data (0 on its first day). */
  private sessionIndex(symbol: number, bars: TBarColumns, i: number): number {
    const cursor = this.sessionCursor[symbol];
    if (i < cursor.bar) {
      cursor.bar = 0;
      cursor.sessions = 0;
    }
    for (let k = cursor.bar + 1; k <= i; k++) {
      if (Math.floor(bars.time[k] / DAY_MS) !== Math.floor(bars.time[k - 1] / DAY_MS)) cursor.sessions++;
    }
    cursor.bar = i;
    return cursor.sessions;
  }

  private reject(symbol: number, i: number, intent: TOrderIntent, qty: number, reason: string): void {
    this.event(symbol, i, intent, qty, 'rejected', reason);
  }

  private expire(symbol: number, i: number, order: TPendingOrder, reason: string): void {
    this.event(symbol, i, order.intent, order.qty, 'expired', reason);
  }

  private event(symbol: number, i: number, intent: TOrderIntent, qty: number, status: 'rejected' | 'expired', reason: string): void {
    this.sink.order?.({
      time: this.market.bars(symbol).time[i],
      symbol: this.options.instruments[symbol].symbol,
      side: intent.side,
      qty,
      status,
      reason,
      nodeId: intent.nodeId,
    });
  }
}
