/**
 * What a node may see at run time besides its wired inputs. Everything here describes the
 * present bar or the past; nothing lets a node read a future bar.
 */

import type { TAiBar, TLlmPort } from './llm-port';

export type TSide = 'buy' | 'sell';
export type TAction = 'BUY' | 'SELL' | 'HOLD';

export interface TDecision {
  action: TAction;
  /** 0..1 */
  confidence: number;
  reasoning: string;
  /** id of the stored record behind it (e.g. a debate transcript), when there is one */
  ref?: string;
}

/** How an order node sizes its order; resolved to a share quantity at decision time. */
export type TOrderSizing =
  | { kind: 'shares'; qty: number }
  | { kind: 'cash'; amount: number }
  | { kind: 'percentEquity'; fraction: number }
  | { kind: 'targetPercent'; fraction: number }
  | { kind: 'targetShares'; qty: number }
  | { kind: 'closeAll' };

/** An order intent as it flows along `order` ports, before risk nodes and the broker see it. */
export interface TOrderIntent {
  side: TSide;
  /** whole or fractional quantity, already resolved from the sizing at decision time */
  qty: number;
  type: 'market' | 'limit';
  /** limit price (limit orders only) */
  limitPrice: number;
  /** id of the node that created it: part of the deterministic client order id */
  nodeId: string;
  /** why (shown in trade lists): e.g. "stop loss 5%" */
  reason: string;
  /** true when the intent only reduces an open position (exits are never blocked by entry guards) */
  reduceOnly: boolean;
}

export interface TBarView {
  /** index of this bar in its symbol's series */
  index: number;
  /** epoch milliseconds (UTC) */
  time: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  amount: number;
}

export interface TPositionView {
  qty: number;
  avgPrice: number;
  /** qty that may be sold now (T+1 markets hold back today's buys) */
  sellable: number;
  /** bar index (this symbol) when the current position was opened, -1 when flat */
  entryIndex: number;
  /** highest close since the position was opened (for trailing stops) */
  highSinceEntry: number;
  /** bar index of the last exit to flat, -1 if none */
  lastExitIndex: number;
}

export interface TAccountView {
  cash: number;
  equity: number;
  /** equity at the start of the current trading day */
  dayStartEquity: number;
  /** the current trading day as days since 1970-01-01 in the market's time zone */
  tradingDay: number;
  openPositions: number;
}

/** The run-time context passed to every step. One object per (plan, symbol), mutated per bar. */
export interface TNodeContext {
  symbol: string;
  bar: TBarView;
  position: TPositionView;
  account: TAccountView;
  /** A source of LLM decisions; null when the run has none (nodes must then HOLD). */
  llm: TLlmPort | null;
  /**
   * Up to `count` bars ending at the current one, oldest first: only bars already seen, so no
   * look-ahead. Trading nodes step only after the plan's warm-up, so they cannot collect this
   * history themselves. Optional: a harness without it gives nodes the current bar alone.
   */
  recentBars?(count: number): TAiBar[];
}
