import type { TOrderIntent } from '@/nodes/sdk';
import type { TPlan } from '../compile';
import { BarBuffer } from './bar-buffer';
import { generateOneSymbolWalk, generateSeriesLoop, generateTradingStep, type TSeriesLoop, type TTradingStep, type TWalkLoop } from './generate-steps';
import { createContext, createFrames, type TFrame, type TKernelContext } from './node-frames';
import { Portfolio } from './portfolio';
import { SeriesColumns } from './series-columns';
import type { TKernelPorts, TKernelSink } from './types';
import type { TBarColumns } from '@/server/data/bar-columns';

const DAY_MS = 86_400_000;

/**
 * Bars per block in a single-symbol synchronous run: the column phase fills block-sized series
 * columns (reused for every block) and the walk then visits the block's bars. Columns of a whole
 * run would be 8 MB per output per million bars, and on this VM the first write to fresh memory
 * costs ~20 ms per 8 MB in page faults (measured: more than the arithmetic of the whole run);
 * 2,048 bars × 8 bytes stays in L1/L2 and is faulted in once.
 */
const BLOCK = 2048;

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
  const run = new KernelRun(plan, ports, options);
  let cancelled = false;
  for await (const chunk of ports.feed.chunks()) {
    if (ports.signal?.aborted) {
      cancelled = true;
      break;
    }
    // Plans without async (AI) nodes run in plain synchronous loops: V8 optimises those far
    // better than a loop inside an async function (measured: ~5× on the bench).
    if (run.blocked) {
      run.reportProgress([run.walkOneSymbolBlocks(chunk.bars[0])]);
      continue;
    }
    const ranges = chunk.bars.map((bars, s) => run.appendBars(s, bars));
    if (run.symbolCount === 1) await run.walkOneSymbolAsync(ranges[0].from, ranges[0].to);
    else if (plan.async) await run.walkUniverseAsync(ranges);
    else run.walkUniverse(ranges);
    run.reportProgress(ranges);
  }
  return run.result(cancelled, performance.now() - started);
}

/** What the column phase needs of a series node, worked out once per run. */
interface TSeriesNodeWiring {
  k: number;
  /** the bar column that is the node's output (data.bar), if any */
  field: keyof Omit<TBarColumns, 'length'> | null;
  /** per input: [producer node, output index], or null when unwired */
  sources: Array<[number, number] | null>;
}

class KernelRun {
  readonly symbolCount: number;
  /** one symbol and no async node: series columns hold one block, and the generated walk runs */
  readonly blocked: boolean;
  readonly portfolio: Portfolio;
  private readonly buffers: BarBuffer[];
  private readonly contexts: TKernelContext[];
  private readonly frames: TFrame[][];
  private readonly columns: SeriesColumns[];
  private readonly seriesLoops: Array<TSeriesLoop | null>;
  private readonly seriesWiring: TSeriesNodeWiring[];
  private readonly tradingStep: TTradingStep;
  private readonly guards: number[];
  /** the sink's node-inspection hook, when it has one */
  private readonly seriesSink: TKernelSink['series'] | null;
  readonly intents: TOrderIntent[] = [];
  private oneSymbolWalk: TWalkLoop | null = null;
  private readonly totalExpected: number | undefined;
  /** curve times; unused when `blocked` (one point per bar: the times are the bar times) */
  private times: Float64Array;
  private equity: Float64Array;
  points = 0;
  private exposedPoints = 0;
  private processed = 0;
  private nextDayStart = -Infinity;

  constructor(
    private readonly plan: TPlan,
    private readonly ports: TKernelPorts,
    options: TKernelOptions,
  ) {
    const { feed, sink, llm } = ports;
    const expected = feed.expectedBars;
    this.symbolCount = feed.symbols.length;
    this.blocked = this.symbolCount === 1 && !plan.async;
    this.totalExpected = expected ? expected.reduce((a, b) => a + b, 0) : undefined;
    this.portfolio = new Portfolio(feed.symbols, options.initialCash, sink.trade?.bind(sink));
    this.buffers = feed.symbols.map((_, s) => new BarBuffer(expected?.[s] ?? 1024));
    this.contexts = feed.symbols.map((sym, s) => createContext(sym, this.portfolio.positions[s], this.portfolio.account, llm, this.buffers[s].columns));
    this.frames = this.contexts.map((ctx) => createFrames(plan, ctx));
    this.columns = feed.symbols.map((_, s) => new SeriesColumns(plan, this.blocked ? BLOCK : (expected?.[s] ?? 1024)));
    this.seriesLoops = plan.nodes.map((n, k) => (n.phase === 'series' && !n.def.barColumn && !n.def.batch ? generateSeriesLoop(plan, k) : null));
    this.seriesWiring = [];
    plan.nodes.forEach((node, k) => {
      if (node.phase !== 'series') return;
      const sources = node.inputs.map((input): [number, number] | null => {
        if (!input.source) return null;
        const producer = plan.nodes[input.source.node];
        return [input.source.node, producer.outputs.findIndex((o) => o.name === input.source!.port)];
      });
      this.seriesWiring.push({ k, field: node.def.barColumn?.(node.params as never) ?? null, sources });
    });
    this.seriesSink = sink.series?.bind(sink) ?? null;
    this.tradingStep = generateTradingStep(plan);
    this.guards = plan.nodes.map((n, k) => (n.globalGuard ? k : -1)).filter((k) => k >= 0);
    const capacity = Math.max(16, this.totalExpected ?? 1024);
    this.times = new Float64Array(this.blocked ? 0 : capacity);
    this.equity = new Float64Array(capacity);
    ports.broker.attach({ portfolio: this.portfolio, market: { bars: (s) => this.buffers[s].columns }, sink });
  }

  /** Adds a chunk of one symbol's bars and runs the column phase over them (whole-series columns). */
  appendBars(s: number, chunk: Parameters<BarBuffer['append']>[0]): { from: number; to: number } {
    const range = this.append(s, chunk);
    this.columns[s].ensure(range.to);
    this.columnPhase(s, range.from, range.to, 0);
    return range;
  }

  private append(s: number, chunk: Parameters<BarBuffer['append']>[0]): { from: number; to: number } {
    const buffer = this.buffers[s];
    const from = buffer.length;
    buffer.append(chunk);
    this.contexts[s].bar.columns = buffer.columns;
    return { from, to: buffer.length };
  }

  /**
   * Runs every series node over bars [from, to) of symbol s. The series columns hold bars from
   * `base` on (0: the whole series; else one block), so bar i is at column index i - base.
   */
  private columnPhase(s: number, from: number, to: number, base: number): void {
    const bars = this.buffers[s].columns;
    const cols = this.columns[s].columns;
    const frames = this.frames[s];
    for (const { k, field, sources } of this.seriesWiring) {
      if (field) {
        // the output is the bar column itself (a view of the block's bars when blocked)
        cols[k][0] = this.blocked ? bars[field].subarray(from, to) : bars[field];
        continue;
      }
      const inCols = sources.map((src) => (src ? cols[src[0]][src[1]] : null));
      const node = this.plan.nodes[k];
      const frame = frames[k];
      if (node.def.batch) {
        node.def.batch({ params: node.params, state: frame.state, inputs: inCols as Array<Float64Array | null>, outputs: cols[k] as Float64Array[], from: from - base, to: to - base });
      } else this.seriesLoops[k]!(from - base, to - base, inCols, cols[k], bars, frame, base);
    }
    // Node inspection reads the columns now: a blocked run reuses them for the next block.
    if (this.seriesSink) {
      this.seriesSink(s, from, to, (k, o, i) => {
        const col = cols[k][o];
        return col instanceof Float64Array ? col[i - base] : NaN;
      });
    }
  }

  /**
   * One symbol, no async nodes (every backtest of one symbol, and paper trading): append the
   * chunk, then per block of BLOCK bars run the column phase and the generated walk
   * (generateOneSymbolWalk), the hot path of backtests.
   */
  walkOneSymbolBlocks(chunk: Parameters<BarBuffer['append']>[0]): { from: number; to: number } {
    const range = this.append(0, chunk);
    this.oneSymbolWalk ??= generateOneSymbolWalk(this.plan);
    for (let b = range.from; b < range.to; b += BLOCK) {
      const e = Math.min(range.to, b + BLOCK);
      this.columnPhase(0, b, e, b);
      this.oneSymbolWalk(this, b, e, b);
    }
    return range;
  }

  // Accessors the generated loop reads once per chunk.
  get broker() {
    return this.ports.broker;
  }
  get warmup() {
    return this.plan.warmup;
  }
  barsOf(s: number) {
    return this.buffers[s].columns;
  }
  framesOf(s: number) {
    return this.frames[s];
  }
  columnsOf(s: number) {
    return this.columns[s].columns;
  }
  barViewOf(s: number) {
    return this.contexts[s].bar;
  }

  async walkOneSymbolAsync(from: number, to: number): Promise<void> {
    const time = this.buffers[0].columns.time;
    for (let i = from; i < to; i++) {
      const t = time[i];
      this.beginMoment(t);
      this.openBar(0, i);
      this.portfolio.revalue();
      await this.tradeBar(0, i);
      this.endMoment(t);
    }
  }

  /** Several symbols: walk the union of bar times; a symbol with no bar at a time (suspended) is skipped. */
  walkUniverse(ranges: Array<{ from: number; to: number }>): void {
    const cursor = ranges.map((r) => r.from);
    const group: number[] = [];
    for (let t = this.nextTime(cursor, ranges, group); t !== Infinity; t = this.nextTime(cursor, ranges, group)) {
      this.beginMoment(t);
      for (const s of group) this.openBar(s, cursor[s]);
      this.portfolio.revalue();
      for (const s of group) this.tradeBar(s, cursor[s]);
      this.endMoment(t);
      for (const s of group) cursor[s]++;
    }
  }

  async walkUniverseAsync(ranges: Array<{ from: number; to: number }>): Promise<void> {
    const cursor = ranges.map((r) => r.from);
    const group: number[] = [];
    for (let t = this.nextTime(cursor, ranges, group); t !== Infinity; t = this.nextTime(cursor, ranges, group)) {
      this.beginMoment(t);
      for (const s of group) this.openBar(s, cursor[s]);
      this.portfolio.revalue();
      for (const s of group) await this.tradeBar(s, cursor[s]);
      this.endMoment(t);
      for (const s of group) cursor[s]++;
    }
  }

  /** The earliest next bar time over all symbols; fills `group` with the symbols that have a bar then. */
  private nextTime(cursor: number[], ranges: Array<{ from: number; to: number }>, group: number[]): number {
    let t = Infinity;
    group.length = 0;
    for (let s = 0; s < this.symbolCount; s++) {
      if (cursor[s] >= ranges[s].to) continue;
      const ts = this.buffers[s].columns.time[cursor[s]];
      if (ts < t) {
        t = ts;
        group.length = 0;
      }
      if (ts === t) group.push(s);
    }
    return t;
  }

  beginMoment(t: number): void {
    this.ports.clock.onBar(t);
    if (t >= this.nextDayStart) {
      const day = Math.floor(t / DAY_MS);
      this.nextDayStart = (day + 1) * DAY_MS;
      this.portfolio.startDay(day);
    }
  }

  private openBar(s: number, i: number): void {
    this.ports.broker.onBarOpen(s, i);
    this.portfolio.mark(s, this.buffers[s].columns.close[i]);
  }

  /** Steps the trading nodes on bar i; returns a promise only when the plan has async (AI) nodes. */
  private tradeBar(s: number, i: number): void | Promise<void> {
    if (i >= this.plan.warmup) {
      this.contexts[s].bar.index = i;
      const result = this.tradingStep(i, this.frames[s], this.columns[s].columns, this.intents);
      if (typeof result !== 'number') {
        return result.then((n) => {
          this.submitIntents(s, i, n);
          this.ports.broker.onBarClose(s, i);
        });
      }
      if (result !== 0) this.submitIntents(s, i, result);
    }
    this.ports.broker.onBarClose(s, i);
  }

  submitIntents(s: number, i: number, n: number): void {
    for (let j = 0; j < n; j++) {
      let intent: TOrderIntent | null = this.intents[j];
      for (const g of this.guards) {
        const frame = this.frames[s][g];
        frame.in.order = intent;
        void this.plan.nodes[g].def.step(frame as never); // guards are synchronous by contract
        intent = frame.out.order as TOrderIntent | null;
        frame.in.order = null;
        if (intent === null) break;
      }
      if (intent !== null) this.ports.broker.submit(s, i, intent);
    }
  }

  endMoment(t: number): void {
    const value = this.portfolio.revalue();
    if (this.points === this.equity.length) this.growCurve(this.points + 1);
    if (this.portfolio.account.openPositions > 0) this.exposedPoints++;
    this.times[this.points] = t;
    this.equity[this.points++] = value;
  }

  /** The equity array with room for `count` more points (the generated walk writes them). */
  reserveCurve(count: number): Float64Array {
    if (this.points + count > this.equity.length) this.growCurve(this.points + count);
    return this.equity;
  }

  /** The generated walk hands back its point count and the points it saw a position open at. */
  endWalk(points: number, exposed: number): void {
    this.points = points;
    this.exposedPoints += exposed;
  }

  private growCurve(needed: number): void {
    let size = Math.max(16, this.equity.length * 2);
    while (size < needed) size *= 2;
    const equity = new Float64Array(size);
    equity.set(this.equity.subarray(0, this.points));
    this.equity = equity;
    if (this.blocked) return;
    const times = new Float64Array(size);
    times.set(this.times.subarray(0, this.points));
    this.times = times;
  }

  reportProgress(ranges: Array<{ from: number; to: number }>): void {
    this.processed += ranges.reduce((a, r) => a + (r.to - r.from), 0);
    this.ports.sink.progress?.(this.processed, this.totalExpected);
  }

  result(cancelled: boolean, runMs: number): TKernelResult {
    return {
      symbols: this.ports.feed.symbols,
      // one symbol, synchronous: one point per bar, so the curve's times are the bar times
      times: this.blocked ? this.buffers[0].columns.time.subarray(0, this.points) : this.times.subarray(0, this.points),
      equity: this.equity.subarray(0, this.points),
      portfolio: this.portfolio,
      bars: this.processed,
      warmup: this.plan.warmup,
      cancelled,
      exposedPoints: this.exposedPoints,
      runMs,
    };
  }
}
