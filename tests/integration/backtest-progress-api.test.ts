// `backtest.progress` through the real tRPC router on a real SQLite database with the bundled data:
// progress rises and ends with the final status (and the stream ends there), cancel ends it with
// 'cancelled', a finished run answers with its final state at once, and another user gets
// NOT_FOUND. The engine is the real one; slow runs are the real run behind a paced progress report.
import type { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessJobRunner } from '@/server/jobs/in-process-runner';
import { createBacktestJobs, installBacktestJobs, type TBacktestJobs } from '@/server/services/backtest/backtest-jobs';
import { runEngineInThread, type TEngineRunner } from '@/server/services/backtest/run-engine';
import type { TBacktestProgress } from '@/server/services/backtest/watch-backtest-progress';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { signUpAliceAndBob, type TCaller } from './helpers/users';

const SMA = getTemplate('sma-crossover')!.graph;

let t: TTestDb;
let jobs: TBacktestJobs;
let alice: TCaller;
let bob: TCaller;
let strategyId: string;
let engine: TEngineRunner = runEngineInThread;

beforeAll(async () => {
  t = await createTempSqliteDb();
  jobs = createBacktestJobs(t.db, new InProcessJobRunner({ concurrency: 2 }), { runEngine: (req, hooks) => engine(req, hooks), log: () => undefined });
  installBacktestJobs(t.db, jobs);
  ({ alice, bob } = await signUpAliceAndBob(t.db));
  const s = await alice.strategy.create({ name: 'SMA crossover' });
  await alice.strategy.saveGraph({ id: s.id, graph: SMA as never });
  strategyId = s.id;
});
afterAll(async () => {
  await jobs?.runner.close();
  await t?.cleanup();
});

const spy = () => ({ strategyId, symbols: [{ symbol: 'SPY.US' }], initialCash: 1_000_000 });

/** The real run, after 60 progress reports spaced in time (as a long run reports them), stopping when cancelled. */
const paced: TEngineRunner = async (req, hooks) => {
  for (let i = 1; i <= 60 && !hooks.signal.aborted; i++) {
    hooks.onProgress(i * 100, 8_000);
    await new Promise((r) => setTimeout(r, 15));
  }
  return runEngineInThread(req, hooks);
};

async function collect(stream: AsyncIterable<TBacktestProgress>, onEach?: (p: TBacktestProgress) => void): Promise<TBacktestProgress[]> {
  const out: TBacktestProgress[] = [];
  const deadline = setTimeout(() => {
    throw new Error(`no final status within 30 s: ${JSON.stringify(out.at(-1))}`);
  }, 30_000);
  for await (const p of stream) {
    out.push(p);
    onEach?.(p);
  }
  clearTimeout(deadline);
  return out;
}

describe('backtest.progress', () => {
  it('rises monotonically with bars processed and an ETA, then ends with the final status', async () => {
    engine = paced;
    try {
      const { id } = await alice.backtest.start(spy());
      const events = await collect(await alice.backtest.progress({ id }));
      const last = events.at(-1)!;
      expect(last.status).toBe('succeeded');
      expect(last.progress).toBe(1);
      const running = events.filter((e) => e.status === 'running');
      expect(running.length).toBeGreaterThanOrEqual(5);
      expect(running.some((e) => e.eta !== null && e.eta > 0)).toBe(true);
      expect(running.some((e) => e.barsTotal === 8_000 && e.barsDone > 0 && e.barsDone < 8_000)).toBe(true);
      for (let k = 1; k < events.length; k++) {
        expect(events[k].progress).toBeGreaterThanOrEqual(events[k - 1].progress);
        expect(events[k].barsDone).toBeGreaterThanOrEqual(events[k - 1].barsDone);
      }
      // the stream ended by itself on the final status; metrics are one read away
      const run = await alice.backtest.get({ id });
      expect(run.status).toBe('succeeded');
      expect(run.metrics?.finalEquity).toBeGreaterThan(0);
    } finally {
      engine = runEngineInThread;
    }
  });

  it('cancel ends the stream with "cancelled"', async () => {
    engine = async (req, hooks) => {
      // reports progress until cancelled, like a long run's chunks
      for (let i = 1; !hooks.signal.aborted; i++) {
        hooks.onProgress(Math.min(i * 10, 9_999), 10_000);
        await new Promise((r) => setTimeout(r, 10));
      }
      return runEngineInThread(req, hooks);
    };
    try {
      const { id } = await alice.backtest.start(spy());
      let cancelled = false;
      const events = await collect(await alice.backtest.progress({ id }), (p) => {
        if (!cancelled && p.status === 'running' && p.barsDone > 0) {
          cancelled = true;
          void alice.backtest.cancel({ id });
        }
      });
      expect(cancelled).toBe(true);
      expect(events.at(-1)!.status).toBe('cancelled');
      expect(events.slice(0, -1).every((e) => e.status === 'queued' || e.status === 'running')).toBe(true);
      expect((await alice.backtest.get({ id })).status).toBe('cancelled');
    } finally {
      engine = runEngineInThread;
    }
  });

  it('a finished run answers with its final state at once; another user gets NOT_FOUND', async () => {
    const { id } = await alice.backtest.start(spy());
    await jobs.runner.idle();
    const events = await collect(await alice.backtest.progress({ id }));
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ status: 'succeeded', progress: 1, eta: null });
    expect(events[0].barsDone).toBe(events[0].barsTotal);
    const err = await bob.backtest.progress({ id }).then(
      () => null,
      (e: TRPCError) => e,
    );
    expect(err?.code).toBe('NOT_FOUND');
  });
});
