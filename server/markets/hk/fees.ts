/**
 * Hong Kong securities-market trading costs, by date, each charged per side (buyer and seller)
 * and shown separately in the fill's fee breakdown.
 *
 *  commission        broker-set: costs.commissionRate × value, at least costs.minCommission
 *                    (negotiable since 2003-04-01). Platform / per-order fees are not modelled.
 *  stampDuty         STAMP_DUTY × value, ROUNDED UP to a whole HK$ (Stamp Duty Ordinance, Cap.
 *                    117: a part of a dollar counts as a dollar).
 *  tradingFee        HKEX trading fee (and, before 2023, the HK$0.50 trading system usage fee).
 *  sfcLevy           SFC transaction levy.
 *  investorCompensationLevy   until its suspension on 2005-12-19.
 *  afrcLevy          FRC (renamed AFRC on 2022-10-01) transaction levy, from 2022-01-01.
 *  ccassFee          HKSCC stock settlement fee (brokers pass it on).
 * Levies and fees are rounded to the cent (HKEX: "rounded to the nearest cent").
 */
import type { TCostConfig, TFeeBreakdown, TInstrument } from '../types';
import { ceilWhole, inForce, roundHalfUp, type TDated } from '../dates';

export const HK_STAMP_DUTY: readonly TDated<number>[] = [
  { from: '1900-01-01', value: 0.001, source: 'ASSUMPTION: rates before 2001-09-01 (higher, e.g. 0.1125%) are not modelled; the bundled HK stock bars start 2004' },
  { from: '2001-09-01', value: 0.001, source: 'Stamp Duty Ordinance: 0.1% per side (0.2% per transaction) from 2001-09-01' },
  { from: '2021-08-01', value: 0.0013, source: 'Stamp Duty (Amendment) Ordinance 2021: 0.13% per side from 2021-08-01' },
  { from: '2023-11-17', value: 0.001, source: 'HKSAR Policy Address 2023 / Stamp Duty (Amendment) Ordinance 2023: back to 0.1% per side from 2023-11-17' },
];

/** ETFs are exempt from stamp duty since 2015-02-13 (Stamp Duty (Amendment) Ordinance 2015). */
export const HK_ETF_STAMP_EXEMPT_FROM = '2015-02-13';

export const HK_TRADING_FEE: readonly TDated<{ rate: number; perTrade: number }>[] = [
  { from: '1900-01-01', value: { rate: 0.00005, perTrade: 0.5 }, source: 'SEHK trading fee 0.005% per side (introduced 2001 in place of SEHK\'s 0.005% share of the levy) plus HK$0.50 trading system usage fee per trade; start of the usage fee not researched' },
  { from: '2023-01-01', value: { rate: 0.0000565, perTrade: 0 }, source: 'HKEX news release 2022-11-01: system usage fee abolished and trading fee 0.005% → 0.00565% from 2023-01-01' },
];

export const HK_SFC_LEVY: readonly TDated<number>[] = [
  { from: '1900-01-01', value: 0.00005, source: '0.005% per side (listed in the Tencent 2004 prospectus); earlier rates not modelled' },
  { from: '2006-12-01', value: 0.00004, source: 'Securities and Futures (Reduction of Levy) Order 2006: 0.005% → 0.004% from 2006-12-01' },
  { from: '2010-10-01', value: 0.00003, source: 'Securities and Futures (Levy) (Amendment) Order 2010: 0.004% → 0.003% from 2010-10-01' },
  { from: '2014-11-01', value: 0.000027, source: 'Securities and Futures (Levy) (Amendment) Order 2014: 0.003% → 0.0027% from 2014-11-01' },
];

export const HK_INVESTOR_COMPENSATION_LEVY: readonly TDated<number>[] = [
  { from: '1900-01-01', value: 0.00002, source: 'Investor compensation levy 0.002% per side (Securities and Futures (Investor Compensation — Levy) Rules)' },
  { from: '2005-12-19', value: 0, source: 'SFC: payment suspended from 2005-12-19 (fund above HK$1.4bn)' },
];

export const HK_AFRC_LEVY: readonly TDated<number>[] = [
  { from: '1900-01-01', value: 0, source: 'no FRC levy before 2022' },
  { from: '2022-01-01', value: 0.0000015, source: 'Financial Reporting Council Ordinance Part 4A / Schedule 7: 0.00015% per side from 2022-01-01 (FRC renamed AFRC 2022-10-01)' },
];

export const HK_CCASS_FEE: readonly TDated<{ rate: number; min: number; max: number }>[] = [
  { from: '1900-01-01', value: { rate: 0.00002, min: 2, max: 100 }, source: 'HKSCC stock settlement fee 0.002% per side, min HK$2, max HK$100' },
  { from: '2025-06-30', value: { rate: 0.000042, min: 0, max: Infinity }, source: 'HKEX 2025-02-21 / HKSCC 2025-05-30: 0.0042% per side, no minimum or maximum, from 2025-06-30' },
];

export function hkFees(args: { side: 'buy' | 'sell'; qty: number; price: number; time: number; instrument: TInstrument; costs: TCostConfig }): TFeeBreakdown {
  const { qty, price, time, instrument, costs } = args;
  const value = qty * price;
  if (!(qty > 0) || !(value > 0)) return { total: 0, parts: {} };
  const parts: Record<string, number> = {
    commission: roundHalfUp(Math.max(value * costs.commissionRate + qty * costs.commissionPerShare, costs.minCommission)),
  };
  if (instrument.board !== 'index') {
    const etfExempt = instrument.board === 'etf' && inForce([{ from: '1900-01-01', value: false, source: '' }, { from: HK_ETF_STAMP_EXEMPT_FROM, value: true, source: '' }], time).value;
    parts.stampDuty = etfExempt ? 0 : ceilWhole(value * inForce(HK_STAMP_DUTY, time).value);
    const trading = inForce(HK_TRADING_FEE, time).value;
    parts.tradingFee = roundHalfUp(value * trading.rate);
    if (trading.perTrade > 0) parts.tradingSystemFee = trading.perTrade;
    parts.sfcLevy = roundHalfUp(value * inForce(HK_SFC_LEVY, time).value);
    const icl = inForce(HK_INVESTOR_COMPENSATION_LEVY, time).value;
    if (icl > 0) parts.investorCompensationLevy = roundHalfUp(value * icl);
    const afrc = inForce(HK_AFRC_LEVY, time).value;
    if (afrc > 0) parts.afrcLevy = roundHalfUp(value * afrc);
    const ccass = inForce(HK_CCASS_FEE, time).value;
    parts.ccassFee = roundHalfUp(Math.min(Math.max(value * ccass.rate, ccass.min), ccass.max));
  }
  const total = roundHalfUp(Object.values(parts).reduce((a, b) => a + b, 0));
  return { total, parts };
}
