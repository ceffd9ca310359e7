import { describe, expect, it } from 'vitest';
import { cnARules } from '@/server/markets/cn-a';
import { cnCalendar } from '@/server/markets/cn-a/calendar';
import { SymbolMaster } from '@/server/markets/symbols';
import { t } from '../../fixtures/markets/load';

const master = new SymbolMaster();
const moutai = master.instrument('600519.SH');
const catl = master.instrument('300750.SZ');
const smic = master.instrument('688981.SH');
const bse = master.instrument('830799.BJ');
const etf = master.instrument('510300.SH');
const time = t('2021-06-01');
const round = (instrument: typeof moutai, side: 'buy' | 'sell', qty: number, held = 0) => cnARules.roundQty({ side, qty, held, instrument, time });

describe('CN-A buy quantities', () => {
  it('main board: a buy of 150 shares → 100; 37 → 0; 1,000 → 1,000', () => {
    expect(round(moutai, 'buy', 150)).toBe(100);
    expect(round(moutai, 'buy', 37)).toBe(0);
    expect(round(moutai, 'buy', 1000)).toBe(1000);
    expect(round(moutai, 'buy', 1099.99)).toBe(1000);
    expect(round(moutai, 'buy', 1099.9999999999)).toBe(1100); // binary noise (< 1e-9) is forgiven
  });
  it('ChiNext and ETFs: lots of 100', () => {
    expect(round(catl, 'buy', 299)).toBe(200);
    expect(round(etf, 'buy', 12345)).toBe(12300);
  });
  it('STAR: at least 200, then steps of 1 (150 → 0, 200 → 200, 201 → 201, 257.9 → 257)', () => {
    expect(round(smic, 'buy', 150)).toBe(0);
    expect(round(smic, 'buy', 199)).toBe(0);
    expect(round(smic, 'buy', 200)).toBe(200);
    expect(round(smic, 'buy', 201)).toBe(201);
    expect(round(smic, 'buy', 257.9)).toBe(257);
  });
  it('BSE: at least 100, then steps of 1', () => {
    expect(round(bse, 'buy', 99)).toBe(0);
    expect(round(bse, 'buy', 100)).toBe(100);
    expect(round(bse, 'buy', 101)).toBe(101);
  });
  it('nothing for zero, negative or NaN quantities', () => {
    expect(round(moutai, 'buy', 0)).toBe(0);
    expect(round(moutai, 'buy', -100)).toBe(0);
    expect(round(moutai, 'buy', NaN)).toBe(0);
  });
});

describe('CN-A sell quantities: odd lots only as the whole odd remainder', () => {
  it('held 150: sell 100 → 100, sell 150 → 150, sell 50 → 50 (the odd lot alone), sell 120 → 100, sell 60 → 50, sell 30 → 0', () => {
    expect(round(moutai, 'sell', 100, 150)).toBe(100);
    expect(round(moutai, 'sell', 150, 150)).toBe(150);
    expect(round(moutai, 'sell', 50, 150)).toBe(50);
    expect(round(moutai, 'sell', 120, 150)).toBe(100);
    expect(round(moutai, 'sell', 60, 150)).toBe(50);
    expect(round(moutai, 'sell', 30, 150)).toBe(0);
  });
  it('held 1,234: sell 1,000 → 1,000; sell 1,050 → 1,034 (10 lots + the odd 34); sell all → 1,234; over-ask capped', () => {
    expect(round(moutai, 'sell', 1000, 1234)).toBe(1000);
    expect(round(moutai, 'sell', 1050, 1234)).toBe(1034);
    expect(round(moutai, 'sell', 1100, 1234)).toBe(1100);
    expect(round(moutai, 'sell', 1234, 1234)).toBe(1234);
    expect(round(moutai, 'sell', 5000, 1234)).toBe(1234);
  });
  it('held 300 (round lots): sell 250 → 200', () => {
    expect(round(moutai, 'sell', 250, 300)).toBe(200);
  });
  it('nothing held → nothing sold', () => {
    expect(round(moutai, 'sell', 100, 0)).toBe(0);
  });
  it('STAR: sells ≥ 200 in steps of 1; a holding under 200 only all at once', () => {
    expect(round(smic, 'sell', 250, 300)).toBe(250);
    expect(round(smic, 'sell', 150, 300)).toBe(0);
    expect(round(smic, 'sell', 100, 150)).toBe(0);
    expect(round(smic, 'sell', 150, 150)).toBe(150);
  });
  it('BSE: sells ≥ 100 in steps of 1; a holding under 100 only all at once', () => {
    expect(round(bse, 'sell', 101, 250)).toBe(101);
    expect(round(bse, 'sell', 50, 250)).toBe(0);
    expect(round(bse, 'sell', 50, 50)).toBe(50);
  });
});

describe('CN-A T+1', () => {
  it('T+1 from 1995-01-01; T+0 on 1994-12-30', () => {
    expect(cnARules.settlementDays(moutai, t('1994-12-30'))).toBe(0);
    expect(cnARules.settlementDays(moutai, t('1995-01-03'))).toBe(1);
    expect(cnARules.settlementDays(catl, t('2021-06-01'))).toBe(1);
  });
  it('a same-day sell after a buy is refused, allowed the next trading day (portfolio simulation)', () => {
    // What the broker does with settlementDays: shares bought on day D are locked until the next trading day.
    const buyDay = t('2021-09-30'); // Thursday before the National Day closure
    const position = { qty: 0, lockedQty: 0, lockedDay: NaN };
    const buy = cnARules.roundQty({ side: 'buy', qty: 150, held: 0, instrument: moutai, time: buyDay });
    position.qty += buy;
    if (cnARules.settlementDays(moutai, buyDay) === 1) {
      position.lockedQty = buy;
      position.lockedDay = buyDay;
    }
    const sellable = (time: number) => position.qty - (time < cnCalendar.nextTradingDay(position.lockedDay) ? position.lockedQty : 0);
    expect(buy).toBe(100);
    expect(sellable(t('2021-09-30 14:00'))).toBe(0); // same day: refused
    expect(cnCalendar.nextTradingDay(buyDay)).toBe(t('2021-10-08')); // 10-01..10-07 closed
    expect(sellable(t('2021-10-08 09:30'))).toBe(100);
    expect(cnARules.roundQty({ side: 'sell', qty: 100, held: 100, instrument: moutai, time: t('2021-10-08') })).toBe(100);
  });
  it('indices are not T+1', () => {
    expect(cnARules.settlementDays(master.instrument('000300.SH'), time)).toBe(0);
  });
});
