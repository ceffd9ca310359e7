/**
 * Hong Kong (HKEX securities market) rules. Tables in ./hk/*, each row with its effective date
 * and source:
 *   hk/fees.ts      stamp duty, trading fee, SFC / AFRC levies, CCASS fee by date
 *   hk/lots.ts      board lots, T+0 trading, no daily limit
 *   hk/calendar.ts  holidays, half days and sessions
 *   hk/symbols.ts   code → board / currency
 */
import { noPriceBand, type TInstrument, type TMarketRules, type TRuleNote } from './types';
import { inForce } from './dates';
import { HK_SESSION_TABLE, hkCalendar } from './hk/calendar';
import { HK_AFRC_LEVY, HK_CCASS_FEE, HK_SFC_LEVY, HK_STAMP_DUTY, HK_TRADING_FEE, hkFees } from './hk/fees';
import { hkBoardLot, hkRoundQty } from './hk/lots';
import { recordToInstrument, seedOrInferred } from './symbols';

function pct(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

function hkRulesInForce({ instrument, time }: { instrument: TInstrument; time: number }): TRuleNote[] {
  const duty = inForce(HK_STAMP_DUTY, time);
  const trading = inForce(HK_TRADING_FEE, time);
  const sfc = inForce(HK_SFC_LEVY, time);
  const afrc = inForce(HK_AFRC_LEVY, time);
  const ccass = inForce(HK_CCASS_FEE, time);
  const hours = inForce(HK_SESSION_TABLE, time);
  return [
    { id: 'lot', label: { en: 'Board lot', zh: '每手股数' }, value: `${hkBoardLot(instrument)} shares`, since: '', source: 'issuer-set board lot (symbol master)' },
    { id: 'settlement', label: { en: 'Settlement', zh: '交收' }, value: 'T+0 trading (T+2 settlement)', since: '', source: 'HKEX' },
    { id: 'price-limit', label: { en: 'Price limit', zh: '涨跌幅限制' }, value: 'none', since: '', source: 'HKEX (no daily limit)' },
    { id: 'stamp-duty', label: { en: 'Stamp duty', zh: '印花税' }, value: `${pct(duty.value)} per side, rounded up to a whole HK$`, since: duty.from, source: duty.source },
    {
      id: 'trading-fee',
      label: { en: 'Trading fee', zh: '交易费' },
      value: `${pct(trading.value.rate)} per side${trading.value.perTrade ? ` + HK$${trading.value.perTrade.toFixed(2)} system fee per trade` : ''}`,
      since: trading.from,
      source: trading.source,
    },
    { id: 'sfc-levy', label: { en: 'SFC levy', zh: '证监会交易征费' }, value: `${pct(sfc.value)} per side`, since: sfc.from, source: sfc.source },
    { id: 'afrc-levy', label: { en: 'AFRC levy', zh: '会财局交易征费' }, value: afrc.value ? `${pct(afrc.value)} per side` : 'none', since: afrc.from, source: afrc.source },
    {
      id: 'ccass-fee',
      label: { en: 'CCASS settlement fee', zh: '中央结算交收费' },
      value: Number.isFinite(ccass.value.max) ? `${pct(ccass.value.rate)} per side, min HK$${ccass.value.min}, max HK$${ccass.value.max}` : `${pct(ccass.value.rate)} per side`,
      since: ccass.from,
      source: ccass.source,
    },
    {
      id: 'sessions',
      label: { en: 'Sessions', zh: '交易时段' },
      value: `${hours.value.morning.join('–')}, ${hours.value.afternoon.join('–')} Asia/Hong_Kong (mornings only on the eves of Christmas, New Year and Lunar New Year)`,
      since: hours.from,
      source: hours.source,
    },
  ].map((n) => ({ ...n, since: n.since === '1900-01-01' ? '' : n.since }));
}

export const hkRules: TMarketRules = {
  id: 'hk',
  label: { en: 'Hong Kong stocks', zh: '港股' },
  timezone: 'Asia/Hong_Kong',
  tradingDaysPerYear: 252,
  settlementDays: () => 0,
  roundQty: hkRoundQty,
  priceBand: noPriceBand,
  fees: hkFees,
  // The bundled symbols' seed rows (listing date, offer price, board lot …) when the code is one
  // of them, else facts inferred from the code alone.
  inferInstrument: (symbol) => recordToInstrument(seedOrInferred(symbol)),
  calendar: hkCalendar,
  rulesInForce: hkRulesInForce,
};
