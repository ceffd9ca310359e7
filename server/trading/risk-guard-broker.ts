/**
 * Risk limits as a broker decorator: it sits between the kernel and the real or simulated broker,
 * so the kernel and the strategy graph stay unchanged. It checks entries only — an exit
 * (a sell, or any reduce-only intent) is never blocked, because refusing to cut a position is
 * itself a risk. A limit breach becomes a 'rejected' order event with the reason.
 *
 *  - max order value: qty × (limit or the decision bar's close)
 *  - max position %: (held + qty) × price ÷ equity after the entry
 *  - max daily loss %: from the day-start equity; once reached, no entries until the next day
 *  - max orders per day: entries sent to the broker on the bar's trading day
 */
import type { TOrderIntent } from '@/nodes/sdk';
import type { Portfolio } from '@/server/engine/kernel/portfolio';
import type { TBarAccess, TBrokerPort, TKernelSink } from '@/server/engine/kernel/types';
import { DAY_MS } from '@/server/markets/types';
import type { TRiskLimits } from './types';

export interface TRiskEvents {
  /** the daily-loss limit was reached on `day` (once per day) */
  onHalt?(day: number, lossPct: number): void;
  onReject?(symbol: number, i: number, intent: TOrderIntent, reason: string): void;
}

export class RiskGuardBroker implements TBrokerPort {
  private portfolio!: Portfolio;
  private market!: TBarAccess;
  private sink!: TKernelSink;
  private day = -1;
  private entriesToday = 0;
  private haltedDay = -1;

  constructor(
    private readonly inner: TBrokerPort,
    private limits: TRiskLimits,
    private readonly symbols: readonly string[],
    private readonly events: TRiskEvents = {},
  ) {}

  setLimits(limits: TRiskLimits): void {
    this.limits = limits;
  }

  attach(args: { portfolio: Portfolio; market: TBarAccess; sink: TKernelSink }): void {
    this.portfolio = args.portfolio;
    this.market = args.market;
    this.sink = args.sink;
    this.inner.attach(args);
  }

  onBarOpen(symbol: number, i: number): void {
    this.inner.onBarOpen(symbol, i);
  }

  onBarClose(symbol: number, i: number): void {
    this.inner.onBarClose(symbol, i);
  }

  /** Checks the limits, then passes the intent on or rejects it. */
  submit(symbol: number, i: number, intent: TOrderIntent): void {
    const reason = this.check(symbol, i, intent);
    if (reason) {
      this.events.onReject?.(symbol, i, intent, reason);
      this.sink.order?.({ time: this.market.bars(symbol).time[i], symbol: this.symbols[symbol], side: intent.side, qty: intent.qty, status: 'rejected', reason, nodeId: intent.nodeId });
      return;
    }
    this.admit(symbol, i, intent);
  }

  /** Passes an intent on without checking it (replaying one that was checked before), counting it. */
  admit(symbol: number, i: number, intent: TOrderIntent): void {
    this.rollDay(this.market.bars(symbol).time[i]);
    if (isEntry(intent)) this.entriesToday++;
    this.inner.submit(symbol, i, intent);
  }

  /** The reason an intent breaks a limit, or null. */
  check(symbol: number, i: number, intent: TOrderIntent): string | null {
    if (!isEntry(intent)) return null;
    const bars = this.market.bars(symbol);
    const t = bars.time[i];
    this.rollDay(t);
    const { maxOrderValue, maxPositionPct, maxDailyLossPct, maxOrdersPerDay } = this.limits;
    const account = this.portfolio.account;
    if (maxDailyLossPct !== null) {
      const lossPct = account.dayStartEquity > 0 ? ((account.dayStartEquity - account.equity) / account.dayStartEquity) * 100 : 0;
      if (lossPct >= maxDailyLossPct - 1e-12) {
        if (this.haltedDay !== this.day) {
          this.haltedDay = this.day;
          this.events.onHalt?.(this.day, lossPct);
        }
      }
      if (this.haltedDay === this.day) return `risk: daily loss limit ${maxDailyLossPct}% reached, no new entries until the next trading day`;
    }
    if (maxOrdersPerDay !== null && this.entriesToday >= maxOrdersPerDay) return `risk: ${maxOrdersPerDay} entry orders per day already sent`;
    const price = intent.type === 'limit' ? intent.limitPrice : bars.close[i];
    const value = intent.qty * price;
    if (maxOrderValue !== null && value > maxOrderValue + 1e-9) return `risk: order value ${value.toFixed(2)} exceeds the maximum ${maxOrderValue}`;
    if (maxPositionPct !== null && account.equity > 0) {
      const held = this.portfolio.positions[symbol].qty;
      const pct = (((held + intent.qty) * price) / account.equity) * 100;
      if (pct > maxPositionPct + 1e-9) return `risk: position would be ${pct.toFixed(1)}% of equity, above the maximum ${maxPositionPct}%`;
    }
    return null;
  }

  private rollDay(t: number): void {
    const day = Math.floor(t / DAY_MS);
    if (day !== this.day) {
      this.day = day;
      this.entriesToday = 0;
    }
  }
}

function isEntry(intent: TOrderIntent): boolean {
  return intent.side === 'buy' && !intent.reduceOnly;
}
