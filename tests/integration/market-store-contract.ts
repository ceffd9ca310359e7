// The bar store on one database (SQLite or PostgreSQL): bundled import, reader equality with the
// bundled files, cache files, CSV import rules, incremental sync that resumes and never half-writes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { BundledMarketData } from '@/server/data/bundled-market-data';
import { barCachePath } from '@/server/data/bar-cache-file';
import { createTushareProvider } from '@/server/data/providers/tushare';
import { DbMarketData } from '@/server/services/market/db-market-data';
import { importBundledData } from '@/server/services/market/import-bundled-data';
import { importCsv } from '@/server/services/market/import-csv';
import { seedMarketSymbols } from '@/server/services/market/seed-market-symbols';
import { syncSeries } from '@/server/services/market/sync-series';
import { startFakeTushareServer, tushareDailyAnswer } from '@/tests/helpers/fake-tushare-server';
import type { TTestDb } from './helpers/sqlite';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

export function marketStoreContract(get: () => TTestDb) {
  it('imports every bundled file once: shares, adjustment per series, bad rows skipped and recorded', async () => {
    const { db } = get();
    await seedMarketSymbols(db);
    const report = await importBundledData(db);
    expect(report.every((r) => r.status === 'imported')).toBe(true);
    const tencent = await db.marketDataImport.findFirstOrThrow({ where: { source: 'bundled:00700.HK_daily.csv' } });
    expect(tencent.rowsSkipped).toBe(2);
    expect(JSON.parse(tencent.rowErrorsJson!).map((e: { code: string }) => e.code)).toEqual(['high_below_low', 'high_below_low']);
    const again = await importBundledData(db);
    expect(again.every((r) => r.status === 'unchanged')).toBe(true);
    expect(await db.barSeries.count()).toBe(report.length);
    const qfq = await db.barSeries.findUniqueOrThrow({ where: { symbol_timeframe_adjustment: { symbol: '600519.SH', timeframe: '1d', adjustment: 'qfq' } } });
    expect(qfq.barCount).toBe(1395);
  });

  it('the DB reader returns exactly what the bundled reader returns, and lists names in both languages', async () => {
    const { db } = get();
    const files = new BundledMarketData();
    const store = new DbMarketData(db, null);
    const fromFiles = await files.listSymbols();
    const fromDb = await store.listSymbols();
    // Same symbols, names and series; the order of series across timeframes is not part of the contract.
    const bySeries = (list: typeof fromFiles) => list.map((s) => ({ ...s, series: [...s.series].sort((a, b) => `${a.timeframe}${a.adjustment}`.localeCompare(`${b.timeframe}${b.adjustment}`)) }));
    expect(bySeries(fromDb)).toEqual(bySeries(fromFiles));
    for (const s of fromFiles) {
      for (const series of s.series) {
        const a = await files.loadBars({ symbol: s.symbol, timeframe: series.timeframe, adjustment: series.adjustment });
        const b = await store.loadBars({ symbol: s.symbol, timeframe: series.timeframe, adjustment: series.adjustment });
        expect(b.length).toBe(a.length);
        for (const k of ['time', 'open', 'high', 'low', 'close', 'volume', 'amount'] as const) expect([...b[k]]).toEqual([...a[k]]);
      }
    }
    expect((await store.listSymbols({ query: '腾讯' })).length + (await store.listSymbols({ query: '騰訊' })).length).toBeGreaterThan(0);
    expect((await store.listSymbols({ query: 'moutai' }))[0].symbol).toBe('600519.SH');
    const daily = await store.loadBars({ symbol: '600519.SH', timeframe: '1d' });
    expect(daily.length).toBe(4874); // raw before qfq, like the bundled reader
  });

  it('resamples on request when only a finer series is stored (HK 1m → 1h ends at 12:00 and 16:00)', async () => {
    const { db } = get();
    const store = new DbMarketData(db, null);
    const hourly = await store.loadBars({ symbol: '00700.HK', timeframe: '1h', from: day('2019-01-02'), to: day('2019-01-03') - 1 });
    const clock = [...hourly.time].map((t) => new Date(t).toISOString().slice(11, 16));
    expect(clock).toEqual(['10:30', '11:30', '12:00', '14:00', '15:00', '16:00']);
    const minute = await store.loadBars({ symbol: '00700.HK', timeframe: '1m', from: day('2019-01-02'), to: day('2019-01-03') - 1 });
    expect(hourly.volume.reduce((a, b) => a + b, 0)).toBe(minute.volume.reduce((a, b) => a + b, 0));
  });

  it('keeps a columnar cache file per series and rebuilds it when the series changes', async () => {
    const { db } = get();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nofx-cache-'));
    const store = new DbMarketData(db, dir);
    const first = await store.loadBars({ symbol: 'SPY.US', timeframe: '1d' });
    const series = await db.barSeries.findUniqueOrThrow({ where: { symbol_timeframe_adjustment: { symbol: 'SPY.US', timeframe: '1d', adjustment: 'split-adj' } } });
    expect(fs.existsSync(barCachePath(dir, series.id))).toBe(true);
    const csv = 'date,open,high,low,close,volume\n2018-01-02,267.84,268.81,267.4,268.77,86655700\n';
    expect((await importCsv(db, { text: csv, symbol: 'SPY.US', timeframe: '1d', adjustment: 'split-adj', volumeUnit: 'shares', skipBadRows: false })).ok).toBe(true);
    const second = await store.loadBars({ symbol: 'SPY.US', timeframe: '1d' });
    expect(second.length).toBe(first.length + 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('CSV import: a bad file imports nothing, skipping imports the rest, re-import is idempotent', async () => {
    const { db } = get();
    const csv = ['date,open,high,low,close,volume', '2024-01-02,10,11,9,10.5,1000', '2024-01-03,10,9,11,10.5,1000', '2024-01-04,10,11,9,x,1000', '2024-01-05,10,11,9,10,-5', '2024-01-05,10,11,9,10,5', '2024-01-05,10,11,9,10,6'].join('\n');
    const input = { text: csv, symbol: '600000.SH', timeframe: '1d' as const, adjustment: 'raw' as const, volumeUnit: 'shares' as const, skipBadRows: false };
    const failed = await importCsv(db, input);
    expect(failed.ok).toBe(false);
    expect(failed.rowErrors.map((e) => [e.row, e.code])).toEqual([[3, 'high_below_low'], [4, 'not_a_number'], [5, 'negative_volume'], [7, 'duplicate_time']]);
    expect(await db.barSeries.count({ where: { symbol: '600000.SH' } })).toBe(0);
    const ok = await importCsv(db, { ...input, skipBadRows: true });
    expect(ok).toMatchObject({ ok: true, bars: 2, totalRowErrors: 4 });
    await importCsv(db, { ...input, skipBadRows: true });
    const series = await db.barSeries.findFirstOrThrow({ where: { symbol: '600000.SH' } });
    expect(series.barCount).toBe(2);
    expect(await db.marketSymbol.findUnique({ where: { symbol: '600000.SH' } })).toMatchObject({ market: 'cn-a', origin: 'inferred' });
  });

  it('sync fetches only what the store lacks, keeps stored pages when a later page fails, resumes, refreshes re-adjusted history whole', async () => {
    const { db } = get();
    const parsed = (await import('@/server/data/parse-bars-csv')).parseBarsCsv(fs.readFileSync('data/market/601318.SH_daily.csv'));
    if (!parsed.ok) throw new Error('fixture');
    const all = parsed.bars;
    let failFrom: string | null = null;
    let scale = 1;
    const server = await startFakeTushareServer((body) => {
      if (failFrom && body.params.start_date >= failFrom) return { status: 200, text: '<html><title>维护中</title></html>' };
      const answer = tushareDailyAnswer(all, body.params);
      const data = (answer.json as { data: { items: unknown[][] } }).data;
      for (const row of data.items) for (const k of [2, 3, 4, 5]) row[k] = (row[k] as number) * scale;
      return answer;
    });
    const provider = createTushareProvider({ baseUrl: server.url, credential: 't', retries: 0, rateLimitPerMin: 60_000 });
    const now = day('2022-01-15') + 12 * 3_600_000 - 8 * 3_600_000; // 12:00 in Shanghai
    // Served from 601318's real bars under a symbol nothing bundled uses, so the store starts empty.
    const request = { symbol: '601398.SH', timeframe: '1d' as const, adjustment: 'raw' as const, from: day('2007-03-01') };
    try {
      failFrom = '2017';
      const partial = await syncSeries(db, provider, request, { now });
      expect(partial.status).toBe('failed');
      expect(partial.error).toMatchObject({ provider: 'tushare', code: 'not_json' });
      const kept = await db.barSeries.findUniqueOrThrow({ where: { symbol_timeframe_adjustment: { symbol: '601398.SH', timeframe: '1d', adjustment: 'raw' } } });
      expect(kept.barCount).toBeGreaterThan(2000);
      expect(Number(kept.lastTime)).toBeLessThan(day('2017-03-01'));
      failFrom = null;
      const before = server.requests.length;
      const resumed = await syncSeries(db, provider, request, { now });
      expect(resumed.status).toBe('succeeded');
      expect(JSON.parse(server.requests[before].body).params.start_date).toBe(new Date(Number(kept.lastTime)).toISOString().slice(0, 10).replace(/-/g, ''));
      const full = await db.barSeries.findUniqueOrThrow({ where: { id: kept.id } });
      expect(full.barCount).toBe(all.length);
      const idle = await syncSeries(db, provider, request, { now });
      expect(idle).toMatchObject({ status: 'succeeded', rowsWritten: 1, refreshed: false });
      scale = 0.9; // as when a dividend re-scales a qfq history
      const refreshed = await syncSeries(db, provider, request, { now });
      expect(refreshed).toMatchObject({ status: 'succeeded', refreshed: true, rowsWritten: all.length });
      const bars = await new DbMarketData(db, null).loadBars({ symbol: '601398.SH', timeframe: '1d', adjustment: 'raw' });
      expect(bars.close[0]).toBeCloseTo(all.close[0] * 0.9, 9);
    } finally {
      await server.close();
    }
  });
}
