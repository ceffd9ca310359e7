/**
 * CN A-share trading costs, by date. Each part is shown separately in the fill's fee breakdown
 * and rounded half up to 0.01 CNY (fen), as broker statements show them.
 *
 *  commission   costs.commissionRate × value, at least costs.minCommission, both sides. Brokers
 *               set it (cap 0.3% and the 5 CNY minimum since the 2002-05-01 reform: CSRC / State
 *               Planning Commission / SAT 《关于调整证券交易佣金收取标准的通知》, 2002). The
 *               exchanges' handling fee (经手费, 0.00487% → 0.00341% from 2023-08-28) and the CSRC
 *               levy (证管费) are paid by the broker and normally included in the commission.
 *  stampDuty    STAMP_DUTY table — on sells only since 2008-09-19, both sides before.
 *  transferFee  TRANSFER_FEE table (CSDC 过户费), both sides, by exchange.
 *
 * Funds (ETF/LOF) pay neither stamp duty nor transfer fee on exchange trading; indices are
 * "traded" with commission only.
 */
import type { TCostConfig, TFeeBreakdown, TInstrument } from '../types';
import { inForce, roundHalfUp, type TDated } from '../dates';

export interface TStampDuty {
  /** fraction of traded value */
  rate: number;
  sides: 'both' | 'sell';
}

export const STAMP_DUTY: readonly TDated<TStampDuty>[] = [
  { from: '1900-01-01', value: { rate: 0.003, sides: 'both' }, source: 'ASSUMPTION for dates before 1991-10: 3‰ both sides (SZSE charged 6‰ on sellers from 1990-06, then 3‰; SSE from 1991-10) — not modelled in detail' },
  { from: '1991-10-01', value: { rate: 0.003, sides: 'both' }, source: '1991-10: SZSE lowered to 3‰, SSE began charging 3‰ on both sides (exact day in October not known; the 1st is used)' },
  { from: '1997-05-12', value: { rate: 0.005, sides: 'both' }, source: 'MOF/SAT 1997-05-12: 3‰ → 5‰ both sides' },
  { from: '1998-06-12', value: { rate: 0.004, sides: 'both' }, source: 'MOF/SAT 1998-06-12: 5‰ → 4‰ both sides' },
  { from: '2001-11-16', value: { rate: 0.002, sides: 'both' }, source: 'MOF/SAT 2001-11-16: 4‰ → 2‰ both sides' },
  { from: '2005-01-24', value: { rate: 0.001, sides: 'both' }, source: 'MOF 2005-01-23 announcement: 2‰ → 1‰ both sides from 2005-01-24' },
  { from: '2007-05-30', value: { rate: 0.003, sides: 'both' }, source: 'MOF 2007-05-29 announcement: 1‰ → 3‰ both sides from 2007-05-30' },
  { from: '2008-04-24', value: { rate: 0.001, sides: 'both' }, source: 'MOF/SAT 2008-04-23: 3‰ → 1‰ both sides from 2008-04-24' },
  { from: '2008-09-19', value: { rate: 0.001, sides: 'sell' }, source: 'MOF/SAT 2008-09-18: stamp duty levied on the seller only (1‰) from 2008-09-19' },
  { from: '2023-08-28', value: { rate: 0.0005, sides: 'sell' }, source: 'MOF/SAT Announcement 2023 No. 39 (2023-08-27): halved to 0.5‰ on sells from 2023-08-28' },
];

export interface TTransferFee {
  /** fraction of traded value */
  valueRate: number;
  /** fraction of par value (SSE before 2015-08-01) */
  parRate: number;
}

export const TRANSFER_FEE: Readonly<Record<'SSE' | 'SZSE' | 'BSE', readonly TDated<TTransferFee>[]>> = {
  SSE: [
    {
      from: '1900-01-01',
      value: { valueRate: 0, parRate: 0.000375 },
      source:
        'ASSUMPTION: 0.375‰ of par value both sides before 2012-09-01 — derived from the 2012-09-01 cut being "20%" to 0.3‰ (Futures Daily 2012-08-03). ' +
        'Earlier levels (the often-quoted 1‰ of par, minimum 1 CNY) are not modelled',
    },
    { from: '2012-09-01', value: { valueRate: 0, parRate: 0.0003 }, source: 'CSDC Shanghai branch from 2012-09-01: 0.3‰ of traded par value, both sides (20% cut; CSRC 2012-08-02)' },
    { from: '2015-08-01', value: { valueRate: 0.00002, parRate: 0 }, source: 'CSDC 《关于调整A股交易过户费收费标准有关事项的通知》 (2015-07): SSE 0.3‰ of par and SZSE 0.0255‰ of value → 0.02‰ (0.002%) of value on both exchanges, both sides, from 2015-08-01' },
    { from: '2022-04-29', value: { valueRate: 0.00001, parRate: 0 }, source: 'CSDC notice 2022-04-28: transfer fee halved to 0.01‰ (0.001%) of value from 2022-04-29' },
  ],
  SZSE: [
    {
      from: '1900-01-01',
      value: { valueRate: 0.0000255, parRate: 0 },
      source:
        'CSDC 2015-07 notice: SZSE transfer fee before 2015-08-01 was 0.0255‰ of value, both sides. Before 2012-06-01 the same 0.0255‰ was collected inside ' +
        "SZSE's 0.1475‰ handling fee (SZSE notice 2012-04-30: \"其中本所收取0.122‰，中登公司收取0.0255‰\"), usually folded into commission",
    },
    { from: '2015-08-01', value: { valueRate: 0.00002, parRate: 0 }, source: 'CSDC 2015-07 notice: 0.02‰ of value both sides from 2015-08-01' },
    { from: '2022-04-29', value: { valueRate: 0.00001, parRate: 0 }, source: 'CSDC notice 2022-04-28: 0.01‰ of value from 2022-04-29' },
  ],
  BSE: [
    { from: '1900-01-01', value: { valueRate: 0.000025, parRate: 0 }, source: 'BSE (opened 2021-11-15): 0.025‰ (0.0025%) of value both sides (Yicai / Global Times 2022-04-29 on the cut)' },
    { from: '2022-04-29', value: { valueRate: 0.00001, parRate: 0 }, source: 'CSDC notice 2022-04-28: BSE transfer fee 0.0025% → 0.001% of value from 2022-04-29' },
  ],
};

/** CN commission defaults most users expect: 0.025% (万2.5) with a 5 CNY minimum. */
export const CN_DEFAULT_COSTS: Partial<TCostConfig> = { commissionRate: 0.00025, minCommission: 5 };

export function cnExchangeOf(instrument: TInstrument): 'SSE' | 'SZSE' | 'BSE' {
  if (instrument.board === 'bse' || instrument.symbol.endsWith('.BJ')) return 'BSE';
  if (instrument.board === 'szse-main' || instrument.board === 'chinext' || instrument.symbol.endsWith('.SZ')) return 'SZSE';
  return 'SSE';
}

export function cnFees(args: { side: 'buy' | 'sell'; qty: number; price: number; time: number; instrument: TInstrument; costs: TCostConfig }): TFeeBreakdown {
  const { side, qty, price, time, instrument, costs } = args;
  const value = qty * price;
  if (!(qty > 0) || !(value > 0)) return { total: 0, parts: {} };
  const commission = roundHalfUp(Math.max(value * costs.commissionRate + qty * costs.commissionPerShare, costs.minCommission));
  const parts: Record<string, number> = { commission };
  const equity = instrument.board !== 'etf' && instrument.board !== 'index';
  if (equity) {
    const duty = inForce(STAMP_DUTY, time).value;
    parts.stampDuty = duty.sides === 'both' || side === 'sell' ? roundHalfUp(value * duty.rate) : 0;
    const fee = inForce(TRANSFER_FEE[cnExchangeOf(instrument)], time).value;
    const par = instrument.parValue ?? 1;
    parts.transferFee = roundHalfUp(value * fee.valueRate + qty * par * fee.parRate);
  }
  const total = roundHalfUp(Object.values(parts).reduce((a, b) => a + b, 0));
  return { total, parts };
}
