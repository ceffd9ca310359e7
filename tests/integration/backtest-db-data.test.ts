// The same golden backtest when the bars come from the database bar store (the bundled files
// imported as the app's seed step does) instead of the CSV files: the reader is swapped behind
// TMarketDataReader and nothing in the backtest changes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { InProcessJobRunner } from '@/server/jobs/in-process-runner';
import { createBacktestJobs, installBacktestJobs, type TBacktestJobs } from '@/server/services/backtest/backtest-jobs';
import { backtestMarketData } from '@/server/services/backtest/market-data';
import { importBundledData } from '@/server/services/market/import-bundled-data';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

// The bar store writes column cache files under DATA_DIR: keep them in a temp folder.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'nofx-bt-data-'));
process.env.DATA_DIR = dataDir;

let t: TTestDb;
let jobs: TBacktestJobs;

beforeAll(async () => {
  t = await createTempSqliteDb();
  const files = mkdtempSync(path.join(os.tmpdir(), 'nofx-bt-files-'));
  for (const f of ['SPY.US_daily.csv', '600519.SH_daily.csv', '600519.SH_daily_qfq.csv']) copyFileSync(path.join(process.cwd(), 'data/market', f), path.join(files, f));
  const report = await importBundledData(t.db, files);
  expect(report.every((r) => r.status === 'imported')).toBe(true);
  rmSync(files, { recursive: true, force: true });
  jobs = createBacktestJobs(t.db, new InProcessJobRunner({ concurrency: 1 }), { log: () => undefined });
  installBacktestJobs(t.db, jobs);
});
afterAll(async () => {
  await jobs?.runner.close();
  await t?.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

it('reads from the database once the files are imported, and the golden run is unchanged', async () => {
  const listed = await backtestMarketData(t.db).listSymbols();
  expect(listed.map((s) => s.symbol).sort()).toEqual(['600519.SH', 'SPY.US']); // only what was imported: the DB answers

  const anonymous = createCaller({ db: t.db, userId: null });
  const u = await anonymous.auth.signUp({ email: 'db@example.com', name: 'DB', password: 'db-password-1' });
  const me = createCaller({ db: t.db, userId: u.id });
  const s = await me.strategy.create({ name: 'SMA' });
  await me.strategy.saveGraph({ id: s.id, graph: getTemplate('sma-crossover')!.graph as never });

  expect((await me.backtest.symbols({ query: '茅台' })).map((o) => o.symbol)).toEqual(['600519.SH']);
  const { id } = await me.backtest.start({ strategyId: s.id, symbols: [{ symbol: 'SPY.US' }], initialCash: 1_000_000, costs: { commissionRate: 0.00025 } });
  await jobs.runner.idle();
  const run = await me.backtest.get({ id });
  const golden = JSON.parse(readFileSync(path.join(process.cwd(), 'tests/golden/backtests/sma-crossover.SPY.US.json'), 'utf8'));
  expect(run.status).toBe('succeeded');
  expect(run.metrics).toEqual(golden.metrics);
  expect(run.metrics!.finalEquity).toBe(1578294.487658635);
});
