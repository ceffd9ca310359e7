/**
 * Futu's trading enums (Trd_Common.proto of futu-api 10.x) and their mapping to ours.
 * Stock Connect (A-shares bought from Hong Kong) is trdMarket HKCC with secMarket CN_SH/CN_SZ.
 */
import type { TSide } from '@/nodes/sdk';
import type { TMarketId } from '@/server/markets/types';
import type { TOrderStatus } from '../../types';

export const TRD_ENV = { simulate: 0, real: 1 } as const;
export type TFutuEnv = keyof typeof TRD_ENV;
export const TRD_MARKET = { HK: 1, US: 2, CN: 3, HKCC: 4 } as const;
export const TRD_SEC_MARKET = { HK: 1, US: 2, CN_SH: 31, CN_SZ: 32 } as const;
export const TRD_SIDE = { buy: 1, sell: 2, sellShort: 3, buyBack: 4 } as const;
export const ORDER_TYPE = { normal: 1, market: 2 } as const;
export const MODIFY_ORDER_OP = { cancel: 2 } as const;
export const TIME_IN_FORCE_DAY = 0;
export const SECURITY_FIRM_FUTU_HK = 1;

/** The Futu trading market for one of our markets (A-shares go through Stock Connect). */
export function futuTrdMarket(market: TMarketId): number {
  if (market === 'hk') return TRD_MARKET.HK;
  if (market === 'us') return TRD_MARKET.US;
  if (market === 'cn-a') return TRD_MARKET.HKCC;
  throw new Error(`Futu does not trade the ${market} market`);
}

/** 600519.SH → { code '600519', secMarket 31 }; 00700.HK → { '00700', 1 }; AAPL.US → { 'AAPL', 2 } */
export function futuCode(symbol: string): { code: string; secMarket: number } {
  const [code, suffix] = symbol.split('.');
  if (suffix === 'SH') return { code, secMarket: TRD_SEC_MARKET.CN_SH };
  if (suffix === 'SZ') return { code, secMarket: TRD_SEC_MARKET.CN_SZ };
  if (suffix === 'HK') return { code: code.padStart(5, '0'), secMarket: TRD_SEC_MARKET.HK };
  if (suffix === 'US' || suffix === undefined) return { code, secMarket: TRD_SEC_MARKET.US };
  throw new Error(`no Futu code for ${symbol}`);
}

/** The reverse of futuCode, given the secMarket Futu reports (positions, orders). */
export function symbolFromFutu(code: string, secMarket: number | undefined, trdMarket: number): string {
  if (secMarket === TRD_SEC_MARKET.CN_SH) return `${code}.SH`;
  if (secMarket === TRD_SEC_MARKET.CN_SZ) return `${code}.SZ`;
  if (secMarket === TRD_SEC_MARKET.HK || (secMarket === undefined && trdMarket === TRD_MARKET.HK)) return `${code.padStart(5, '0')}.HK`;
  return `${code}.US`;
}

export function futuSide(side: TSide): number {
  return side === 'buy' ? TRD_SIDE.buy : TRD_SIDE.sell;
}

/** Sell-short is a sell and buy-back a buy for a long-only trader's bookkeeping. */
export function sideFromFutu(trdSide: number): TSide {
  return trdSide === TRD_SIDE.buy || trdSide === TRD_SIDE.buyBack ? 'buy' : 'sell';
}

/** OrderStatus → ours; the second value says whether the order is finished. */
export function orderStatusFromFutu(status: number): { status: TOrderStatus; final: boolean; label: string } {
  switch (status) {
    case 11:
      return { status: 'filled', final: true, label: 'filled' };
    case 10:
      return { status: 'partially-filled', final: false, label: 'partly filled' };
    case 12:
      return { status: 'partially-filled', final: false, label: 'partly filled, cancelling the rest' };
    case 14:
      return { status: 'cancelled', final: true, label: 'partly filled, rest cancelled' };
    case 15:
      return { status: 'cancelled', final: true, label: 'cancelled' };
    case 23:
      return { status: 'cancelled', final: true, label: 'deleted' };
    case 3:
      return { status: 'rejected', final: true, label: 'submit failed' };
    case 21:
      return { status: 'rejected', final: true, label: 'rejected by the broker' };
    case 24:
      return { status: 'rejected', final: true, label: 'fill reversed by the exchange' };
    case 22:
      return { status: 'expired', final: true, label: 'disabled (expired)' };
    case 4:
      return { status: 'submitted', final: false, label: 'timed out, result unknown' };
    default: // -1 unknown, 0 unsubmitted, 1 waiting, 2 submitting, 5 submitted, 13 cancelling
      return { status: 'submitted', final: false, label: 'working' };
  }
}
