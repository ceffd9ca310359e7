/**
 * CN A-share daily price limits (涨跌幅限制), by board, ST status, listing age and date.
 *
 * Limit price = previous close × (1 ± ratio), rounded to the price tick HALF UP (四舍五入):
 * the price-limit articles of the SSE and SZSE Trading Rules ("涨跌幅限制价格 = 前收盘价 ×
 * (1 ± 涨跌幅限制比例)，计算结果按照四舍五入原则取至价格最小变动单位"; SZSE English text:
 * "The calculation result shall be rounded to the tick size"); the same half-up rounding is
 * stated for the IPO first-day 144%/64% range. We compute in integer ticks
 * (round(prevClose / tick) × (100 ± pct), then half-up division by 100), so 10.05 × 1.1 =
 * 11.055 gives 11.06 exactly, never the 11.05 a float multiply would give. Checked against
 * the bundled bars: every limit-locked day of 300750.SZ in June 2018 equals our limit to the
 * cent (tests/unit/markets/cn-a-data.test.ts).
 * When rounding would leave a limit equal to the previous close (prices under ~0.10 CNY) we
 * move it one tick away — our handling of a case the bundled data never reaches (ASSUMPTION).
 *
 * The previous close must be the exchange's raw previous close (前收盘价). On ex-rights /
 * ex-dividend days the exchange uses an adjusted previous close (除权除息参考价), which raw
 * bar files do not carry: a band computed from yesterday's raw close is then off.
 */
import type { TInstrument, TPriceBand } from '../types';
import { day, inForce, type TDated } from '../dates';
import { isStOn } from '../symbols';
import { cnCalendar } from './calendar';

/** ± percent by date for one board; null = no daily limit. */
type TRatioTable = readonly TDated<number | null>[];

export const MAIN_BOARD_LIMIT: TRatioTable = [
  { from: '1900-01-01', value: null, source: 'No daily limit before 1996-12-16 (SSE lifted limits on 1992-05-21; SZSE likewise). Limits of 1990–1992 (0.5%–5%) are not modelled' },
  { from: '1996-12-16', value: 10, source: 'CSRC/SSE/SZSE: ±10% daily limit on stocks and funds from 1996-12-16 (SSE/SZSE notices of 1996-12-13)' },
];

/** Main-board (and pre-2020-08-24 ChiNext) ST / *ST stocks. */
export const MAIN_BOARD_ST_LIMIT: TRatioTable = [
  { from: '1900-01-01', value: 10, source: 'ST label did not exist before 1998-04-22 (no stock can carry it)' },
  { from: '1998-04-22', value: 5, source: 'SSE/SZSE special treatment (ST) regime from 1998-04-22: ±5% daily limit' },
  { from: '2026-07-06', value: 10, source: 'SSE/SZSE Trading Rules (2026 rev.), effective 2026-07-06: main-board risk-warning (ST/*ST) limit 5% → 10% (consultation 2025-06-27 《关于调整主板风险警示股票价格涨跌幅限制比例及有关事项的通知（征求意见稿）》; effective date per exchange announcements reported 2026-07-05)' },
];

export const CHINEXT_LIMIT: TRatioTable = [
  { from: '1900-01-01', value: 10, source: 'ChiNext (launched 2009-10-30) under the main-board ±10% rule' },
  { from: '2020-08-24', value: 20, source: 'SZSE 《创业板股票上市规则（2020年修订）》/ 《创业板交易特别规定》: ±20% from 2020-08-24 (registration reform launch)' },
];

export const CHINEXT_ST_LIMIT: TRatioTable = [
  { from: '1900-01-01', value: 5, source: 'ChiNext ST / *ST ±5% before the reform (SZSE Trading Rules)' },
  { from: '2020-08-24', value: 20, source: 'SZSE 《创业板交易特别规定》 2020-08-24: ChiNext risk-warning stocks ±20%, same as other ChiNext stocks' },
];

export const STAR_LIMIT: TRatioTable = [
  { from: '1900-01-01', value: 20, source: 'SSE 《科创板股票交易特别规定》 (2019-07-22 launch), Art. 18: ±20%, ST included' },
];

export const BSE_LIMIT: TRatioTable = [
  { from: '1900-01-01', value: 30, source: 'BSE 《北京证券交易所交易规则（试行）》 (2021-11-15 launch): ±30%, ST included' },
];

export const FUND_LIMIT: TRatioTable = [
  { from: '1900-01-01', value: null, source: 'No daily limit before 1996-12-16' },
  { from: '1996-12-16', value: 10, source: 'Exchange-traded funds (ETF/LOF) ±10% (same 1996-12-16 notice; SSE/SZSE fund trading rules)' },
];

/**
 * Listing dates from which a board's new listings trade with NO limit for their first N sessions.
 * Listings before the date: first session capped relative to the offer price (see FIRST_DAY_CAP),
 * then the board's normal limit.
 */
export const NO_LIMIT_WINDOW: Readonly<Record<'main' | 'chinext' | 'star' | 'bse', TDated<{ sessions: number } | null>[]>> = {
  main: [
    { from: '1900-01-01', value: null, source: 'approval-system main-board IPOs: capped first day' },
    { from: '2023-04-10', value: { sessions: 5 }, source: 'SSE/SZSE Trading Rules (2023 rev., full registration system; first main-board registration listings 2023-04-10): no limit in the first 5 trading days' },
  ],
  chinext: [
    { from: '1900-01-01', value: null, source: 'pre-reform ChiNext IPOs: capped first day' },
    { from: '2020-08-24', value: { sessions: 5 }, source: 'SZSE 《创业板交易特别规定》 2020-08-24: no limit in the first 5 trading days of a new listing' },
  ],
  star: [
    { from: '1900-01-01', value: { sessions: 5 }, source: 'SSE 《科创板股票交易特别规定》 Art. 18: no limit in the first 5 trading days' },
  ],
  bse: [
    { from: '1900-01-01', value: { sessions: 1 }, source: 'BSE Trading Rules: no limit on the first trading day of an IPO, ±30% from day 2' },
  ],
};

/**
 * First-session cap of a listing that has no no-limit window: percent up / down from the offer
 * price, or null = no cap (only intraday halts).
 */
export const FIRST_DAY_CAP: readonly TDated<{ up: number; down: number } | null>[] = [
  { from: '1900-01-01', value: null, source: 'No first-day limit for IPOs before 2014 (only intraday temporary halts)' },
  {
    from: '2014-01-01',
    value: { up: 44, down: 36 },
    source:
      'SSE/SZSE 《关于进一步加强新股上市初期交易监管的通知》 (2013-12): first-day valid order prices 64%–144% of the offer price (opening auction 80%–120%). ' +
      'ASSUMPTION on the date: no A-share IPO listed between 2012-11 and 2014-01-17 (IPO moratorium), so any date in that gap gives the same result; ' +
      'SCMP (2018-06-02) dates the 44% cap to June 2015 — if that is right, 2014-01..2015-06 listings had a different first-day regime',
  },
];

export type TLimitGroup = 'main' | 'chinext' | 'star' | 'bse' | 'fund' | 'none';

export function limitGroup(instrument: TInstrument): TLimitGroup {
  switch (instrument.board) {
    case 'sse-main':
    case 'szse-main':
      return 'main';
    case 'chinext':
      return 'chinext';
    case 'star':
      return 'star';
    case 'bse':
      return 'bse';
    case 'etf':
      return 'fund';
    default:
      return 'none';
  }
}

/** The ± percent in force for a stock on a day (ignoring new-listing windows), null = no limit. */
export function limitRatio(instrument: TInstrument, time: number): TDated<number | null> | null {
  const group = limitGroup(instrument);
  const st = isStOn(instrument, time);
  switch (group) {
    case 'main':
      return st ? inForce(MAIN_BOARD_ST_LIMIT, time) : inForce(MAIN_BOARD_LIMIT, time);
    case 'chinext':
      return st ? inForce(CHINEXT_ST_LIMIT, time) : inForce(CHINEXT_LIMIT, time);
    case 'star':
      return inForce(STAR_LIMIT, time);
    case 'bse':
      return inForce(BSE_LIMIT, time);
    case 'fund':
      return inForce(FUND_LIMIT, time);
    default:
      return null;
  }
}

/** Whether the instrument's listing gets a no-limit window and how long it is. */
export function noLimitWindow(instrument: TInstrument): TDated<{ sessions: number } | null> | null {
  const group = limitGroup(instrument);
  if (group !== 'main' && group !== 'chinext' && group !== 'star' && group !== 'bse') return null;
  if (!Number.isFinite(instrument.listingDate)) return null;
  if (group === 'main' && instrument.registrationIpo !== undefined) {
    const table = NO_LIMIT_WINDOW.main;
    return instrument.registrationIpo ? table[1] : table[0];
  }
  return inForce(NO_LIMIT_WINDOW[group], instrument.listingDate);
}

/** half-up of n / 100 for integer n ≥ 0 */
function divHundredHalfUp(n: number): number {
  return Math.floor((n + 50) / 100);
}

/**
 * Limit prices around a reference price: ref × (1 + up%) and ref × (1 − down%), each rounded
 * half up to the tick and kept at least one tick away from the reference.
 */
export function bandAround(ref: number, upPct: number, downPct: number, tick: number): TPriceBand {
  const refTicks = Math.round(ref / tick);
  let up = divHundredHalfUp(refTicks * (100 + upPct));
  let down = divHundredHalfUp(refTicks * (100 - downPct));
  if (up <= refTicks) up = refTicks + 1;
  if (down >= refTicks) down = Math.max(refTicks - 1, 1);
  const decimals = Math.max(0, Math.round(-Math.log10(tick)));
  return { up: Number((up * tick).toFixed(decimals)), down: Number((down * tick).toFixed(decimals)) };
}

/**
 * The price band of one trading day. Returns null when there is no limit that day (new-listing
 * window, pre-1996, indices) or when the reference price is unknown.
 *
 * Sessions since listing (0 = the listing day) decide the new-listing rules. When the instrument
 * knows its listing date they are counted on the exchange calendar, whatever `sessionIndex`
 * says — a bar index is only right when the bar file starts on the listing day and has no
 * suspension gaps (the kernel passes its bar index). Without a listing date, `sessionIndex`
 * is used as given.
 */
export function cnPriceBand(args: { instrument: TInstrument; prevClose: number; time: number; sessionIndex: number }): TPriceBand | null {
  const { instrument, prevClose, time } = args;
  const tick = instrument.tick > 0 ? instrument.tick : 0.01;
  const window = noLimitWindow(instrument);
  const sessionIndex = Number.isFinite(instrument.listingDate) ? cnCalendar.tradingDaysBetween(instrument.listingDate, time) : args.sessionIndex;
  const known = Number.isFinite(sessionIndex) && sessionIndex >= 0;
  if (window && known) {
    if (window.value && sessionIndex < window.value.sessions) return null;
    if (!window.value && sessionIndex === 0) {
      const cap = inForce(FIRST_DAY_CAP, instrument.listingDate).value;
      if (!cap) return null;
      // On the listing day the exchange's "previous close" is the offer price.
      const offer = instrument.ipoPrice ?? prevClose;
      if (!(offer > 0)) return null;
      return bandAround(offer, cap.up, cap.down, tick);
    }
  }
  const ratio = limitRatio(instrument, time);
  if (!ratio || ratio.value === null) return null;
  if (!(prevClose > 0) || !Number.isFinite(prevClose)) return null;
  return bandAround(prevClose, ratio.value, ratio.value, tick);
}

/**
 * Whether a bar is locked at a limit for the whole bar (一字板): low ≥ up means every trade was
 * at the up limit, so a buy could not fill; high ≤ down, so a sell could not fill.
 */
export function lockedSide(band: TPriceBand, bar: { open: number; high: number; low: number; close: number }): 'up' | 'down' | null {
  const eps = 1e-9;
  if (bar.low >= band.up - eps) return 'up';
  if (bar.high <= band.down + eps) return 'down';
  return null;
}

/** For tests and the UI: the listing date cut-over of each board's no-limit rule. */
export const NO_LIMIT_REFORM_DATES = {
  chinext: day('2020-08-24'),
  main: day('2023-04-10'),
} as const;
