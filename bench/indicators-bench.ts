import type { TAnyNodeDefinition } from '@/nodes/sdk';
import { getNodeDefinition } from '@/nodes/registry';
import { makeContext } from '@/nodes/indicators/run-series';
import { syntheticBars } from './synthetic-bars';

/**
 * Indicator kernels on n synthetic bars, run the way the engine's column phase runs a series
 * node: its `batch` (column) form when it has one, else a loop generated for the node that
 * steps one reused frame per bar (server/engine/kernel/generate-steps.ts); next to a
 * hand-written Float64Array loop of the same formula. The issue's target: each kernel
 * within 2× of its hand loop. Each pair is also checked to agree, so a fast wrong kernel
 * cannot pass for a fast right one.
 */
export interface TIndicatorBenchRow {
  name: string;
  barsPerSec: number;
  /** how the kernel ran: its column form or frame stepping */
  path: 'batch' | 'step';
  /** the hand loop's speed and kernel time ÷ hand time, where there is a hand loop */
  handBarsPerSec?: number;
  ratio?: number;
}

const REPEATS = 7;

type TLoop = (n: number, ins: Float64Array[], outs: Float64Array[], frame: unknown) => void;

/** A loop generated for this node alone, so V8 sees one `step` at the call site and inlines it. */
function generatedLoop(def: TAnyNodeDefinition): TLoop {
  const inNames = Object.keys(def.inputs);
  const outNames = Object.keys(def.outputs);
  const source = `return function loop(n, ins, outs, frame) {
  const fin = frame.in, fout = frame.out;
${inNames.map((_, j) => `  const in${j} = ins[${j}];`).join('\n')}
${outNames.map((_, j) => `  const out${j} = outs[${j}];`).join('\n')}
  for (let i = 0; i < n; i++) {
${inNames.map((name, j) => `    fin[${JSON.stringify(name)}] = in${j}[i];`).join('\n')}
    step(frame);
${outNames.map((name, j) => `    out${j}[i] = fout[${JSON.stringify(name)}];`).join('\n')}
  }
};`;
  return new Function('step', source)(def.step) as TLoop;
}

function nodeRunner(
  type: string,
  params: Record<string, unknown>,
  columns: Record<string, Float64Array>,
  n: number,
): { run: () => number; outs: Float64Array[]; path: 'batch' | 'step' } {
  const def = getNodeDefinition(type);
  if (!def) throw new Error(`no node ${type}`);
  const parsed = def.params.parse(params);
  const ins = Object.keys(def.inputs).map((name) => columns[name] ?? columns.close);
  const outs = Object.keys(def.outputs).map(() => new Float64Array(n));
  if (def.batch) {
    const batch = def.batch;
    const run = () => {
      const state = def.init(parsed);
      const t = performance.now();
      batch({ params: parsed, state, inputs: ins, outputs: outs, from: 0, to: n });
      return performance.now() - t;
    };
    return { run, outs, path: 'batch' };
  }
  const loop = generatedLoop(def);
  const run = () => {
    const frame = { nodeId: 'bench', params: parsed, state: def.init(parsed), in: {} as Record<string, number>, out: {} as Record<string, number>, ctx: makeContext() };
    for (const name of Object.keys(def.inputs)) frame.in[name] = NaN;
    for (const name of Object.keys(def.outputs)) frame.out[name] = NaN;
    const t = performance.now();
    loop(n, ins, outs, frame);
    return performance.now() - t;
  };
  return { run, outs, path: 'step' };
}

/** Best of REPEATS, node and hand loop alternating so both see the same machine load. */
function race(node: () => number, hand: (() => number) | null): { nodeMs: number; handMs: number } {
  let nodeMs = Infinity;
  let handMs = Infinity;
  for (let r = 0; r < REPEATS; r++) {
    nodeMs = Math.min(nodeMs, node());
    if (hand) handMs = Math.min(handMs, hand());
  }
  return { nodeMs, handMs };
}

// ---- hand loops: the same formulas, no node machinery ----

function handSma(x: Float64Array, p: number): Float64Array {
  const out = new Float64Array(x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (i >= p) sum -= x[i - p];
    sum += x[i];
    out[i] = i >= p - 1 ? sum / p : NaN;
  }
  return out;
}

function handEma(x: Float64Array, p: number): Float64Array {
  const out = new Float64Array(x.length);
  const k = 2 / (p + 1);
  let e = 0;
  for (let i = 0; i < x.length; i++) {
    if (i < p) {
      e += x[i];
      if (i === p - 1) e /= p;
      out[i] = i === p - 1 ? e : NaN;
    } else out[i] = e = (x[i] - e) * k + e;
  }
  return out;
}

function handRsi(x: Float64Array, p: number): Float64Array {
  const out = new Float64Array(x.length);
  out[0] = NaN;
  let g = 0;
  let l = 0;
  for (let i = 1; i < x.length; i++) {
    const d = x[i] - x[i - 1];
    if (i <= p) {
      if (d < 0) l -= d;
      else g += d;
      if (i < p) {
        out[i] = NaN;
        continue;
      }
      g /= p;
      l /= p;
    } else {
      g *= p - 1;
      l *= p - 1;
      if (d < 0) l -= d;
      else g += d;
      g /= p;
      l /= p;
    }
    const t = g + l;
    out[i] = t > -1e-8 && t < 1e-8 ? 0 : 100 * (g / t);
  }
  return out;
}

/** MACD line with TA-Lib's seeding (fast EMA seeded on the slow EMA's first bar); returns the histogram. */
function handMacd(x: Float64Array, fast: number, slow: number, signal: number): Float64Array {
  const out = new Float64Array(x.length).fill(NaN);
  const kf = 2 / (fast + 1);
  const ks = 2 / (slow + 1);
  const kg = 2 / (signal + 1);
  let ef = 0;
  let es = 0;
  let eg = 0;
  const skip = slow - fast;
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (i < slow) {
      es += v;
      if (i >= skip) ef += v;
      if (i < slow - 1) continue;
      es /= slow;
      ef /= fast;
    } else {
      es = (v - es) * ks + es;
      ef = (v - ef) * kf + ef;
    }
    const m = ef - es;
    const j = i - (slow - 1);
    if (j < signal) {
      eg += m;
      if (j < signal - 1) continue;
      eg /= signal;
    } else eg = (m - eg) * kg + eg;
    out[i] = m - eg;
  }
  return out;
}

function agree(a: Float64Array, b: Float64Array, name: string): void {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x !== x && y !== y) continue;
    if (!(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))) throw new Error(`indicator bench: ${name} kernel and hand loop disagree at bar ${i}: ${x} vs ${y}`);
  }
}

export function runIndicatorBench(n: number): TIndicatorBenchRow[] {
  const bars = syntheticBars(n);
  const columns: Record<string, Float64Array> = { open: bars.open, high: bars.high, low: bars.low, close: bars.close, volume: bars.volume };
  const perSec = (ms: number) => (n / ms) * 1000;
  const rows: TIndicatorBenchRow[] = [];

  const pairs: Array<{ name: string; type: string; params: Record<string, unknown>; port: number; hand: () => Float64Array }> = [
    { name: 'sma:20', type: 'indicator.sma', params: { period: 20 }, port: 0, hand: () => handSma(bars.close, 20) },
    { name: 'ema:20', type: 'indicator.ema', params: { period: 20 }, port: 0, hand: () => handEma(bars.close, 20) },
    { name: 'rsi:14', type: 'indicator.rsi', params: { period: 14 }, port: 0, hand: () => handRsi(bars.close, 14) },
    { name: 'macd:12:26:9', type: 'indicator.macd', params: { fast: 12, slow: 26, signal: 9 }, port: 2, hand: () => handMacd(bars.close, 12, 26, 9) },
  ];
  for (const p of pairs) {
    const node = nodeRunner(p.type, p.params, columns, n);
    let handOut: Float64Array = new Float64Array(0);
    const timed = race(node.run, () => {
      const t = performance.now();
      handOut = p.hand();
      return performance.now() - t;
    });
    agree(handOut, node.outs[p.port], p.name);
    rows.push({ name: p.name, path: node.path, barsPerSec: perSec(timed.nodeMs), handBarsPerSec: perSec(timed.handMs), ratio: timed.nodeMs / timed.handMs });
  }

  // kernels without a hand loop here: speed only
  const others: Array<[string, string, Record<string, unknown>]> = [
    ['bbands:20:2:2', 'indicator.bbands', { period: 20 }],
    ['atr:14', 'indicator.atr', {}],
    ['adx:14', 'indicator.adx', {}],
    ['stoch:14:3:3', 'indicator.stoch', { fastK: 14 }],
    ['cci:20', 'indicator.cci', { period: 20 }],
    ['kama:30', 'indicator.kama', {}],
    ['sar', 'indicator.sar', {}],
    ['kdj:9:3:3', 'indicator.kdj', {}],
  ];
  for (const [name, type, params] of others) {
    const node = nodeRunner(type, params, columns, n);
    rows.push({ name, path: node.path, barsPerSec: perSec(race(node.run, null).nodeMs) });
  }
  return rows;
}
