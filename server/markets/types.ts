/**
 * The market-rules interface the simulated broker (backtest and paper) asks before every fill.
 * Each market implements it in its own file; every rule that changed over time is a
 * date-versioned table inside that file, never a constant.
 *
 * Times are exchange-local wall-clock time encoded as epoch ms "as if UTC" (see
 * docs/ARCHITECTURE.md), so `tradingDay(time)` is a plain division.
 */
export type TMarketId = 'us' | 'crypto' | 'cn-a' | 'hk';

export type TBoard =
  | 'sse-main'
  | 'szse-main'
  | 'chinext'
  | 'star'
  | 'bse'
  | 'hk-main'
  | 'hk-gem'
  | 'us'
  | 'crypto'
  | 'index'
  | 'etf';

export interface TInstrument {
  symbol: string;
  market: TMarketId;
  board: TBoard;
  currency: string;
  /** shares per board lot (CN: 100, HK: per stock, US: 1, crypto: 0 = fractional) */
  lotSize: number;
  /** smallest quantity step for crypto (e.g. 1e-8); 1 for shares */
  qtyStep: number;
  /** price tick */
  tick: number;
  /** first trading day, exchange-local ms; NaN when unknown */
  listingDate: number;
  /** periods (local ms, [from, to)) when the stock carried ST / *ST */
  stPeriods: Array<{ from: number; to: number }>;
  name?: { en?: string; zh?: string };
  /** CN main-board IPO under the registration system (no first-5-day limit from 2023-04-10) */
  registrationIpo?: boolean;
  /** offer price, for pre-reform IPO first-day caps (+44% / −36%) */
  ipoPrice?: number;
}

/** User-configurable cost settings; markets read what applies to them. */
export interface TCostConfig {
  /** commission as a fraction of traded value (0.00025 = 0.025%) */
  commissionRate: number;
  /** minimum commission per order, in the instrument's currency */
  minCommission: number;
  /** per-share commission (US brokers that charge by share); 0 = off */
  commissionPerShare: number;
  /** crypto maker / taker fee rates (fractions); stocks ignore them */
  makerFee: number;
  takerFee: number;
  /** slippage applied to market fills, in basis points of price, against the trader */
  slippageBps: number;
}

export interface TFeeBreakdown {
  total: number;
  /** named parts, e.g. { commission: 5, stampDuty: 12.3, transferFee: 0.2 } */
  parts: Record<string, number>;
}

export interface TPriceBand {
  up: number;
  down: number;
}

export interface TMarketRules {
  id: TMarketId;
  label: { en: string; zh: string };
  /** IANA zone of the exchange (display; times are already local) */
  timezone: string;
  /** days per year used to annualise daily returns (252 stock markets, 365 crypto) */
  tradingDaysPerYear: number;
  /** 0 = shares bought today can be sold today; 1 = from the next trading day (A-shares T+1) */
  settlementDays(instrument: TInstrument, time: number): 0 | 1;
  /**
   * Rounds a wanted quantity to a tradable one (lots, odd-lot rules, fractional steps);
   * returns 0 when nothing can be traded. `held` is the current position.
   */
  roundQty(args: { side: 'buy' | 'sell'; qty: number; held: number; instrument: TInstrument; time: number }): number;
  /** the daily price band for a bar, or null when the market/stock has none that day */
  priceBand(args: { instrument: TInstrument; prevClose: number; time: number; sessionIndex: number }): TPriceBand | null;
  /** all fees and taxes of one fill */
  fees(args: { side: 'buy' | 'sell'; qty: number; price: number; time: number; instrument: TInstrument; costs: TCostConfig; liquidity: 'maker' | 'taker' }): TFeeBreakdown;
  /** builds instrument facts from a code when the symbol master has none */
  inferInstrument(symbol: string): TInstrument;
}

export const DAY_MS = 86_400_000;

export function tradingDayOf(localTimeMs: number): number {
  return Math.floor(localTimeMs / DAY_MS);
}

export const DEFAULT_COSTS: TCostConfig = {
  commissionRate: 0.00025,
  minCommission: 0,
  commissionPerShare: 0,
  makerFee: 0.001,
  takerFee: 0.001,
  slippageBps: 0,
};
