import { describe, expect, it } from 'vitest';
import { hkRules } from '@/server/markets/hk';
import { HK_AFRC_LEVY, HK_CCASS_FEE, HK_INVESTOR_COMPENSATION_LEVY, HK_SFC_LEVY, HK_STAMP_DUTY, HK_TRADING_FEE } from '@/server/markets/hk/fees';
import { assertSorted } from '@/server/markets/dates';
import { SymbolMaster } from '@/server/markets/symbols';
import { DEFAULT_COSTS, type TInstrument } from '@/server/markets/types';
import { t } from '../../fixtures/markets/load';

const master = new SymbolMaster();
const tencent = master.instrument('00700.HK');
const costs = { ...DEFAULT_COSTS, ...hkRules.defaultCosts }; // commission 0.025%, no minimum
const fees = (instrument: TInstrument, side: 'buy' | 'sell', qty: number, price: number, date: string) =>
  hkRules.fees({ side, qty, price, time: t(date), instrument, costs, liquidity: 'taker' });

describe('HK fees: worked examples', () => {
  it('buy 100 Tencent at 400 (40,000 HKD) on 2022-06-01: every part', () => {
    // commission 40,000 × 0.025% = 10.00
    // stamp duty 40,000 × 0.13% = 52.00 → rounded up to a dollar = 52
    // trading fee 40,000 × 0.005% = 2.00, plus the HK$0.50 trading system usage fee (until 2022)
    // SFC levy 40,000 × 0.0027% = 1.08
    // AFRC levy 40,000 × 0.00015% = 0.06
    // CCASS 40,000 × 0.002% = 0.80 → minimum 2.00
    // total 67.64
    expect(fees(tencent, 'buy', 100, 400, '2022-06-01')).toEqual({
      total: 67.64,
      parts: { commission: 10, stampDuty: 52, tradingFee: 2, tradingSystemFee: 0.5, sfcLevy: 1.08, afrcLevy: 0.06, ccassFee: 2 },
    });
  });

  it('the same buy on 2023-12-01: stamp 40, trading fee 0.00565% = 2.26, no system fee → 55.40', () => {
    expect(fees(tencent, 'buy', 100, 400, '2023-12-01')).toEqual({
      total: 55.4,
      parts: { commission: 10, stampDuty: 40, tradingFee: 2.26, sfcLevy: 1.08, afrcLevy: 0.06, ccassFee: 2 },
    });
  });

  it('a 4,000 HKD trade pays the CCASS minimum of 2 and its stamp duty 5.20 is rounded up to 6 (2022-06-01)', () => {
    // 100 shares at 40: commission 1.00; stamp 4,000 × 0.13% = 5.20 → 6; trading 0.20 + 0.50;
    // SFC 0.108 → 0.11; AFRC 0.006 → 0.01; CCASS 0.08 → 2.00; total 9.82
    expect(fees(tencent, 'sell', 100, 40, '2022-06-01')).toEqual({
      total: 9.82,
      parts: { commission: 1, stampDuty: 6, tradingFee: 0.2, tradingSystemFee: 0.5, sfcLevy: 0.11, afrcLevy: 0.01, ccassFee: 2 },
    });
  });

  it('a whole-dollar stamp duty is not pushed up by float noise: 4,000 × 0.1% = 4 on 2023-12-01', () => {
    const f = fees(tencent, 'sell', 100, 40, '2023-12-01');
    expect(f.parts.stampDuty).toBe(4);
    // trading 4,000 × 0.00565% = 0.226 → 0.23; total 1 + 4 + 0.23 + 0.11 + 0.01 + 2 = 7.35
    expect(f.total).toBe(7.35);
  });
});

describe('HK fees by date', () => {
  it('stamp duty 0.1% on 2021-07-30, 0.13% on 2021-08-02, 0.13% on 2023-11-16, 0.1% on 2023-11-17 (40,000 HKD)', () => {
    expect(fees(tencent, 'buy', 100, 400, '2021-07-30').parts.stampDuty).toBe(40);
    expect(fees(tencent, 'buy', 100, 400, '2021-08-02').parts.stampDuty).toBe(52);
    expect(fees(tencent, 'buy', 100, 400, '2023-11-16').parts.stampDuty).toBe(52);
    expect(fees(tencent, 'buy', 100, 400, '2023-11-17').parts.stampDuty).toBe(40);
  });
  it('stamp duty on both sides', () => {
    expect(fees(tencent, 'sell', 100, 400, '2022-06-01').parts.stampDuty).toBe(52);
  });
  it('AFRC levy from 2022-01-01: absent on 2021-12-31, 0.06 on 2022-01-03', () => {
    expect(fees(tencent, 'buy', 100, 400, '2021-12-31').parts.afrcLevy).toBeUndefined();
    expect(fees(tencent, 'buy', 100, 400, '2022-01-03').parts.afrcLevy).toBe(0.06);
  });
  it('trading fee 0.005% + 0.50 on 2022-12-30, 0.00565% from 2023-01-03', () => {
    const before = fees(tencent, 'buy', 100, 400, '2022-12-30').parts;
    const after = fees(tencent, 'buy', 100, 400, '2023-01-03').parts;
    expect([before.tradingFee, before.tradingSystemFee]).toEqual([2, 0.5]);
    expect([after.tradingFee, after.tradingSystemFee]).toEqual([2.26, undefined]);
  });
  it('SFC levy 0.005% → 0.004% on 2006-12-01 and → 0.003% on 2010-10-01 (100,000 HKD: 5.00 → 4.00 → 3.00)', () => {
    expect(fees(tencent, 'buy', 1000, 100, '2006-11-30').parts.sfcLevy).toBe(5);
    expect(fees(tencent, 'buy', 1000, 100, '2006-12-01').parts.sfcLevy).toBe(4);
    expect(fees(tencent, 'buy', 1000, 100, '2010-09-30').parts.sfcLevy).toBe(4);
    expect(fees(tencent, 'buy', 1000, 100, '2010-10-04').parts.sfcLevy).toBe(3);
  });
  it('SFC levy 0.003% on 2014-10-31, 0.0027% from 2014-11-03 (40,000 HKD: 1.20 → 1.08)', () => {
    expect(fees(tencent, 'buy', 100, 400, '2014-10-31').parts.sfcLevy).toBe(1.2);
    expect(fees(tencent, 'buy', 100, 400, '2014-11-03').parts.sfcLevy).toBe(1.08);
  });
  it('2004–2005: SFC levy 0.005% and the 0.002% investor compensation levy, suspended from 2005-12-19', () => {
    // 100,000 HKD: SFC 5.00, ICL 2.00
    const early = fees(tencent, 'buy', 1000, 100, '2005-12-16').parts;
    expect([early.sfcLevy, early.investorCompensationLevy]).toEqual([5, 2]);
    expect(fees(tencent, 'buy', 1000, 100, '2005-12-19').parts.investorCompensationLevy).toBeUndefined();
  });
  it('CCASS: 0.002% capped at 100 until 2025-06-27, 0.0042% uncapped from 2025-06-30 (10,000,000 HKD: 100 → 420)', () => {
    expect(fees(tencent, 'buy', 25000, 400, '2025-06-27').parts.ccassFee).toBe(100);
    expect(fees(tencent, 'buy', 25000, 400, '2025-06-30').parts.ccassFee).toBe(420);
    // and no minimum any more: 4,000 HKD → 0.168 → 0.17
    expect(fees(tencent, 'buy', 100, 40, '2025-06-30').parts.ccassFee).toBe(0.17);
  });
  it('ETFs: no stamp duty from 2015-02-13', () => {
    const etf: TInstrument = { ...master.instrument('02800.HK'), board: 'etf' };
    expect(fees(etf, 'buy', 500, 20, '2015-02-12').parts.stampDuty).toBe(10);
    expect(fees(etf, 'buy', 500, 20, '2015-02-13').parts.stampDuty).toBe(0);
  });
});

describe('HK lots, T+0, no limit', () => {
  const time = t('2022-06-01');
  const round = (instrument: TInstrument, side: 'buy' | 'sell', qty: number, held = 0) => hkRules.roundQty({ side, qty, held, instrument, time });
  it('board lot of 00700 and 09988 is 100: buy 150 → 100', () => {
    expect(tencent.lotSize).toBe(100);
    expect(master.instrument('09988.HK').lotSize).toBe(100);
    expect(round(tencent, 'buy', 150)).toBe(100);
  });
  it('sells in board lots; the whole holding may include its odd lot', () => {
    expect(round(tencent, 'sell', 150, 230)).toBe(100);
    expect(round(tencent, 'sell', 230, 230)).toBe(230);
    expect(round(tencent, 'sell', 500, 230)).toBe(230);
    expect(round(tencent, 'sell', 50, 230)).toBe(0);
  });
  it('per-stock lots from the symbol master: a 400-share lot turns 1,000 into 800', () => {
    const m = new SymbolMaster();
    m.upsert({ symbol: '5.HK', lotSize: 400 });
    expect(round(m.instrument('00005.HK'), 'buy', 1000)).toBe(800);
  });
  it('unknown HK lot: 100 assumed and flagged', () => {
    const rec = master.get('02318.HK');
    expect(rec.lotSize).toBe(100);
    expect(rec.lotSizeAssumed).toBe(true);
    expect(master.get('00700.HK').lotSizeAssumed).toBeUndefined();
  });
  it('T+0 and no daily band', () => {
    expect(hkRules.settlementDays(tencent, time)).toBe(0);
    expect(hkRules.priceBand({ instrument: tencent, prevClose: 400, time, sessionIndex: 100 })).toBeNull();
  });
});

it('HK fee tables are ascending and cite sources', () => {
  for (const table of [HK_STAMP_DUTY, HK_TRADING_FEE, HK_SFC_LEVY, HK_INVESTOR_COMPENSATION_LEVY, HK_AFRC_LEVY, HK_CCASS_FEE]) {
    assertSorted('hk fees', table);
    for (const row of table) expect(row.source.length).toBeGreaterThan(10);
  }
});
