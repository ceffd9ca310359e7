import type { TAccountView, TPositionView, TSide } from '@/nodes/sdk';
import type { TTrade } from './types';

/**
 * One cash account and a position per symbol, shared by every symbol of a run. The position
 * and account objects are themselves the views nodes read through `ctx` (no copying per bar).
 * Long-only: sells never take a position below zero.
 */
export class Position implements TPositionView {
  qty = 0;
  avgPrice = 0;
  sellable = 0;
  entryIndex = -1;
  highSinceEntry = NaN;
  lastExitIndex = -1;
  /** last price seen (close), for marking to market */
  lastPrice = NaN;
  /** quantity bought on `lockedDay` that T+1 rules keep unsellable until the next day */
  lockedQty = 0;
  lockedDay = -1;
  // the open round trip
  entryTime = NaN;
  boughtQty = 0;
  boughtValue = 0;
  soldQty = 0;
  soldValue = 0;
  tradeFees = 0;

  constructor(readonly symbol: string) {}
}

export class Account implements TAccountView {
  cash: number;
  equity: number;
  dayStartEquity: number;
  tradingDay = -1;
  openPositions = 0;
  feesPaid = 0;
  /** sum of |traded value|, for turnover */
  tradedValue = 0;

  constructor(initialCash: number) {
    this.cash = initialCash;
    this.equity = initialCash;
    this.dayStartEquity = initialCash;
  }
}

export class Portfolio {
  readonly account: Account;
  readonly positions: Position[];
  readonly trades: TTrade[] = [];
  /** indexes of positions with qty > 0, kept small so marking is cheap */
  private readonly open: number[] = [];
  /** fills applied so far: a walk that saw no new fill since its last revalue reuses that value */
  fillCount = 0;

  constructor(
    symbols: readonly string[],
    readonly initialCash: number,
    private readonly onTrade?: (trade: TTrade) => void,
  ) {
    this.account = new Account(initialCash);
    this.positions = symbols.map((s) => new Position(s));
  }

  /** A new trading day starts: yesterday's buys become sellable and the daily loss baseline resets. */
  startDay(day: number): void {
    const a = this.account;
    a.tradingDay = day;
    a.dayStartEquity = a.equity;
    for (const k of this.open) {
      const p = this.positions[k];
      if (p.lockedDay !== day) {
        p.lockedQty = 0;
        p.sellable = p.qty;
      }
    }
  }

  /** Sets the symbol's mark price (bar close) and tracks the high since entry. */
  mark(symbol: number, price: number): void {
    const p = this.positions[symbol];
    p.lastPrice = price;
    if (p.qty > 0 && price > p.highSinceEntry) p.highSinceEntry = price;
  }

  /** Recomputes equity from cash and marked positions (exact, no running sum drift). */
  revalue(): number {
    let value = this.account.cash;
    const open = this.open;
    for (let j = 0; j < open.length; j++) {
      const p = this.positions[open[j]];
      value += p.qty * p.lastPrice;
    }
    this.account.equity = value;
    return value;
  }

  applyFill(symbol: number, side: TSide, qty: number, price: number, fee: number, barIndex: number, time: number, lockUntilNextDay: boolean): void {
    const p = this.positions[symbol];
    const a = this.account;
    const value = qty * price;
    this.fillCount++;
    a.feesPaid += fee;
    a.tradedValue += value;
    if (side === 'buy') {
      a.cash -= value + fee;
      if (p.qty === 0) {
        p.entryIndex = barIndex;
        p.entryTime = time;
        p.highSinceEntry = price;
        p.boughtQty = p.boughtValue = p.soldQty = p.soldValue = p.tradeFees = 0;
        this.open.push(symbol);
        a.openPositions++;
      }
      p.avgPrice = (p.avgPrice * p.qty + value) / (p.qty + qty);
      p.qty += qty;
      p.boughtQty += qty;
      p.boughtValue += value;
      p.tradeFees += fee;
      if (lockUntilNextDay) {
        if (p.lockedDay !== a.tradingDay) p.lockedQty = 0;
        p.lockedDay = a.tradingDay;
        p.lockedQty += qty;
      } else p.sellable += qty;
      if (p.lastPrice !== p.lastPrice) p.lastPrice = price;
      return;
    }
    a.cash += value - fee;
    p.qty -= qty;
    p.sellable -= qty;
    p.soldQty += qty;
    p.soldValue += value;
    p.tradeFees += fee;
    if (p.qty <= 1e-12) this.closeRoundTrip(symbol, p, barIndex, time);
  }

  private closeRoundTrip(symbol: number, p: Position, barIndex: number, time: number): void {
    const trade: TTrade = {
      symbol: p.symbol,
      side: 'long',
      entryTime: p.entryTime,
      exitTime: time,
      qty: p.boughtQty,
      entryPrice: p.boughtValue / p.boughtQty,
      exitPrice: p.soldValue / p.soldQty,
      pnl: p.soldValue - p.boughtValue - p.tradeFees,
      fees: p.tradeFees,
      bars: barIndex - p.entryIndex,
    };
    p.qty = 0;
    p.sellable = 0;
    p.avgPrice = 0;
    p.lockedQty = 0;
    p.entryIndex = -1;
    p.highSinceEntry = NaN;
    p.lastExitIndex = barIndex;
    // in place, order kept (revalue sums in this order): splice allocated an array per trade
    const open = this.open;
    const at = open.indexOf(symbol);
    if (at >= 0) {
      for (let k = at; k + 1 < open.length; k++) open[k] = open[k + 1];
      open.length--;
    }
    this.account.openPositions--;
    this.trades.push(trade);
    this.onTrade?.(trade);
  }
}
