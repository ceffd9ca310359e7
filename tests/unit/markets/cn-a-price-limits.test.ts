import { describe, expect, it } from 'vitest';
import { cnARules } from '@/server/markets/cn-a';
import { bandAround, FIRST_DAY_CAP, lockedSide } from '@/server/markets/cn-a/price-limits';
import { assertSorted } from '@/server/markets/dates';
import { recordToInstrument, SymbolMaster, inferRecord } from '@/server/markets/symbols';
import type { TInstrument } from '@/server/markets/types';
import { t } from '../../fixtures/markets/load';

const master = new SymbolMaster();
const band = (instrument: TInstrument, prevClose: number, date: string, sessionIndex = 1000) =>
  cnARules.priceBand({ instrument, prevClose, time: t(date), sessionIndex });

/** An instrument inferred from its code with a listing date / ST periods / offer price set. */
function stock(symbol: string, opts: { listed?: string; st?: Array<[string, string | null]>; ipoPrice?: number; registrationIpo?: boolean } = {}): TInstrument {
  const rec = inferRecord(symbol);
  rec.listingDate = opts.listed ?? '2010-01-04';
  rec.stHistory = (opts.st ?? []).map(([from, to]) => ({ from, to, kind: 'ST' as const }));
  rec.ipoPrice = opts.ipoPrice ?? null;
  if (opts.registrationIpo !== undefined) rec.registrationIpo = opts.registrationIpo;
  return recordToInstrument(rec);
}

describe('CN-A price limits: main board ±10%', () => {
  const moutai = master.instrument('600519.SH');
  it('2000.00 → 2200.00 / 1800.00', () => {
    expect(band(moutai, 2000, '2021-06-01')).toEqual({ up: 2200, down: 1800 });
  });
  it('rounds half up to 0.01 in exact tick arithmetic: 1.15 → 1.27 / 1.04 (naive float rounding gives 1.26 / 1.03)', () => {
    // 1.15 × 1.1 = 1.265 → 1.27; 1.15 × 0.9 = 1.035 → 1.04
    expect(band(moutai, 1.15, '2021-06-01')).toEqual({ up: 1.27, down: 1.04 });
    expect(Math.round(1.15 * 1.1 * 100) / 100).toBe(1.26); // why integer ticks are needed
    // 10.05 × 1.1 = 11.055 → 11.06; 10.05 × 0.9 = 9.045 → 9.05
    expect(band(moutai, 10.05, '2021-06-01')).toEqual({ up: 11.06, down: 9.05 });
    // 7.85 × 1.1 = 8.635 → 8.64; 7.85 × 0.9 = 7.065 → 7.07
    expect(band(moutai, 7.85, '2021-06-01')).toEqual({ up: 8.64, down: 7.07 });
  });
  it('SZSE main board the same: 000001.SZ 18.78 → 20.66 / 16.90', () => {
    // 18.78 × 1.1 = 20.658 → 20.66; × 0.9 = 16.902 → 16.90
    expect(band(master.instrument('000001.SZ'), 18.78, '2005-06-01')).toEqual({ up: 20.66, down: 16.9 });
  });
  it('no limit before 1996-12-16, ±10% from that day', () => {
    const pab = master.instrument('000001.SZ');
    expect(band(pab, 18.78, '1996-12-13')).toBeNull();
    expect(band(pab, 18.78, '1996-12-16')).toEqual({ up: 20.66, down: 16.9 });
    // 16.86 × 0.9 = 15.174 → 15.17: the real 1996-12-17 bar opened locked at 15.17
    expect(band(pab, 16.86, '1996-12-17')).toEqual({ up: 18.55, down: 15.17 });
  });
  it('the 300750 +15.09% day of 2021-01-04 would be capped on the main board', () => {
    const main = stock('600000.SH');
    const b = band(main, 351.11, '2021-01-04')!;
    // 351.11 × 1.1 = 386.221 → 386.22 < that day's high 411.11 and close 404.10
    expect(b.up).toBe(386.22);
    expect(404.1).toBeGreaterThan(b.up);
  });
  it('a one-tick floor keeps tiny prices movable (our handling): 0.05 at ±5% → 0.06 / 0.04', () => {
    expect(bandAround(0.05, 5, 5, 0.01)).toEqual({ up: 0.06, down: 0.04 });
  });
  it('unknown previous close → no band', () => {
    expect(band(moutai, NaN, '2021-06-01')).toBeNull();
    expect(band(moutai, 0, '2021-06-01')).toBeNull();
  });
});

describe('CN-A price limits: ST ±5%, main-board ST ±10% from 2026-07-06', () => {
  const st = stock('600001.SH', { st: [['2025-01-02', null]] });
  it('before the ST period the stock has ±10%', () => {
    expect(band(st, 3.33, '2024-12-31')).toEqual({ up: 3.66, down: 3.0 });
  });
  it('2026-07-03 (Fri, last day of the old rule): ±5% — 3.33 → 3.50 / 3.16', () => {
    // 3.33 × 1.05 = 3.4965 → 3.50; × 0.95 = 3.1635 → 3.16
    expect(band(st, 3.33, '2026-07-03')).toEqual({ up: 3.5, down: 3.16 });
  });
  it('2026-07-06 (Mon, 2026 trading rules in force): ±10% — 3.33 → 3.66 / 3.00', () => {
    // 3.33 × 1.1 = 3.663 → 3.66; × 0.9 = 2.997 → 3.00
    expect(band(st, 3.33, '2026-07-06')).toEqual({ up: 3.66, down: 3.0 });
  });
  it('the ST ±5% regime starts 1998-04-22 (a stock marked ST earlier keeps ±10% until then)', () => {
    const early = stock('600002.SH', { listed: '1995-01-03', st: [['1998-01-05', null]] });
    expect(band(early, 10, '1998-04-21')).toEqual({ up: 11, down: 9 });
    expect(band(early, 10, '1998-04-22')).toEqual({ up: 10.5, down: 9.5 });
  });
  it('an ended ST period stops applying on its end date', () => {
    const former = stock('000002.SZ', { st: [['2019-05-06', '2020-05-11']] });
    expect(band(former, 10, '2020-05-08')).toEqual({ up: 10.5, down: 9.5 });
    expect(band(former, 10, '2020-05-11')).toEqual({ up: 11, down: 9 });
  });
  it('ChiNext ST: ±5% until 2020-08-21, ±20% from 2020-08-24 (not 5% → 10%)', () => {
    const cst = stock('300001.SZ', { st: [['2019-01-02', null]] });
    expect(band(cst, 10, '2020-08-21')).toEqual({ up: 10.5, down: 9.5 });
    expect(band(cst, 10, '2020-08-24')).toEqual({ up: 12, down: 8 });
    expect(band(cst, 10, '2026-07-06')).toEqual({ up: 12, down: 8 });
  });
});

describe('CN-A price limits: ChiNext ±10% → ±20% on 2020-08-24', () => {
  const catl = master.instrument('300750.SZ');
  it('2020-08-21 (prev close 188.42): ±10% → 207.26 / 169.58', () => {
    // 188.42 × 1.1 = 207.262 → 207.26; × 0.9 = 169.578 → 169.58
    expect(band(catl, 188.42, '2020-08-21')).toEqual({ up: 207.26, down: 169.58 });
  });
  it('2020-08-24 (prev close 192.23): ±20% → 230.68 / 153.78', () => {
    // 192.23 × 1.2 = 230.676 → 230.68; × 0.8 = 153.784 → 153.78
    expect(band(catl, 192.23, '2020-08-24')).toEqual({ up: 230.68, down: 153.78 });
  });
  it('2021-01-04: +15.09% (351.11 → 404.10, high 411.11) is inside ±20% → 421.33 / 280.89', () => {
    // 351.11 × 1.2 = 421.332 → 421.33; × 0.8 = 280.888 → 280.89
    const b = band(catl, 351.11, '2021-01-04')!;
    expect(b).toEqual({ up: 421.33, down: 280.89 });
    expect(411.11).toBeLessThan(b.up);
  });
});

describe('CN-A price limits: STAR ±20%, BSE ±30%, funds ±10%, indices none', () => {
  it('STAR 688981: 79.57 → 95.48 / 63.66', () => {
    // 79.57 × 1.2 = 95.484 → 95.48; × 0.8 = 63.656 → 63.66
    expect(band(master.instrument('688981.SH'), 79.57, '2020-07-23', 5)).toEqual({ up: 95.48, down: 63.66 });
  });
  it('STAR ST stays ±20%', () => {
    expect(band(stock('688001.SH', { st: [['2022-01-04', null]] }), 10, '2022-06-01')).toEqual({ up: 12, down: 8 });
  });
  it('BSE 10.00 → 13.00 / 7.00 for every code range (83…, 43…, 920…)', () => {
    for (const code of ['830799.BJ', '430047.BJ', '920001.BJ']) {
      expect(band(stock(code, { listed: '2022-01-04' }), 10, '2023-03-01')).toEqual({ up: 13, down: 7 });
    }
  });
  it('ETF 510300 ticks 0.001: 4.123 → 4.535 / 3.711', () => {
    // 4.123 × 1.1 = 4.5353 → 4.535; × 0.9 = 3.7107 → 3.711
    expect(band(master.instrument('510300.SH'), 4.123, '2022-01-19')).toEqual({ up: 4.535, down: 3.711 });
  });
  it('indices have no band', () => {
    expect(band(master.instrument('000300.SH'), 4000, '2022-01-19')).toBeNull();
  });
});

describe('CN-A new listings', () => {
  it('STAR: no limit in sessions 0–4, ±20% from session 5 (688981 listed 2020-07-16)', () => {
    const smic = master.instrument('688981.SH');
    for (let s = 0; s < 5; s++) expect(band(smic, 80, '2020-07-20', s)).toBeNull();
    expect(band(smic, 79.57, '2020-07-23', 5)).not.toBeNull();
  });
  it('ChiNext listed before 2020-08-24: first day +44% / −36% of the offer (CATL 25.14 → 36.20 / 16.09), then ±10%', () => {
    const catl = master.instrument('300750.SZ');
    // 25.14 × 1.44 = 36.2016 → 36.20 (the real first-day high and close); 25.14 × 0.64 = 16.0896 → 16.09
    expect(band(catl, NaN, '2018-06-11', 0)).toEqual({ up: 36.2, down: 16.09 });
    // day 2: 36.20 × 1.1 = 39.82 — the real 2018-06-12 bar is locked at 39.82
    expect(band(catl, 36.2, '2018-06-12', 1)).toEqual({ up: 39.82, down: 32.58 });
  });
  it('first day without a known offer price uses the previous close given (the exchange sets it to the offer)', () => {
    const noOffer = stock('300999.SZ', { listed: '2019-03-01' });
    expect(band(noOffer, 10, '2019-03-01', 0)).toEqual({ up: 14.4, down: 6.4 });
  });
  it('ChiNext listed on 2020-08-24: no limit for 5 sessions', () => {
    const reform = stock('300860.SZ', { listed: '2020-08-24' });
    for (let s = 0; s < 5; s++) expect(band(reform, 50, '2020-08-24', s)).toBeNull();
    expect(band(reform, 50, '2020-08-31', 5)).toEqual({ up: 60, down: 40 });
    const before = stock('300859.SZ', { listed: '2020-08-21', ipoPrice: 10 });
    expect(band(before, NaN, '2020-08-21', 0)).toEqual({ up: 14.4, down: 6.4 });
    expect(band(before, 14.4, '2020-08-24', 1)).toEqual({ up: 17.28, down: 11.52 }); // ±20% already applies on day 2
  });
  it('main board: listed 2023-04-07 → capped first day; listed 2023-04-10 (registration) → 5 free sessions', () => {
    const old = stock('603001.SH', { listed: '2023-04-07', ipoPrice: 20 });
    expect(band(old, NaN, '2023-04-07', 0)).toEqual({ up: 28.8, down: 12.8 });
    expect(band(old, 28.8, '2023-04-10', 1)).toEqual({ up: 31.68, down: 25.92 });
    const reg = stock('001286.SZ', { listed: '2023-04-10', ipoPrice: 20 });
    for (let s = 0; s < 5; s++) expect(band(reg, 30, '2023-04-12', s)).toBeNull();
    expect(band(reg, 30, '2023-04-17', 5)).toEqual({ up: 33, down: 27 });
  });
  it('registrationIpo overrides the listing-date inference', () => {
    const approved = stock('603002.SH', { listed: '2023-05-10', ipoPrice: 10, registrationIpo: false });
    expect(band(approved, NaN, '2023-05-10', 0)).toEqual({ up: 14.4, down: 6.4 });
  });
  it('first-day cap by listing date: 2012-11-02 listing uncapped, 2014-01-17 listing capped at +44% / −36% (date is an assumption, see FIRST_DAY_CAP)', () => {
    expect(band(stock('002999.SZ', { listed: '2012-11-02', ipoPrice: 10 }), NaN, '2012-11-02', 0)).toBeNull();
    expect(band(stock('603999.SH', { listed: '2014-01-17', ipoPrice: 10 }), NaN, '2014-01-17', 0)).toEqual({ up: 14.4, down: 6.4 });
  });
  it('IPOs listed before 2014 had no first-day limit (601318 on 2007-03-01), ±10% afterwards', () => {
    const pa = master.instrument('601318.SH');
    expect(band(pa, 33.8, '2007-03-01', 0)).toBeNull();
    expect(band(pa, 49.0, '2007-03-02', 1)).toEqual({ up: 53.9, down: 44.1 });
  });
  it('BSE: no limit on the first day only', () => {
    const bse = stock('920099.BJ', { listed: '2024-10-09' });
    expect(band(bse, 10, '2024-10-09', 0)).toBeNull();
    expect(band(bse, 10, '2024-10-10', 1)).toEqual({ up: 13, down: 7 });
  });
  it('a known listing date wins over a wrong sessionIndex (a bar index of a file that starts late)', () => {
    const smic = master.instrument('688981.SH');
    // the kernel passes its bar index; a file starting 2021-01-04 would say 0 — the calendar says 115 (bar 116 of the fixture, header excluded)
    expect(band(smic, 50, '2021-01-04', 0)).toEqual({ up: 60, down: 40 });
    expect(band(smic, 80, '2020-07-20', 99)).toBeNull(); // and the reverse: session 2 of the listing
  });
  it('the markets\' inferInstrument uses the seed row of a bundled symbol (listing date, offer price)', () => {
    const catl = cnARules.inferInstrument('300750.SZ');
    expect(catl.listingDate).toBe(t('2018-06-11'));
    expect(catl.ipoPrice).toBe(25.14);
  });
  it('unknown listing date: the day\'s normal band', () => {
    const unknown = recordToInstrument(inferRecord('600000.SH'));
    expect(band(unknown, 10, '2021-06-01', 0)).toEqual({ up: 11, down: 9 });
  });
});

describe('locked bars', () => {
  const b = { up: 39.82, down: 32.58 };
  it('O=H=L=C at the up limit is locked up (300750 on 2018-06-12)', () => {
    expect(lockedSide(b, { open: 39.82, high: 39.82, low: 39.82, close: 39.82 })).toBe('up');
  });
  it('a bar that touches the limit but trades below is not locked', () => {
    expect(lockedSide(b, { open: 38, high: 39.82, low: 37.5, close: 39.82 })).toBeNull();
  });
  it('locked down', () => {
    expect(lockedSide(b, { open: 32.58, high: 32.58, low: 32.58, close: 32.58 })).toBe('down');
  });
});

it('every CN limit table is ascending and every row cites a source', async () => {
  const mod = await import('@/server/markets/cn-a/price-limits');
  const tables = [mod.MAIN_BOARD_LIMIT, mod.MAIN_BOARD_ST_LIMIT, mod.CHINEXT_LIMIT, mod.CHINEXT_ST_LIMIT, mod.STAR_LIMIT, mod.BSE_LIMIT, mod.FUND_LIMIT, FIRST_DAY_CAP, ...Object.values(mod.NO_LIMIT_WINDOW)];
  for (const table of tables) {
    assertSorted('limits', table);
    for (const row of table) expect(row.source.length).toBeGreaterThan(10);
  }
});
