/**
 * China A-share market rules (SSE, SZSE, BSE). The rule tables live in ./cn-a/*, each row with
 * the date it took effect and its source:
 *   cn-a/price-limits.ts  daily limits by board / ST / listing age / date, IPO first day
 *   cn-a/lots.ts          order quantities (100-share lots, STAR 200+1, BSE 100+1), T+1
 *   cn-a/fees.ts          commission, stamp duty, transfer fee by date
 *   cn-a/calendar.ts      holidays and sessions
 *   cn-a/symbols.ts       code → exchange / board
 */
import type { TInstrument, TMarketRules, TRuleNote } from './types';
import { inForce, isoDate } from './dates';
import { cnCalendar } from './cn-a/calendar';
import { CN_DEFAULT_COSTS, cnExchangeOf, cnFees, STAMP_DUTY, TRANSFER_FEE } from './cn-a/fees';
import { cnQtyRule, cnRoundQty, cnSettlementDays, SETTLEMENT_TABLE } from './cn-a/lots';
import { cnPriceBand, FIRST_DAY_CAP, limitRatio, noLimitWindow } from './cn-a/price-limits';
import { isStOn, recordToInstrument, seedOrInferred } from './symbols';

function pct(x: number): string {
  return `${Number((x * 100).toPrecision(6))}%`;
}

function cnRulesInForce({ instrument, time }: { instrument: TInstrument; time: number }): TRuleNote[] {
  const notes: TRuleNote[] = [];
  const qty = cnQtyRule(instrument);
  notes.push({
    id: 'lot',
    label: { en: 'Order quantity', zh: '申报数量' },
    value: qty.step === 1 ? `buy ≥ ${qty.min}, then steps of 1; a balance under ${qty.min} is sold at once` : `buy in lots of ${qty.step}; odd lots only sold as the whole remainder`,
    since: instrument.board === 'star' ? '2019-07-22' : instrument.board === 'bse' ? '2021-11-15' : '1990-12-19',
    source: 'SSE/SZSE/BSE Trading Rules; SSE STAR special trading rules',
  });
  const t1 = inForce(SETTLEMENT_TABLE, time);
  notes.push({ id: 'settlement', label: { en: 'Settlement', zh: '交收' }, value: cnSettlementDays(instrument, time) === 1 ? 'T+1: shares bought today sell from the next trading day' : 'T+0', since: t1.from, source: t1.source });
  const ratio = limitRatio(instrument, time);
  if (ratio) {
    notes.push({
      id: 'price-limit',
      label: { en: isStOn(instrument, time) ? 'Price limit (ST)' : 'Price limit', zh: isStOn(instrument, time) ? '涨跌幅限制（风险警示）' : '涨跌幅限制' },
      value: ratio.value === null ? 'none' : `±${ratio.value}% of previous close, rounded half up to the tick`,
      since: ratio.from,
      source: ratio.source,
    });
  }
  const window = noLimitWindow(instrument);
  if (window) {
    const cap = inForce(FIRST_DAY_CAP, instrument.listingDate);
    notes.push(
      window.value
        ? { id: 'new-listing', label: { en: 'New listing', zh: '新股上市' }, value: `no limit in the first ${window.value.sessions} session(s)`, since: window.from, source: window.source }
        : { id: 'new-listing', label: { en: 'New listing', zh: '新股上市' }, value: cap.value ? `first day +${cap.value.up}% / −${cap.value.down}% of the offer price` : 'first day: no limit', since: cap.from, source: cap.source },
    );
  }
  if (instrument.board !== 'etf' && instrument.board !== 'index') {
    const duty = inForce(STAMP_DUTY, time);
    notes.push({ id: 'stamp-duty', label: { en: 'Stamp duty', zh: '印花税' }, value: `${pct(duty.value.rate)} of value, ${duty.value.sides === 'sell' ? 'sells only' : 'both sides'}`, since: duty.from, source: duty.source });
    const fee = inForce(TRANSFER_FEE[cnExchangeOf(instrument)], time);
    notes.push({
      id: 'transfer-fee',
      label: { en: 'Transfer fee', zh: '过户费' },
      value: fee.value.parRate > 0 ? `${pct(fee.value.parRate)} of par value, both sides` : `${pct(fee.value.valueRate)} of value, both sides`,
      since: fee.from,
      source: fee.source,
    });
  }
  notes.push({ id: 'commission', label: { en: 'Commission', zh: '佣金' }, value: 'configurable rate with a minimum (default 0.025%, min 5 CNY), both sides', since: '2002-05-01', source: 'broker-set; 5 CNY minimum customary since the 2002 commission reform' });
  notes.push({ id: 'sessions', label: { en: 'Sessions', zh: '交易时段' }, value: '09:30–11:30, 13:00–15:00 Asia/Shanghai (call auctions 09:15–09:25, 14:57–15:00)', since: isoDate(cnCalendar.coverage.from), source: 'SSE/SZSE Trading Rules' });
  return notes.map((n) => (n.since === '1900-01-01' ? { ...n, since: '' } : n));
}

export const cnARules: TMarketRules = {
  id: 'cn-a',
  label: { en: 'China A-shares', zh: 'A股' },
  timezone: 'Asia/Shanghai',
  // Convention shared with the other stock markets; the exchanges actually open ~242 days a year.
  tradingDaysPerYear: 252,
  settlementDays: cnSettlementDays,
  roundQty: cnRoundQty,
  priceBand: cnPriceBand,
  fees: cnFees,
  // The bundled symbols' seed rows (listing date, offer price, board lot …) when the code is one
  // of them, else facts inferred from the code alone.
  inferInstrument: (symbol) => recordToInstrument(seedOrInferred(symbol)),
  defaultCosts: CN_DEFAULT_COSTS,
  calendar: cnCalendar,
  rulesInForce: cnRulesInForce,
};
