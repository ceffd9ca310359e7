import { describe, expect, it } from 'vitest';
import { availableMarkets, getMarketRules, inferMarket } from '@/server/markets';
import { cnARules } from '@/server/markets/cn-a';
import { hkRules } from '@/server/markets/hk';
import { inferRecord, isStOn, normalizeSymbol, parseSymbol, SEED_SYMBOLS, SymbolMaster, validateRecord } from '@/server/markets/symbols';
import { t } from '../../fixtures/markets/load';

describe('normalizeSymbol', () => {
  it.each([
    ['600519.SH', '600519.SH'],
    ['600519', '600519.SH'],
    ['sh600519', '600519.SH'],
    ['SH.600519', '600519.SH'],
    ['600519.SS', '600519.SH'],
    ['600519.XSHG', '600519.SH'],
    ['000001.XSHE', '000001.SZ'],
    ['000001', '000001.SZ'],
    ['300750', '300750.SZ'],
    ['830799', '830799.BJ'],
    ['920001', '920001.BJ'],
    ['700.HK', '00700.HK'],
    ['0700.HK', '00700.HK'],
    ['HK.00700', '00700.HK'],
    ['hsi.hk', 'HSI.HK'],
    ['aapl', 'AAPL.US'],
    ['AAPL.US', 'AAPL.US'],
    ['btcusdt', 'BTCUSDT'],
  ])('%s → %s', (input, out) => expect(normalizeSymbol(input)).toBe(out));
  it('rejects junk', () => {
    expect(normalizeSymbol('')).toBeNull();
    expect(normalizeSymbol('12345678')).toBeNull();
  });
});

describe('code → market, board, currency', () => {
  it.each([
    ['600519.SH', 'cn-a', 'SSE', 'sse-main', 'CNY'],
    ['601318.SH', 'cn-a', 'SSE', 'sse-main', 'CNY'],
    ['000001.SZ', 'cn-a', 'SZSE', 'szse-main', 'CNY'],
    ['002594.SZ', 'cn-a', 'SZSE', 'szse-main', 'CNY'],
    ['300750.SZ', 'cn-a', 'SZSE', 'chinext', 'CNY'],
    ['301269.SZ', 'cn-a', 'SZSE', 'chinext', 'CNY'],
    ['688981.SH', 'cn-a', 'SSE', 'star', 'CNY'],
    ['689009.SH', 'cn-a', 'SSE', 'star', 'CNY'],
    ['830799.BJ', 'cn-a', 'BSE', 'bse', 'CNY'],
    ['430047.BJ', 'cn-a', 'BSE', 'bse', 'CNY'],
    ['920001.BJ', 'cn-a', 'BSE', 'bse', 'CNY'],
    ['510300.SH', 'cn-a', 'SSE', 'etf', 'CNY'],
    ['159919.SZ', 'cn-a', 'SZSE', 'etf', 'CNY'],
    ['000300.SH', 'cn-a', 'SSE', 'index', 'CNY'],
    ['399001.SZ', 'cn-a', 'SZSE', 'index', 'CNY'],
    ['900901.SH', 'cn-a', 'SSE', 'sse-main', 'USD'],
    ['200002.SZ', 'cn-a', 'SZSE', 'szse-main', 'HKD'],
    ['00700.HK', 'hk', 'HKEX', 'hk-main', 'HKD'],
    ['08083.HK', 'hk', 'HKEX', 'hk-gem', 'HKD'],
    ['80700.HK', 'hk', 'HKEX', 'hk-main', 'CNY'],
    ['HSI.HK', 'hk', 'HKEX', 'index', 'HKD'],
    ['AAPL.US', 'us', 'US', 'us', 'USD'],
    ['BTCUSDT', 'crypto', 'CRYPTO', 'crypto', 'USDT'],
  ])('%s → %s %s %s %s', (symbol, market, exchange, board, currency) => {
    expect(parseSymbol(symbol)).toMatchObject({ symbol, market, exchange, board, currency });
  });
  it('B-shares are marked as such', () => {
    expect(parseSymbol('900901.SH').kind).toBe('b-share');
  });
  it('lot rules by board: main 100, STAR 200 (then steps of 1), BSE 100, ETF tick 0.001, HK 100 assumed, crypto fractional', () => {
    expect(inferRecord('600000.SH')).toMatchObject({ lotSize: 100, qtyStep: 1, tick: 0.01 });
    expect(inferRecord('688111.SH')).toMatchObject({ lotSize: 200, qtyStep: 1 });
    expect(inferRecord('830799.BJ')).toMatchObject({ lotSize: 100, qtyStep: 1 });
    expect(inferRecord('159919.SZ')).toMatchObject({ lotSize: 100, tick: 0.001 });
    expect(inferRecord('02318.HK')).toMatchObject({ lotSize: 100, lotSizeAssumed: true });
    expect(inferRecord('BTCUSDT')).toMatchObject({ lotSize: 0, qtyStep: 1e-8 });
    expect(inferRecord('AAPL.US')).toMatchObject({ lotSize: 1, qtyStep: 1 });
  });
});

describe('registry', () => {
  it('cn-a and hk are registered next to us and crypto', () => {
    expect(availableMarkets().sort()).toEqual(['cn-a', 'crypto', 'hk', 'us']);
    expect(getMarketRules('cn-a')).toBe(cnARules);
    expect(getMarketRules('hk')).toBe(hkRules);
  });
  it.each([
    ['600519.SH', 'cn-a'],
    ['000001.SZ', 'cn-a'],
    ['830799.BJ', 'cn-a'],
    ['sh600519', 'cn-a'],
    ['00700.HK', 'hk'],
    ['HK.00700', 'hk'],
    ['AAPL.US', 'us'],
    ['AAPL', 'us'],
    ['BTCUSDT', 'crypto'],
  ])('inferMarket(%s) = %s', (symbol, market) => expect(inferMarket(symbol)).toBe(market));
  it('each market infers its own instruments', () => {
    expect(cnARules.inferInstrument('688981.SH')).toMatchObject({ market: 'cn-a', board: 'star', currency: 'CNY', lotSize: 200 });
    expect(hkRules.inferInstrument('00700.HK')).toMatchObject({ market: 'hk', board: 'hk-main', currency: 'HKD', lotSize: 100 });
    expect(Number.isNaN(cnARules.inferInstrument('600000.SH').listingDate)).toBe(true);
  });
});

describe('seed table of the bundled symbols', () => {
  const master = new SymbolMaster();
  it('has every bundled data symbol with a name in both languages', () => {
    const bundled = ['000001.SH', '000001.SZ', '000300.SH', '00700.HK', '09988.HK', '300750.SZ', '510300.SH', '600519.SH', '601318.SH', '688981.SH', 'AAPL.US', 'BTCUSDT', 'HSI.HK', 'NDX.US', 'NVDA.US', 'ORCL.US', 'SPX.US', 'SPY.US', 'YHOO.US'];
    expect(SEED_SYMBOLS.map((s) => s.symbol).sort()).toEqual(bundled.sort());
    for (const rec of SEED_SYMBOLS) {
      expect(rec.name.zh, rec.symbol).toBeTruthy();
      expect(rec.name.en, rec.symbol).toBeTruthy();
      expect(validateRecord(rec), rec.symbol).toEqual([]);
      expect(rec.origin).toBe('seed');
    }
  });
  it('Moutai: 贵州茅台, SSE main board, listed 2001-08-27 at 31.39 CNY', () => {
    expect(master.get('600519.SH')).toMatchObject({ name: { zh: '贵州茅台', en: 'Kweichow Moutai' }, exchange: 'SSE', board: 'sse-main', currency: 'CNY', lotSize: 100, listingDate: '2001-08-27', ipoPrice: 31.39 });
    const inst = master.instrument('sh600519');
    expect(inst.listingDate).toBe(t('2001-08-27'));
    expect(inst.ipoPrice).toBe(31.39);
  });
  it('index and ETF boards from the seed (000300.SH index, SPY etf, SPX index)', () => {
    expect(master.get('000300.SH').board).toBe('index');
    expect(master.get('SPY.US').board).toBe('etf');
    expect(master.get('SPX.US').board).toBe('index');
  });
  it('00700 and 09988 board lots are 100 (not assumed)', () => {
    expect(master.get('00700.HK')).toMatchObject({ lotSize: 100, board: 'hk-main', currency: 'HKD' });
    expect(master.get('00700.HK').lotSizeAssumed).toBeUndefined();
    expect(master.get('09988.HK').lotSize).toBe(100);
  });
  it('unknown symbols are inferred, not stored', () => {
    expect(master.has('002594.SZ')).toBe(false);
    expect(master.get('002594.SZ')).toMatchObject({ origin: 'inferred', board: 'szse-main' });
  });
});

describe('editing the master', () => {
  it('ST history drives the band: a 2024 ST period turns ±10% into ±5%', () => {
    const m = new SymbolMaster();
    const rec = m.upsert({ symbol: '600001.SH', name: { zh: '测试' }, stHistory: [{ from: '2024-05-06', to: null, kind: '*ST' }], listingDate: '2010-01-04' });
    expect(rec.origin).toBe('user');
    const inst = m.instrument('600001.SH');
    expect(isStOn(inst, t('2024-05-03'))).toBe(false);
    expect(isStOn(inst, t('2024-05-06'))).toBe(true);
    const band = (d: string) => cnARules.priceBand({ instrument: inst, prevClose: 10, time: t(d), sessionIndex: 1000 });
    expect(band('2024-05-03')).toEqual({ up: 11, down: 9 });
    expect(band('2024-05-06')).toEqual({ up: 10.5, down: 9.5 });
  });
  it('rejects invalid rows with readable errors', () => {
    const m = new SymbolMaster();
    expect(() => m.upsert({ symbol: '00700.HK', lotSize: 0 })).toThrow(/board lot/);
    expect(() => m.upsert({ symbol: '600001.SH', listingDate: '2024-13-01' })).toThrow(/listingDate/);
    expect(() =>
      m.upsert({
        symbol: '600001.SH',
        stHistory: [
          { from: '2020-01-02', to: '2021-01-04', kind: 'ST' },
          { from: '2020-06-01', to: null, kind: '*ST' },
        ],
      }),
    ).toThrow(/overlap/);
    expect(() => m.upsert({ symbol: '600001.SH', market: 'hk' })).toThrow(/market/);
  });
  it('upsert canonicalises the code and list() returns sorted rows', () => {
    const m = new SymbolMaster([]);
    m.upsert({ symbol: 'hk.5', lotSize: 400, name: { en: 'HSBC Holdings', zh: '滙豐控股' } });
    expect(m.list().map((r) => [r.symbol, r.lotSize, r.lotSizeAssumed])).toEqual([['00005.HK', 400, undefined]]);
    expect(m.remove('00005.HK')).toBe(true);
    expect(m.list()).toEqual([]);
  });
});

describe('rules in force, for the UI', () => {
  const master = new SymbolMaster();
  it('CN-A on 2023-09-01 for Moutai: ±10%, T+1, stamp 0.05% sells since 2023-08-28, transfer 0.001% since 2022-04-29', () => {
    const notes = cnARules.rulesInForce!({ instrument: master.instrument('600519.SH'), time: t('2023-09-01') });
    const by = Object.fromEntries(notes.map((n) => [n.id, n]));
    expect(by['price-limit'].value).toMatch(/±10%/);
    expect(by.settlement.value).toMatch(/T\+1/);
    expect(by['stamp-duty']).toMatchObject({ value: '0.05% of value, sells only', since: '2023-08-28' });
    expect(by['transfer-fee']).toMatchObject({ value: '0.001% of value, both sides', since: '2022-04-29' });
    for (const n of notes) expect(n.source.length, n.id).toBeGreaterThan(3);
  });
  it('CN-A on 2023-08-25: stamp 0.1% since 2008-09-19', () => {
    const notes = cnARules.rulesInForce!({ instrument: master.instrument('600519.SH'), time: t('2023-08-25') });
    expect(notes.find((n) => n.id === 'stamp-duty')).toMatchObject({ value: '0.1% of value, sells only', since: '2008-09-19' });
  });
  it('CN-A new listing note for STAR and for a pre-reform ChiNext IPO', () => {
    const star = cnARules.rulesInForce!({ instrument: master.instrument('688981.SH'), time: t('2020-07-16') });
    expect(star.find((n) => n.id === 'new-listing')?.value).toBe('no limit in the first 5 session(s)');
    const catl = cnARules.rulesInForce!({ instrument: master.instrument('300750.SZ'), time: t('2018-06-11') });
    expect(catl.find((n) => n.id === 'new-listing')?.value).toBe('first day +44% / −36% of the offer price');
  });
  it('HK on 2022-06-01: stamp 0.13% since 2021-08-01, CCASS 0.002% min 2 max 100', () => {
    const notes = hkRules.rulesInForce!({ instrument: master.instrument('00700.HK'), time: t('2022-06-01') });
    const by = Object.fromEntries(notes.map((n) => [n.id, n]));
    expect(by['stamp-duty']).toMatchObject({ value: '0.13% per side, rounded up to a whole HK$', since: '2021-08-01' });
    expect(by['ccass-fee'].value).toBe('0.002% per side, min HK$2, max HK$100');
    expect(by.lot.value).toBe('100 shares');
    expect(by.sessions.value).toMatch(/^09:30–12:00, 13:00–16:00/);
  });
});
