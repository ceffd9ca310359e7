// The backtest API through the real tRPC router on a real SQLite database with the bundled data:
// the golden run end to end (in a worker thread), progress rows, cancel, owner isolation, bad input
// as 4xx with the field or node, compare, delete, and runs left behind by a dead process.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaller } from '@/server/api/root';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { InProcessJobRunner } from '@/server/jobs/in-process-runner';
import { createBacktestJobs, installBacktestJobs, recoverStaleRuns, type TBacktestJobs } from '@/server/services/backtest/backtest-jobs';
import { runEngineAuto, runEngineInThread, runEngineInWorker, type TEngineRunner } from '@/server/services/backtest/run-engine';
import { AppError } from '@/server/services/errors';
import { getTemplate } from '@/templates';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

const GOLDEN = JSON.parse(readFileSync(path.join(process.cwd(), 'tests/golden/backtests/sma-crossover.SPY.US.json'), 'utf8'));
const SMA = getTemplate('sma-crossover')!.graph as { version: number; nodes: Array<{ id: string; type: string; params: Record<string, unknown> }>; edges: Array<{ id: string; source: string; target: string; sourceHandle: string; targetHandle: string }> };

let t: TTestDb;
let jobs: TBacktestJobs;
let alice: ReturnType<typeof createCaller>;
let bob: ReturnType<typeof createCaller>;
let strategyId: string;
/** swapped by tests that need a slow or blocking engine */
let engine: TEngineRunner = runEngineInWorker;

beforeAll(async () => {
  t = await createTempSqliteDb();
  jobs = createBacktestJobs(t.db, new InProcessJobRunner({ concurrency: 2 }), { runEngine: (req, hooks) => engine(req, hooks), log: () => undefined });
  installBacktestJobs(t.db, jobs);
  const anonymous = createCaller({ db: t.db, userId: null });
  const a = await anonymous.auth.signUp({ email: 'alice@example.com', name: 'Alice', password: 'alice-password' });
  const b = await anonymous.auth.signUp({ email: 'bob@example.com', name: 'Bob', password: 'bob-password' });
  alice = createCaller({ db: t.db, userId: a.id });
  bob = createCaller({ db: t.db, userId: b.id });
  const s = await alice.strategy.create({ name: 'SMA crossover' });
  await alice.strategy.saveGraph({ id: s.id, graph: SMA as never });
  strategyId = s.id;
});
afterAll(async () => {
  await jobs?.runner.close();
  await t?.cleanup();
});

async function errorOf(p: Promise<unknown>): Promise<TRPCError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof TRPCError) return err;
    throw err;
  }
  throw new Error('expected the call to fail');
}

async function finished(id: string) {
  await jobs.runner.idle();
  return alice.backtest.get({ id });
}

const spy = { strategyId: '', symbols: [{ symbol: 'SPY.US' }], initialCash: 1_000_000, costs: { commissionRate: 0.00025 } };

describe('a backtest run end to end', () => {
  it('runs sma-crossover on SPY.US to the golden final equity and stores curve, trades and fills', async () => {
    const t0 = performance.now();
    const { id } = await alice.backtest.start({ ...spy, strategyId });
    const run = await finished(id);
    const ms = performance.now() - t0;
    expect(run.status).toBe('succeeded');
    expect(run.error).toBeNull();
    expect(run.progress).toBe(1);
    expect(run.metrics!.finalEquity).toBe(1578294.487658635);
    expect(run.metrics).toEqual(GOLDEN.metrics);
    expect(run.symbols).toEqual(['SPY.US']);
    expect(run.params.resolved[0]).toMatchObject({ symbol: 'SPY.US', market: 'us', timezone: 'America/New_York', currency: 'USD' });

    const result = await alice.backtest.result({ id });
    expect(result.trades).toHaveLength(GOLDEN.trades.length);
    expect(result.trades[0]).toMatchObject({ qty: GOLDEN.trades[0].qty, entryPrice: GOLDEN.trades[0].entryPrice, pnl: GOLDEN.trades[0].pnl });
    expect(result.fills).toHaveLength(GOLDEN.fills);
    expect(result.equity.sourcePoints).toBe(GOLDEN.equityPoints);
    expect(result.equity.times.length).toBeLessThanOrEqual(5_000);
    expect(result.equity.equity.at(-1)).toBe(1578294.487658635); // the exact final value survives downsampling
    expect(result.equity.equity[0]).toBe(1_000_000);

    const bars = await alice.backtest.bars({ id, symbol: 'SPY.US' });
    expect(bars.times.length).toBe(GOLDEN.equityPoints);
    console.log(`golden SPY.US run through the API (worker thread, cold bundle): ${ms.toFixed(0)} ms`);
  });

  it('gives the same numbers in this thread as in the worker, and with a date range', async () => {
    engine = runEngineInThread;
    try {
      const { id } = await alice.backtest.start({ ...spy, strategyId });
      expect((await finished(id)).metrics!.finalEquity).toBe(1578294.487658635);
    } finally {
      engine = runEngineInWorker;
    }
    const ranged = await alice.backtest.start({ ...spy, strategyId, from: '2015-01-01', to: '2019-12-31' });
    const run = await finished(ranged.id);
    expect(run.status).toBe('succeeded');
    expect(run.params.resolved[0].from >= '2015-01-01').toBe(true);
    expect(run.params.resolved[0].to <= '2019-12-31').toBe(true);
  });

  it('the default engine runs a 10-year daily backtest in this thread, start to stored results well under a second', async () => {
    engine = runEngineAuto;
    try {
      await alice.backtest.start({ ...spy, strategyId, from: '2010-01-01', to: '2019-12-31' }); // warm the caches once
      await jobs.runner.idle();
      const t0 = performance.now();
      const { id } = await alice.backtest.start({ ...spy, strategyId, from: '2010-01-01', to: '2019-12-31' });
      const run = await finished(id);
      const ms = performance.now() - t0;
      expect(run.status).toBe('succeeded');
      console.log(`10-year daily SPY.US backtest, start → results stored: ${ms.toFixed(0)} ms`);
      expect(ms).toBeLessThan(5_000); // generous: shared CI machines
    } finally {
      engine = runEngineInWorker;
    }
  });

  it('writes progress to the run row while it runs, about every 5%', async () => {
    engine = async (req, hooks) => {
      // progress as a slow engine reports it (100 steps, the event loop free between them), then the real run
      for (let i = 1; i <= 100; i++) {
        hooks.onProgress(i * 80, 8000);
        await new Promise((r) => setTimeout(r, 2));
      }
      return runEngineInThread(req, hooks);
    };
    const seen = new Set<number>();
    try {
      const { id } = await alice.backtest.start({ ...spy, strategyId });
      const poll = setInterval(() => {
        void t.db.backtestRun.findUnique({ where: { id }, select: { status: true, progress: true, barsDone: true } }).then((r) => {
          if (r?.status === 'running' && r.progress > 0) seen.add(r.progress);
        });
      }, 3);
      const run = await finished(id);
      clearInterval(poll);
      expect(run.status).toBe('succeeded');
      expect(run.progress).toBe(1);
      expect(run.barsDone).toBe(run.barsTotal);
    } finally {
      engine = runEngineInWorker;
    }
    const values = [...seen].sort((x, y) => x - y);
    expect(values.length).toBeGreaterThanOrEqual(5);
    // written in steps of at least 5%, never every bar
    for (let k = 1; k < values.length; k++) expect(values[k] - values[k - 1]).toBeGreaterThanOrEqual(0.05 - 1e-9);
  });

  it('finds a symbol by its Chinese name and runs an A-share with CN-A rules', async () => {
    const hits = await alice.backtest.symbols({ query: '茅台' });
    expect(hits.map((h) => h.symbol)).toContain('600519.SH');
    const moutai = hits.find((h) => h.symbol === '600519.SH')!;
    expect(moutai).toMatchObject({ market: 'cn-a', timezone: 'Asia/Shanghai', currency: 'CNY', lotSize: 100 });
    const { id } = await alice.backtest.start({ strategyId, symbols: [{ symbol: '600519' }], initialCash: 1_000_000, from: '2018-01-01' });
    const run = await finished(id);
    expect(run.status).toBe('succeeded');
    expect(run.params.resolved[0]).toMatchObject({ symbol: '600519.SH', market: 'cn-a', lotSize: 100 });
    const result = await alice.backtest.result({ id });
    for (const f of result.fills) expect(f.qty % 100 === 0 || f.side === 'sell').toBe(true);
  });

  it('applies a lot-size override (HK) and a market override (a US ETF under CN-A rules)', async () => {
    const hk = await alice.backtest.start({ strategyId, symbols: [{ symbol: '00700.HK', lotSize: 500 }], initialCash: 10_000_000 });
    await finished(hk.id);
    const hkFills = (await alice.backtest.result({ id: hk.id })).fills.filter((f) => f.side === 'buy');
    expect(hkFills.length).toBeGreaterThan(0);
    for (const f of hkFills) expect(f.qty % 500).toBe(0);

    const asCn = await alice.backtest.start({ strategyId, symbols: [{ symbol: 'SPY.US', market: 'cn-a' }], initialCash: 1_000_000 });
    const run = await finished(asCn.id);
    expect(run.params.resolved[0]).toMatchObject({ market: 'cn-a', marketOverridden: true, timezone: 'Asia/Shanghai' });
    const fills = (await alice.backtest.result({ id: asCn.id })).fills;
    for (const f of fills.filter((x) => x.side === 'buy')) expect(f.qty % 100).toBe(0);
    // CN-A's minimum commission (5) applies under CN-A rules
    expect(fills.every((f) => (f.feeParts.commission ?? 5) >= 5 - 1e-9)).toBe(true);
  });
});

describe('graphs with AI nodes', () => {
  it('run in this thread with the owner’s LLM port (offline: the heuristic analyst), golden numbers, decisions recorded per run', async () => {
    const golden = JSON.parse(readFileSync(path.join(process.cwd(), 'tests/golden/backtests/ai-trend-gate.SPY.US.json'), 'utf8'));
    const s = await alice.strategy.create({ name: 'AI trend gate' });
    await alice.strategy.saveGraph({ id: s.id, graph: getTemplate('ai-trend-gate')!.graph as never });
    const { id } = await alice.backtest.start({ strategyId: s.id, symbols: [{ symbol: 'SPY.US' }], initialCash: 1_000_000, costs: { commissionRate: 0.00025 } });
    const run = await finished(id);
    expect(run.error).toBeNull();
    expect(run.metrics!.finalEquity).toBe(golden.metrics.finalEquity);
    const result = await alice.backtest.result({ id });
    expect(result.ai).toMatchObject({ modelCalls: 0 });
    expect(result.ai!.heuristicAnswers).toBeGreaterThan(0);
    const decisions = await alice.ai.decisions({ runId: id, limit: 5 });
    expect(decisions.length).toBe(5);
    expect(decisions[0].runId).toBe(id);
    // deleting the run takes its decisions with it
    await alice.backtest.delete({ id });
    expect(await t.db.aiDecision.count({ where: { runId: id } })).toBe(0);
  });
});

describe('cancel', () => {
  it('cancels a running backtest: the worker stops and the run is cancelled with no results', async () => {
    let release: () => void = () => undefined;
    const started = new Promise<void>((r) => (release = r));
    engine = (req, hooks) => {
      // start the real worker run but hold the first progress so the cancel lands mid-run
      return runEngineInWorker({ ...req, chunkBars: 1 }, { ...hooks, onProgress: (d, n) => (release(), hooks.onProgress(d, n)) });
    };
    try {
      const { id } = await alice.backtest.start({ ...spy, strategyId });
      await started;
      expect((await alice.backtest.cancel({ id })).status).toBe('cancelled');
      const run = await finished(id);
      expect(run.status).toBe('cancelled');
      expect(run.metrics).toBeNull();
      expect((await errorOf(alice.backtest.result({ id }))).message).toBe('run_not_finished');
    } finally {
      engine = runEngineInWorker;
    }
  });

  it('cancels a queued run before it starts; cancelling a finished run changes nothing', async () => {
    const runner = jobs.runner as InProcessJobRunner;
    let unblock: () => void = () => undefined;
    const gate = new Promise<void>((r) => (unblock = r));
    engine = async (req, hooks) => {
      await gate;
      return runEngineInThread(req, hooks);
    };
    try {
      const a = await alice.backtest.start({ ...spy, strategyId });
      const b = await alice.backtest.start({ ...spy, strategyId });
      const c = await alice.backtest.start({ ...spy, strategyId }); // concurrency 2: waits in the queue
      expect((await alice.backtest.get({ id: c.id })).status).toBe('queued');
      expect(runner.get(c.id)?.state).toBe('queued');
      await alice.backtest.cancel({ id: c.id });
      unblock();
      expect((await finished(a.id)).status).toBe('succeeded');
      expect((await alice.backtest.get({ id: b.id })).status).toBe('succeeded');
      expect((await alice.backtest.get({ id: c.id })).status).toBe('cancelled');
      expect((await alice.backtest.cancel({ id: a.id })).status).toBe('succeeded');
    } finally {
      engine = runEngineInWorker;
    }
  });
});

describe('owner isolation', () => {
  it('another user’s run is NOT_FOUND everywhere; their list is empty', async () => {
    const { id } = await alice.backtest.start({ ...spy, strategyId });
    await finished(id);
    expect(await bob.backtest.list({})).toEqual([]);
    for (const call of [
      bob.backtest.get({ id }),
      bob.backtest.result({ id }),
      bob.backtest.bars({ id, symbol: 'SPY.US' }),
      bob.backtest.cancel({ id }),
      bob.backtest.delete({ id }),
      bob.backtest.compare({ ids: [id, id + 'x'] }),
    ]) {
      expect((await errorOf(call)).code).toBe('NOT_FOUND');
    }
    // and nobody can run someone else's strategy
    expect((await errorOf(bob.backtest.start({ ...spy, strategyId }))).code).toBe('NOT_FOUND');
    expect((await alice.backtest.get({ id })).status).toBe('succeeded');
  });

  it('signed-out callers get UNAUTHORIZED', async () => {
    const anonymous = createCaller({ db: t.db, userId: null });
    expect((await errorOf(anonymous.backtest.list({}))).code).toBe('UNAUTHORIZED');
    expect((await errorOf(anonymous.backtest.start({ ...spy, strategyId }))).code).toBe('UNAUTHORIZED');
  });
});

describe('bad input is a 4xx that says what and where', () => {
  const status = (e: TRPCError) => getHTTPStatusCodeFromError(e);

  it('unknown symbol', async () => {
    const e = await errorOf(alice.backtest.start({ ...spy, strategyId, symbols: [{ symbol: 'NOPE.US' }] }));
    expect(status(e)).toBe(400);
    expect(e.message).toBe('unknown_symbol');
    expect((e.cause as AppError).field).toBe('symbols.0.symbol');
  });

  it('a range with no bars, and a range that ends before it starts', async () => {
    const empty = await errorOf(alice.backtest.start({ ...spy, strategyId, from: '1980-01-01', to: '1981-01-01' }));
    expect(status(empty)).toBe(400);
    expect(empty.message).toBe('no_bars_in_range');
    const backwards = await errorOf(alice.backtest.start({ ...spy, strategyId, from: '2020-01-01', to: '2019-01-01' }));
    expect(status(backwards)).toBe(400);
    expect(backwards.code).toBe('BAD_REQUEST');
    const malformed = await errorOf(alice.backtest.start({ ...spy, strategyId, from: '2020-13-45' }));
    expect(status(malformed)).toBe(400);
  });

  it('no symbols, zero cash, absurd commission', async () => {
    for (const input of [
      { ...spy, strategyId, symbols: [] },
      { ...spy, strategyId, initialCash: 0 },
      { ...spy, strategyId, costs: { commissionRate: 0.5 } },
    ]) {
      expect(status(await errorOf(alice.backtest.start(input)))).toBe(400);
    }
  });

  it('a broken graph comes back with per-node errors and no run is created', async () => {
    const before = (await alice.backtest.list({})).length;
    const broken = { ...SMA, edges: SMA.edges.filter((e) => !(e.target === SMA.edges[0].target && e.targetHandle === SMA.edges[0].targetHandle)) };
    const e = await errorOf(alice.backtest.start({ ...spy, strategyId, graph: broken as never }));
    expect(status(e)).toBe(400);
    expect(e.message).toBe('graph_compile_failed');
    const nodeErrors = ((e.cause as AppError).details as { nodeErrors: Array<{ nodeId: string; code: string; message: string; messageZh: string }> }).nodeErrors;
    expect(nodeErrors.length).toBeGreaterThan(0);
    expect(nodeErrors[0]).toMatchObject({ nodeId: SMA.edges[0].target, code: 'required_input_missing' });
    expect(nodeErrors[0].messageZh).toBeTruthy();
    const unknown = await errorOf(alice.backtest.start({ ...spy, strategyId, graph: { ...SMA, nodes: [...SMA.nodes, { id: 'x1', type: 'no.such.node', params: {}, position: { x: 0, y: 0 } }] } as never }));
    expect(((unknown.cause as AppError).details as { nodeErrors: Array<{ nodeId: string; code: string }> }).nodeErrors).toContainEqual(expect.objectContaining({ nodeId: 'x1', code: 'unknown_node_type' }));
    expect((await alice.backtest.list({})).length).toBe(before);
  });

  it('an unknown run id is NOT_FOUND; comparing one run is a 400', async () => {
    expect((await errorOf(alice.backtest.get({ id: 'no-such-run' }))).code).toBe('NOT_FOUND');
    expect(status(await errorOf(alice.backtest.compare({ ids: ['only-one'] })))).toBe(400);
  });
});

describe('failures are stored as plain messages', () => {
  it('an engine error marks the run failed with its first line, never a stack', async () => {
    engine = async () => {
      throw new Error('bar 12 has a NaN close\n    at someFrame (file.ts:1:1)');
    };
    try {
      const { id } = await alice.backtest.start({ ...spy, strategyId });
      const run = await finished(id);
      expect(run.status).toBe('failed');
      expect(run.error).toEqual({ code: 'engine_failed', message: 'bar 12 has a NaN close' });
      expect(run.finishedAt).not.toBeNull();
    } finally {
      engine = runEngineInWorker;
    }
  });
});

describe('history', () => {
  it('lists newest first (per strategy too), compares runs and deletes with results', async () => {
    const a = await alice.backtest.start({ ...spy, strategyId });
    const b = await alice.backtest.start({ ...spy, strategyId, from: '2010-01-01' });
    await finished(b.id);
    const list = await alice.backtest.list({ strategyId });
    expect(list[0].id).toBe(b.id);
    expect(list[1].id).toBe(a.id);
    expect(list[0]).toMatchObject({ strategyName: 'SMA crossover', status: 'succeeded', symbols: ['SPY.US'] });
    expect(list[0].metrics?.totalReturn).toEqual(expect.any(Number));

    const cmp = await alice.backtest.compare({ ids: [a.id, b.id] });
    expect(cmp.runs.map((r) => r.id)).toEqual([a.id, b.id]);
    expect(cmp.runs[0].equity!.equity.at(-1)).toBe(1578294.487658635);
    expect(cmp.runs[1].equity!.times[0]).toBeGreaterThanOrEqual(Date.parse('2010-01-01T00:00:00Z'));

    await alice.backtest.delete({ id: a.id });
    expect((await errorOf(alice.backtest.get({ id: a.id }))).code).toBe('NOT_FOUND');
    expect(await t.db.backtestResult.count({ where: { runId: a.id } })).toBe(0);
  });

  it('a run left queued or running by a process that is gone is marked failed at start-up', async () => {
    const owner = (await t.db.user.findFirst({ where: { email: 'alice@example.com' } }))!;
    const stale = await t.db.backtestRun.create({ data: { ownerId: owner.id, paramsJson: JSON.stringify({ symbols: [{ symbol: 'SPY.US' }], timeframe: '1d', initialCash: 1 }), status: 'running', progress: 0.4 } });
    expect(await recoverStaleRuns(t.db)).toBe(1);
    const run = await alice.backtest.get({ id: stale.id });
    expect(run.status).toBe('failed');
    expect(run.error?.code).toBe('server_restarted');
  });
});
