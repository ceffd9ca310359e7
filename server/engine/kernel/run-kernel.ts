import type { TOrderIntent } from '@/nodes/sdk';
import type { TPlan } from '../compile/types';
import { BarBuffer } from './bar-buffer';
import { generateSeriesLoop, generateTradingStep, type TSeriesLoop } from './generate-steps';
import { createContext, createFrames, type TFrame } from './node-frames';
import { Portfolio } from './portfolio';
import { SeriesColumns } from './series-columns';
import type { TKernelPorts } from './types';

const DAY_MS = 86_400_000;

export interface TKernelOptions {
  initialCash: number;
}

export interface TKernelResult {
  symbols: readonly string[];
  /** one point per distinct bar time across the universe */
  times: Float64Array;
  equity: Float64Array;
  portfolio: Portfolio;
  bars: number;
  warmup: number;
  cancelled: boolean;
  /** equity points at which at least one position was open */
  exposedPoints: number;
  /** milliseconds spent in the kernel itself */
  runMs: number;
}

/**
 * The one loop for backtest, paper and live. For every chunk the feed yields: extend each
 * symbol's bars, run the column phase (series nodes) over the new bars, then walk the new bars
 * in time order: fill what waits for the open, mark to market, step the trading nodes, pass
 * their orders through the global guards to the broker, record equity.
 */
export async function runKernel(plan: TPlan, ports: TKernelPorts, options: TKernelOptions): Promise<TKernelResult> {
  const started = performance.now();
  const { feed, broker, clock, llm, sink, signal } = ports;
  const symbols = feed.symbols;
  const count = symbols.length;
  const expected = feed.expectedBars;
  const totalExpected = expected ? expected.reduce((a, b) => a + b, 0) : undefined;

  const portfolio = new Portfolio(symbols, options.initialCash, sink.trade?.bind(sink));
  const buffers = symbols.map((_, s) => new BarBuffer(expected?.[s] ?? 1024));
  const contexts = symbols.map((sym, s) => createContext(sym, portfolio.positions[s], portfolio.account, llm, buffers[s].columns));
  const frames: TFrame[][] = contexts.map((ctx) => createFrames(plan, ctx));
  const columns = symbols.map((_, s) => new SeriesColumns(plan, expected?.[s] ?? 1024));
  const seriesLoops: Array<TSeriesLoop | null> = plan.nodes.map((n, k) => (n.phase === 'series' ? generateSeriesLoop(plan, k) : null));
  const tradingStep = generateTradingStep(plan);
  const guards = plan.nodes.map((n, k) => (n.globalGuard ? k : -1)).filter((k) => k >= 0);
  const intents: TOrderIntent[] = [];
  const warmup = plan.warmup;

  broker.attach({ portfolio, market: { bars: (s) => buffers[s].columns }, sink });

  let times = new Float64Array(Math.max(16, totalExpected ?? 1024));
  let equity = new Float64Array(times.length);
  let points = 0;
  let exposedPoints = 0;
  let processed = 0;
  let cancelled = false;

  const record = (t: number, value: number) => {
    if (points === times.length) {
      const grownT = new Float64Array(points * 2);
      const grownE = new Float64Array(points * 2);
      grownT.set(times);
      grownE.set(equity);
      times = grownT;
      equity = grownE;
    }
    if (portfolio.account.openPositions > 0) exposedPoints++;
    times[points] = t;
    equity[points++] = value;
  };

  const runSeries = (s: number, from: number, to: number) => {
    const cols = columns[s];
    cols.ensure(to);
    const bars = buffers[s].columns;
    contexts[s].bar.columns = bars;
    plan.nodes.forEach((node, k) => {
      const field = node.phase === 'series' ? node.def.barColumn?.(node.params as never) : undefined;
      if (field) {
        cols.columns[k][0] = bars[field]; // the output is the bar column itself
        return;
      }
      const loop = seriesLoops[k];
      if (!loop) return;
      const inCols = node.inputs.map((input) => {
        if (!input.source) return null;
        const producer = plan.nodes[input.source.node];
        return cols.columns[input.source.node][producer.outputs.findIndex((o) => o.name === input.source!.port)];
      });
      loop(from, to, inCols, cols.columns[k], bars, frames[s][k]);
    });
  };

  const openBar = (s: number, i: number) => {
    broker.onBarOpen(s, i);
    portfolio.mark(s, buffers[s].columns.close[i]);
  };

  const submitIntents = (s: number, i: number, n: number) => {
    for (let j = 0; j < n; j++) {
      let intent: TOrderIntent | null = intents[j];
      for (const g of guards) {
        const frame = frames[s][g];
        frame.in.order = intent;
        void plan.nodes[g].def.step(frame as never); // guards are synchronous by contract
        intent = frame.out.order as TOrderIntent | null;
        frame.in.order = null;
        if (intent === null) break;
      }
      if (intent !== null) broker.submit(s, i, intent);
    }
  };

  /** Steps the trading nodes on bar i; returns a promise only when the plan has async (AI) nodes. */
  const tradeBar = (s: number, i: number): void | Promise<void> => {
    if (i >= warmup) {
      contexts[s].bar.index = i;
      const result = tradingStep(i, frames[s], columns[s].columns, intents);
      if (result === 0) {
        broker.onBarClose(s, i);
        return;
      }
      if (typeof result !== 'number') {
        return result.then((n) => {
          submitIntents(s, i, n);
          broker.onBarClose(s, i);
        });
      }
      submitIntents(s, i, result);
    }
    broker.onBarClose(s, i);
  };

  let nextDayStart = -Infinity;
  const startTime = (t: number) => {
    clock.onBar(t);
    if (t >= nextDayStart) {
      const day = Math.floor(t / DAY_MS);
      nextDayStart = (day + 1) * DAY_MS;
      portfolio.startDay(day);
    }
  };

  for await (const chunk of feed.chunks()) {
    if (signal?.aborted) {
      cancelled = true;
      break;
    }
    const ranges = chunk.bars.map((bars, s) => {
      const from = buffers[s].length;
      buffers[s].append(bars);
      runSeries(s, from, buffers[s].length);
      return { from, to: buffers[s].length };
    });

    if (count === 1) {
      // One symbol: every bar is its own moment; no merge needed.
      const time = buffers[0].columns.time;
      for (let i = ranges[0].from; i < ranges[0].to; i++) {
        const t = time[i];
        startTime(t);
        openBar(0, i);
        portfolio.revalue();
        const pending = tradeBar(0, i);
        if (pending) await pending;
        record(t, portfolio.revalue());
      }
    } else {
      // Several symbols: walk the union of bar times; a symbol with no bar at a time (suspended) is skipped.
      const cursor = ranges.map((r) => r.from);
      const group: number[] = [];
      for (;;) {
        let t = Infinity;
        for (let s = 0; s < count; s++) if (cursor[s] < ranges[s].to && buffers[s].columns.time[cursor[s]] < t) t = buffers[s].columns.time[cursor[s]];
        if (t === Infinity) break;
        group.length = 0;
        for (let s = 0; s < count; s++) if (cursor[s] < ranges[s].to && buffers[s].columns.time[cursor[s]] === t) group.push(s);
        startTime(t);
        for (const s of group) openBar(s, cursor[s]);
        portfolio.revalue();
        for (const s of group) {
          const pending = tradeBar(s, cursor[s]);
          if (pending) await pending;
        }
        record(t, portfolio.revalue());
        for (const s of group) cursor[s]++;
      }
    }
    processed += ranges.reduce((a, r) => a + (r.to - r.from), 0);
    sink.progress?.(processed, totalExpected);
  }

  return {
    symbols,
    times: times.subarray(0, points),
    equity: equity.subarray(0, points),
    portfolio,
    bars: processed,
    warmup,
    cancelled,
    exposedPoints,
    runMs: performance.now() - started,
  };
}
