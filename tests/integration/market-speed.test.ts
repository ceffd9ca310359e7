// The measurements on SQLite: importing every bundled file, and reading 10 years of daily
// bars for 300 symbols (target < 1 s) — from rows, then from the columnar cache files.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allocBarColumns } from '@/server/data/bar-columns';
import { DbMarketData } from '@/server/services/market/db-market-data';
import { importBundledData } from '@/server/services/market/import-bundled-data';
import { writeBars } from '@/server/services/market/write-bars';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

const SYMBOLS = 300;
const BARS = 2520; // 10 years of trading days
let t: TTestDb;
let cacheDir: string;
beforeAll(async () => {
  t = await createTempSqliteDb();
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nofx-speed-'));
});
afterAll(async () => {
  await t?.cleanup();
  fs.rmSync(cacheDir, { recursive: true, force: true });
});

it('imports all bundled files', async () => {
  const t0 = performance.now();
  const report = await importBundledData(t.db);
  const ms = performance.now() - t0;
  const bars = report.reduce((n, r) => n + r.bars, 0);
  console.log(`[market-speed] bundled import: ${report.length} files, ${bars} bars in ${Math.round(ms)} ms (${Math.round(bars / (ms / 1000))} bars/s)`);
  expect(bars).toBeGreaterThan(170_000);
});

it('reads 10 years of daily bars for 300 symbols', async () => {
  // Synthetic prices (a random walk) under made-up codes: only the row count matters here.
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  const t0 = performance.now();
  for (let s = 0; s < SYMBOLS; s++) {
    const bars = allocBarColumns(BARS);
    let price = 10 + 90 * rand();
    for (let i = 0; i < BARS; i++) {
      const open = price;
      price *= 1 + (rand() - 0.5) * 0.04;
      bars.time[i] = Date.UTC(2012, 0, 2) + i * 86_400_000;
      bars.open[i] = open;
      bars.high[i] = Math.max(open, price) * 1.01;
      bars.low[i] = Math.min(open, price) * 0.99;
      bars.close[i] = price;
      bars.volume[i] = Math.round(rand() * 1e7);
      bars.amount[i] = bars.volume[i] * price;
    }
    await writeBars(t.db, { symbol: `${String(700000 + s)}.SH`, timeframe: '1d', adjustment: 'raw' }, { source: 'speed-test', barTime: 'end', timeZone: 'Asia/Shanghai' }, bars);
  }
  const writeMs = performance.now() - t0;
  const store = new DbMarketData(t.db, cacheDir);
  const readAll = async () => {
    const start = performance.now();
    let n = 0;
    for (let s = 0; s < SYMBOLS; s++) n += (await store.loadBars({ symbol: `${String(700000 + s)}.SH`, timeframe: '1d' })).length;
    expect(n).toBe(SYMBOLS * BARS);
    return performance.now() - start;
  };
  const fromRows = await readAll();
  const fromCache = await readAll();
  const again = await readAll();
  console.log(`[market-speed] 300 × 10 y daily (${SYMBOLS * BARS} bars): write ${Math.round(writeMs)} ms; read from rows (and write cache) ${Math.round(fromRows)} ms; from cache files ${Math.round(fromCache)} ms, again ${Math.round(again)} ms`);
  expect(Math.min(fromCache, again)).toBeLessThan(1000);
});
