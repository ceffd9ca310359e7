/**
 * HK order quantities and settlement.
 *
 * Orders on the SEHK trading system are in whole board lots; each issuer sets its own board lot
 * (HKEX Rules of the Exchange; the lot lives in the symbol master). Odd lots cannot be traded on
 * the main order book — they go to the odd-lot / special-lot market at a worse price. We let a
 * sell of the WHOLE holding include its odd remainder (a simplification: the odd part would in
 * reality be sold through the odd-lot market), otherwise sells are whole board lots.
 *
 * Settlement is T+2 (CCASS), but shares bought can be sold again the same day: for trading
 * purposes HK is T+0 (HKEX: no restriction on day trading).
 * No daily price limit (the Volatility Control Mechanism's 5-minute cooling-off is not modelled).
 */
import type { TInstrument } from '../types';
import { HK_DEFAULT_LOT } from './symbols';

const EPS = 1e-9;

export function hkBoardLot(instrument: TInstrument): number {
  if (instrument.board === 'index') return 1;
  return Number.isInteger(instrument.lotSize) && instrument.lotSize > 0 ? instrument.lotSize : HK_DEFAULT_LOT;
}

export function hkRoundQty(args: { side: 'buy' | 'sell'; qty: number; held: number; instrument: TInstrument }): number {
  const lot = hkBoardLot(args.instrument);
  const qty = Math.floor(args.qty + EPS);
  if (!(qty > 0)) return 0;
  if (args.side === 'sell') {
    const held = Math.max(0, Math.floor(args.held + EPS));
    if (held <= 0) return 0;
    if (qty >= held) return held;
  }
  return Math.floor(qty / lot) * lot;
}
