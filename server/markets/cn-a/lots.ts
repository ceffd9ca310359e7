/**
 * CN A-share order quantities (申报数量) and T+1.
 *
 * Main board, ChiNext, funds: buy orders in multiples of 100 shares (1 手). A sell may include
 * an odd lot (< 100) only as the whole odd remainder of the holding: "卖出时，余额不足100股
 * 的部分，应当一次性申报卖出" (SSE Trading Rules / SZSE Trading Rules, order-quantity articles).
 *   valid sells: k×100, or k×100 + (held mod 100), never more than held.
 * STAR (from 2019-07-22): "单笔申报数量应当不小于200股…可以按1股为单位递增…卖出时，余额不足
 *   200股的部分，应当一次性申报卖出" (SSE 《科创板股票交易特别规定》, limit orders).
 * BSE (from 2021-11-15): at least 100 shares, then steps of 1; a balance under 100 must be sold
 *   at once (《北京证券交易所交易规则（试行）》).
 * Indices are not tradable; we let a backtest "trade" them in whole units.
 * Per-order maxima (main board 1,000,000; STAR limit orders 100,000) are not enforced.
 *
 * T+1 (shares bought today can be sold from the next trading day; cash from a sale is usable the
 * same day): from 1995-01-01 (SSE/SZSE moved A-shares from T+0 to T+1 on 1995-01-01).
 * Equity ETFs are T+1 as well; bond / gold / cross-border / money-market ETFs are T+0 on the
 * exchanges but the symbol master does not tell them apart yet, so every fund is treated T+1.
 */
import type { TInstrument } from '../types';
import { inForce, type TDated } from '../dates';

const EPS = 1e-9;

export const SETTLEMENT_TABLE: readonly TDated<0 | 1>[] = [
  { from: '1900-01-01', value: 0, source: 'A-shares traded T+0 from 1992-05-21 (and earlier) until 1994-12-31' },
  { from: '1995-01-01', value: 1, source: 'SSE/SZSE: A-share trading switched to T+1 on 1995-01-01' },
];

export function cnSettlementDays(instrument: TInstrument, time: number): 0 | 1 {
  if (instrument.board === 'index') return 0;
  return inForce(SETTLEMENT_TABLE, time).value;
}

interface TQtyRule {
  /** minimum buy quantity */
  min: number;
  /** step above the minimum */
  step: number;
}

export function cnQtyRule(instrument: TInstrument): TQtyRule {
  switch (instrument.board) {
    case 'star':
      return { min: 200, step: 1 };
    case 'bse':
      return { min: 100, step: 1 };
    case 'index':
      return { min: 1, step: 1 };
    default:
      return { min: 100, step: 100 };
  }
}

/**
 * Largest valid quantity not above `qty` (0 when none): buys per the board's minimum and step;
 * sells additionally capped at `held`, selling everything is always valid.
 */
export function cnRoundQty(args: { side: 'buy' | 'sell'; qty: number; held: number; instrument: TInstrument }): number {
  const { side, instrument } = args;
  const rule = cnQtyRule(instrument);
  const held = Math.max(0, Math.floor(args.held + EPS));
  let qty = Math.floor(args.qty + EPS);
  if (!(qty > 0)) return 0;
  if (side === 'buy') {
    if (qty < rule.min) return 0;
    return rule.min + Math.floor((qty - rule.min) / rule.step) * rule.step;
  }
  if (held <= 0) return 0;
  if (qty >= held) return held; // the whole position, odd lot included
  if (rule.step === 1) {
    // STAR / BSE: any quantity ≥ the minimum; below it only the whole (small) holding.
    return qty >= rule.min ? qty : 0;
  }
  // Main board / ChiNext / funds: round lots, or round lots plus the whole odd remainder.
  const odd = held % rule.step;
  const lots = Math.floor(qty / rule.step) * rule.step;
  const withOdd = odd > 0 && qty >= odd ? Math.floor((qty - odd) / rule.step) * rule.step + odd : 0;
  return Math.max(lots, withOdd);
}
