import { describe, expect, it } from 'vitest';
import { cnARules } from '@/server/markets/cn-a';
import { STAMP_DUTY, TRANSFER_FEE } from '@/server/markets/cn-a/fees';
import { assertSorted } from '@/server/markets/dates';
import { SymbolMaster } from '@/server/markets/symbols';
import { DEFAULT_COSTS, type TCostConfig, type TInstrument } from '@/server/markets/types';
import { t } from '../../fixtures/markets/load';

const master = new SymbolMaster();
const moutai = master.instrument('600519.SH');
const pab = master.instrument('000001.SZ');
const costs: TCostConfig = { ...DEFAULT_COSTS, ...cnARules.defaultCosts }; // 0.025%, min 5 CNY
const fees = (instrument: TInstrument, side: 'buy' | 'sell', qty: number, price: number, date: string, c = costs) =>
  cnARules.fees({ side, qty, price, time: t(date), instrument, costs: c, liquidity: 'taker' });

describe('CN-A fees: worked examples', () => {
  it('defaults: commission 0.025% with a 5 CNY minimum', () => {
    expect(cnARules.defaultCosts).toEqual({ commissionRate: 0.00025, minCommission: 5 });
  });

  it('sell 1,000 Moutai at 1,800 on 2023-09-01: commission 450.00 + stamp duty 900.00 + transfer fee 18.00 = 1,368.00', () => {
    // value 1,000 × 1,800 = 1,800,000
    // commission 1,800,000 × 0.025% = 450.00 (> 5 minimum)
    // stamp duty 1,800,000 × 0.05% (from 2023-08-28, sells) = 900.00
    // transfer fee 1,800,000 × 0.001% (from 2022-04-29) = 18.00
    expect(fees(moutai, 'sell', 1000, 1800, '2023-09-01')).toEqual({ total: 1368, parts: { commission: 450, stampDuty: 900, transferFee: 18 } });
  });

  it('the same sell on 2023-08-25 (old 0.1% stamp duty): 450.00 + 1,800.00 + 18.00 = 2,268.00', () => {
    expect(fees(moutai, 'sell', 1000, 1800, '2023-08-25')).toEqual({ total: 2268, parts: { commission: 450, stampDuty: 1800, transferFee: 18 } });
  });

  it('stamp duty on a 10,000 CNY sell: 10.00 on Fri 2023-08-25, 5.00 on Mon 2023-08-28', () => {
    // commission 10,000 × 0.025% = 2.50 → minimum 5.00; transfer 10,000 × 0.001% = 0.10
    expect(fees(moutai, 'sell', 1000, 10, '2023-08-25')).toEqual({ total: 15.1, parts: { commission: 5, stampDuty: 10, transferFee: 0.1 } });
    expect(fees(moutai, 'sell', 1000, 10, '2023-08-28')).toEqual({ total: 10.1, parts: { commission: 5, stampDuty: 5, transferFee: 0.1 } });
  });

  it('a small buy pays the 5 CNY minimum and no stamp duty: 100 × 10 → 5.00 + 0.01', () => {
    // commission 1,000 × 0.025% = 0.25 → 5.00; transfer 1,000 × 0.001% = 0.01
    expect(fees(moutai, 'buy', 100, 10, '2023-09-01')).toEqual({ total: 5.01, parts: { commission: 5, stampDuty: 0, transferFee: 0.01 } });
  });

  it('a buy of 100 Moutai at 1,800: 45.00 + 1.80', () => {
    expect(fees(moutai, 'buy', 100, 1800, '2023-09-01')).toEqual({ total: 46.8, parts: { commission: 45, stampDuty: 0, transferFee: 1.8 } });
  });

  it('a user commission of 0.03% with no minimum', () => {
    const c = { ...costs, commissionRate: 0.0003, minCommission: 0 };
    // 1,000 × 0.03% = 0.30
    expect(fees(moutai, 'buy', 100, 10, '2023-09-01', c).parts.commission).toBe(0.3);
  });
});

describe('CN-A transfer fee by date and exchange', () => {
  it('0.002% on 2022-04-28, 0.001% on 2022-04-29 (SZSE, 50,000 CNY: 1.00 → 0.50)', () => {
    expect(fees(pab, 'buy', 1000, 50, '2022-04-28').parts.transferFee).toBe(1);
    expect(fees(pab, 'buy', 1000, 50, '2022-04-29').parts.transferFee).toBe(0.5);
  });
  it('SSE too: 0.002% on 2022-04-28, 0.001% on 2022-04-29 (50,000 CNY: 1.00 → 0.50)', () => {
    expect(fees(moutai, 'sell', 100, 500, '2022-04-28').parts.transferFee).toBe(1);
    expect(fees(moutai, 'sell', 100, 500, '2022-04-29').parts.transferFee).toBe(0.5);
  });
  it('SSE before 2015-08-01: 0.3‰ of PAR value — 1,000 shares at 250 on 2015-07-31 pay 0.30; on 2015-08-03 0.002% of value = 5.00', () => {
    // 1,000 shares × 1 CNY par × 0.03% = 0.30; 250,000 × 0.002% = 5.00
    expect(fees(moutai, 'buy', 1000, 250, '2015-07-31').parts.transferFee).toBe(0.3);
    expect(fees(moutai, 'buy', 1000, 250, '2015-08-03').parts.transferFee).toBe(5);
  });
  it('SZSE before 2015-08-01: 0.0255‰ of value — 15,000 CNY pays 0.38 (0.3825 rounded)', () => {
    expect(fees(pab, 'buy', 1000, 15, '2015-07-31').parts.transferFee).toBe(0.38);
    expect(fees(pab, 'buy', 1000, 15, '2015-08-03').parts.transferFee).toBe(0.3); // 15,000 × 0.002%
  });
  it('SSE 2012-09-01 cut: 10,000 shares pay 3.75 (0.375‰ of par, assumed) on 2012-08-31 and 3.00 on 2012-09-03', () => {
    expect(fees(moutai, 'buy', 10000, 200, '2012-08-31').parts.transferFee).toBe(3.75);
    expect(fees(moutai, 'buy', 10000, 200, '2012-09-03').parts.transferFee).toBe(3);
  });
  it('par value other than 1 CNY (e.g. 0.1 CNY) scales the pre-2015 SSE fee: 10,000 shares → 0.30', () => {
    const lowPar: TInstrument = { ...master.instrument('601899.SH'), parValue: 0.1 };
    expect(fees(lowPar, 'buy', 10000, 5, '2015-07-31').parts.transferFee).toBe(0.3);
  });
  it('BSE: 0.0025% until 2022-04-28, 0.001% from 2022-04-29 (20,000 CNY: 0.50 → 0.20)', () => {
    const bse = master.instrument('830799.BJ');
    expect(fees(bse, 'buy', 1000, 20, '2022-04-28').parts.transferFee).toBe(0.5);
    expect(fees(bse, 'buy', 1000, 20, '2022-04-29').parts.transferFee).toBe(0.2);
  });
});

describe('CN-A stamp duty history', () => {
  it('both sides until 2008-09-18, sells only from 2008-09-19 (buy 1,000 at 20: 20.00 → 0)', () => {
    expect(fees(moutai, 'buy', 1000, 20, '2008-09-18').parts.stampDuty).toBe(20);
    expect(fees(moutai, 'buy', 1000, 20, '2008-09-19').parts.stampDuty).toBe(0);
    expect(fees(moutai, 'sell', 1000, 20, '2008-09-19').parts.stampDuty).toBe(20);
  });
  it('1‰ → 3‰ on 2007-05-30 and back to 1‰ on 2008-04-24 (sell 20,000 CNY)', () => {
    expect(fees(moutai, 'sell', 1000, 20, '2007-05-29').parts.stampDuty).toBe(20);
    expect(fees(moutai, 'sell', 1000, 20, '2007-05-30').parts.stampDuty).toBe(60);
    expect(fees(moutai, 'sell', 1000, 20, '2008-04-23').parts.stampDuty).toBe(60);
    expect(fees(moutai, 'sell', 1000, 20, '2008-04-24').parts.stampDuty).toBe(20);
  });
  it('3‰ → 5‰ on 1997-05-12; 5‰ → 4‰ on 1998-06-12 (both sides)', () => {
    expect(fees(moutai, 'buy', 1000, 20, '1997-05-09').parts.stampDuty).toBe(60);
    expect(fees(moutai, 'buy', 1000, 20, '1997-05-12').parts.stampDuty).toBe(100);
    expect(fees(moutai, 'sell', 1000, 20, '1998-06-11').parts.stampDuty).toBe(100);
    expect(fees(moutai, 'sell', 1000, 20, '1998-06-12').parts.stampDuty).toBe(80);
  });
  it('2‰ → 1‰ on 2005-01-24; 4‰ → 2‰ on 2001-11-16', () => {
    expect(fees(moutai, 'sell', 1000, 20, '2005-01-21').parts.stampDuty).toBe(40);
    expect(fees(moutai, 'sell', 1000, 20, '2005-01-24').parts.stampDuty).toBe(20);
    expect(fees(moutai, 'sell', 1000, 20, '2001-11-15').parts.stampDuty).toBe(80);
    expect(fees(moutai, 'sell', 1000, 20, '2001-11-16').parts.stampDuty).toBe(40);
  });
});

describe('CN-A: funds and indices', () => {
  it('ETFs pay commission only (no stamp duty, no transfer fee): sell 10,000 510300 at 4.5 → 11.25', () => {
    expect(fees(master.instrument('510300.SH'), 'sell', 10000, 4.5, '2022-01-19')).toEqual({ total: 11.25, parts: { commission: 11.25 } });
  });
  it('zero quantity costs nothing', () => {
    expect(fees(moutai, 'buy', 0, 10, '2022-01-19')).toEqual({ total: 0, parts: {} });
  });
});

it('fee tables are ascending and cite sources', () => {
  for (const table of [STAMP_DUTY, ...Object.values(TRANSFER_FEE)]) {
    assertSorted('fees', table);
    for (const row of table) expect(row.source.length).toBeGreaterThan(10);
  }
});
