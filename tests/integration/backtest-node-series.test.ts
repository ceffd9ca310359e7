// Node inspection through the tRPC router on SQLite with the bundled data: the series is aligned
// with the K-line's bars, a trading-phase node says why it has no series, and other users and
// unknown nodes get NOT_FOUND.
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessJobRunner } from '@/server/jobs/in-process-runner';
import { createBacktestJobs, installBacktestJobs, type TBacktestJobs } from '@/server/services/backtest/backtest-jobs';
import { runEngineInThread } from '@/server/services/backtest/run-engine';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { signUpAliceAndBob, type TCaller } from './helpers/users';

let t: TTestDb;
let jobs: TBacktestJobs;
let alice: TCaller;
let bob: TCaller;
let runId: string;

beforeAll(async () => {
  t = await createTempSqliteDb();
  jobs = createBacktestJobs(t.db, new InProcessJobRunner({ concurrency: 1 }), { runEngine: runEngineInThread, log: () => undefined });
  installBacktestJobs(t.db, jobs);
  ({ alice, bob } = await signUpAliceAndBob(t.db));
  const started = await alice.backtest.start({
    graph: getTemplate('sma-crossover')!.graph as never,
    symbols: [{ symbol: '600519.SH' }],
    from: '2020-01-02',
    to: '2023-12-29',
    initialCash: 1_000_000,
    overrides: { fast: { period: 5 } },
  });
  runId = started.id;
  await jobs.runner.idle();
});
afterAll(async () => {
  await jobs?.runner.close();
  await t?.cleanup();
});

async function codeOf(p: Promise<unknown>): Promise<string> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TRPCError);
  return (err as TRPCError).code;
}

describe('backtest.nodeSeries', () => {
  it('is aligned with the run’s K-line bars and uses the run’s overrides', async () => {
    const bars = await alice.backtest.bars({ id: runId, symbol: '600519.SH' });
    const fast = await alice.backtest.nodeSeries({ id: runId, symbol: '600519.SH', nodeId: 'fast' });
    expect(fast.times).toEqual(bars.times);
    expect(fast.unavailable).toBeNull();
    expect(fast.outputs).toHaveLength(1);
    const values = fast.outputs[0].values;
    expect(values.slice(0, 4)).toEqual([null, null, null, null]);
    // SMA(5) from the overrides, not the template's 10.
    const i = 200;
    const want = bars.close.slice(i - 4, i + 1).reduce((a, b) => a + b, 0) / 5;
    expect(values[i]).toBeCloseTo(want, 9);
    expect(fast.outputs[0].label).toEqual({ en: expect.any(String), zh: expect.any(String) });
  });

  it('a trading-phase node has no series and says why', async () => {
    const enter = await alice.backtest.nodeSeries({ id: runId, symbol: '600519.SH', nodeId: 'enter' });
    expect(enter).toMatchObject({ unavailable: 'trading_phase', outputs: [] });
  });

  it('other users, unknown nodes and unknown symbols are NOT_FOUND', async () => {
    expect(await codeOf(bob.backtest.nodeSeries({ id: runId, symbol: '600519.SH', nodeId: 'fast' }))).toBe('NOT_FOUND');
    expect(await codeOf(alice.backtest.nodeSeries({ id: runId, symbol: '600519.SH', nodeId: 'ghost' }))).toBe('NOT_FOUND');
    expect(await codeOf(alice.backtest.nodeSeries({ id: runId, symbol: 'SPY.US', nodeId: 'fast' }))).toBe('NOT_FOUND');
  });
});
