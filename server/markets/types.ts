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
  /**
   * Optional (added with the CN-A/HK rules): par value per share in the instrument's currency.
   * The SSE transfer fee before 2015-08-01 was charged on par value, not on traded value.
   * Absent = 1 (almost every A-share has a par value of 1 CNY).
   */
  parValue?: number;
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
  /**
   * the daily price band for a bar, or null when the market/stock has none that day.
   * `prevClose` must be the previous TRADING DAY's close (not the previous intraday bar's).
   * `sessionIndex` = trading sessions since listing (0 = listing day); CN-A counts it on its
   * calendar itself when the instrument has a listing date and uses the argument only otherwise.
   */
  priceBand(args: { instrument: TInstrument; prevClose: number; time: number; sessionIndex: number }): TPriceBand | null;
  /** all fees and taxes of one fill */
  fees(args: { side: 'buy' | 'sell'; qty: number; price: number; time: number; instrument: TInstrument; costs: TCostConfig; liquidity: 'maker' | 'taker' }): TFeeBreakdown;
  /** builds instrument facts from a code when the symbol master has none */
  inferInstrument(symbol: string): TInstrument;
  /**
   * Optional (added with the CN-A/HK rules): cost settings this market's users expect by
   * default, e.g. CN-A `{ commissionRate: 0.00025, minCommission: 5 }`. A run's costs come from
   * `costsFor(rules, userCosts)` (below); `fees()` itself uses only the `costs` it is given.
   */
  defaultCosts?: Partial<TCostConfig>;
  /** Optional: the exchange's trading calendar and sessions (CN-A, HK). */
  calendar?: TTradingCalendar;
  /**
   * Optional: the rules in force for an instrument on a date, for the UI's "rules of this run"
   * panel and the order log (each with the date it took effect and its source).
   */
  rulesInForce?(args: { instrument: TInstrument; time: number }): TRuleNote[];
}

/** One continuous-trading session of a day, as local ms ([open, close], both inclusive). */
export interface TSession {
  name: 'morning' | 'afternoon';
  open: number;
  close: number;
}

export interface TTradingCalendar {
  /**
   * The days (local ms at 00:00, inclusive) for which the holiday table is authoritative;
   * outside this range every Monday–Friday counts as a trading day.
   */
  coverage: { from: number; to: number };
  isTradingDay(time: number): boolean;
  /** the continuous sessions of the day containing `time`; [] on a non-trading day */
  sessionsOn(time: number): TSession[];
  /** the session whose [open, close] contains `time`, or null (lunch break, night, holiday) */
  sessionOf(time: number): TSession | null;
  /** the first session open strictly after `time` */
  nextSessionOpen(time: number): number;
  /** the trading day after the day containing `time` (local ms at 00:00) */
  nextTradingDay(time: number): number;
  /** number of trading days d with from <= d < to (days of the given times) */
  tradingDaysBetween(from: number, to: number): number;
}

/** A rule in force, for display: what it is, since when, and where it comes from. */
export interface TRuleNote {
  id: string;
  label: { en: string; zh: string };
  /** human-readable value, e.g. "±10%" or "0.05% of value, sells only" */
  value: string;
  /** local date the value took effect, 'YYYY-MM-DD'; '' when it predates the tables */
  since: string;
  source: string;
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

/**
 * The costs a run applies: the defaults, then the market's own (e.g. CN-A's 5 CNY minimum
 * commission), then what the user set; a field the user left unset (undefined, or null as stored
 * for a trader) keeps the one below it.
 */
export function costsFor(rules: Pick<TMarketRules, 'defaultCosts'>, user: { [K in keyof TCostConfig]?: number | null } = {}): TCostConfig {
  const set = Object.fromEntries(Object.entries(user).filter(([, v]) => v !== undefined && v !== null)) as Partial<TCostConfig>;
  return { ...DEFAULT_COSTS, ...rules.defaultCosts, ...set };
}

/**
 * `priceBand` of a market with no daily price limit at all (US, HK, crypto). The simulated
 * broker recognises it and skips the previous-day close and session count it would otherwise
 * work out for every fill.
 */
export const noPriceBand = (): TPriceBand | null => null;
