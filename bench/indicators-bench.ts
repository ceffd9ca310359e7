import type { TAnyNodeDefinition } from '@/nodes/sdk';
import { getNodeDefinition } from '@/nodes/registry';
import { makeContext } from '@/nodes/indicators/run-series';
import { syntheticBars } from './synthetic-bars';
import * as hand from './hand-indicators';

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
  /** how the kernel ran: its column form or frame stepping */
  path: 'batch' | 'step';
  /** medians of REPEATS runs, node and hand loop alternating */
  kernelMs: number;
  handMs: number;
  /** kernel time ÷ hand-loop time, of the medians (target ≤ 2) */
  ratio: number;
  /** the same from the best run of each */
  bestKernelMs: number;
  bestHandMs: number;
  barsPerSec: number;
  handBarsPerSec: number;
}

const REPEATS = 9;
/** bars of the warm-up calls */
const WARM = 4096;

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
): { run: () => number; warm: () => void; outs: Float64Array[]; path: 'batch' | 'step'; warmup: number } {
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
    const warm = () => batch({ params: parsed, state: def.init(parsed), inputs: ins, outputs: outs, from: 0, to: Math.min(n, WARM) });
    return { run, warm, outs, path: 'batch', warmup: def.warmup(parsed) };
  }
  const loop = generatedLoop(def);
  const newFrame = () => {
    const frame = { nodeId: 'bench', params: parsed, state: def.init(parsed), in: {} as Record<string, number>, out: {} as Record<string, number>, ctx: makeContext() };
    for (const name of Object.keys(def.inputs)) frame.in[name] = NaN;
    for (const name of Object.keys(def.outputs)) frame.out[name] = NaN;
    return frame;
  };
  const run = () => {
    const frame = newFrame();
    const t = performance.now();
    loop(n, ins, outs, frame);
    return performance.now() - t;
  };
  const warm = () => loop(Math.min(n, WARM), ins, outs, newFrame());
  return { run, warm, outs, path: 'step', warmup: def.warmup(parsed) };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** REPEATS runs each, node and hand loop alternating so both see the same machine load. */
function race(node: () => number, handRun: () => number): { node: number[]; hand: number[] } {
  const times = { node: [] as number[], hand: [] as number[] };
  for (let r = 0; r < REPEATS; r++) {
    times.node.push(node());
    times.hand.push(handRun());
  }
  return times;
}

/** From the first output bar on, both must have a value and agree to 1e-9 (relative above 1). */
function agree(kernel: Float64Array, handOut: Float64Array, from: number, name: string): void {
  for (let i = from; i < kernel.length; i++) {
    const x = kernel[i];
    const y = handOut[i];
    if (!(Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x)))) throw new Error(`indicator bench: ${name} kernel and hand loop disagree at bar ${i}: ${x} vs ${y}`);
  }
}

interface THLC {
  h: Float64Array;
  l: Float64Array;
  c: Float64Array;
}

interface TPair {
  name: string;
  type: string;
  params: Record<string, unknown>;
  /** the hand loop over columns b, writing the node's outputs in the node's port order */
  hand: (b: THLC, outs: Float64Array[]) => void;
}

export function runIndicatorBench(n: number): TIndicatorBenchRow[] {
  const bars = syntheticBars(n);
  const columns: Record<string, Float64Array> = { open: bars.open, high: bars.high, low: bars.low, close: bars.close, volume: bars.volume };
  const all: THLC = { h: bars.high, l: bars.low, c: bars.close };
  const head: THLC = { h: bars.high.subarray(0, WARM), l: bars.low.subarray(0, WARM), c: bars.close.subarray(0, WARM) };
  const perSec = (ms: number) => (n / ms) * 1000;
  const pairs: TPair[] = [
    { name: 'sma:20', type: 'indicator.sma', params: { period: 20 }, hand: ({ h, l, c }, [o]) => hand.handSma(c, 20, o) },
    { name: 'ema:20', type: 'indicator.ema', params: { period: 20 }, hand: ({ h, l, c }, [o]) => hand.handEma(c, 20, o) },
    { name: 'rsi:14', type: 'indicator.rsi', params: { period: 14 }, hand: ({ h, l, c }, [o]) => hand.handRsi(c, 14, o) },
    { name: 'macd:12:26:9', type: 'indicator.macd', params: { fast: 12, slow: 26, signal: 9 }, hand: ({ h, l, c }, [m, s, hi]) => hand.handMacd(c, 12, 26, 9, m, s, hi) },
    { name: 'bbands:20:2:2', type: 'indicator.bbands', params: { period: 20 }, hand: ({ h, l, c }, [u, m, lo]) => hand.handBbands(c, 20, 2, u, m, lo) },
    { name: 'atr:14', type: 'indicator.atr', params: {}, hand: ({ h, l, c }, [o]) => hand.handAtr(h, l, c, 14, o) },
    { name: 'adx:14', type: 'indicator.adx', params: {}, hand: ({ h, l, c }, [o]) => hand.handAdx(h, l, c, 14, o) },
    { name: 'stoch:14:3:3', type: 'indicator.stoch', params: { fastK: 14 }, hand: ({ h, l, c }, [k, d]) => hand.handStoch(h, l, c, 14, 3, 3, k, d) },
    { name: 'cci:20', type: 'indicator.cci', params: { period: 20 }, hand: ({ h, l, c }, [o]) => hand.handCci(h, l, c, 20, o) },
    { name: 'kama:30', type: 'indicator.kama', params: {}, hand: ({ h, l, c }, [o]) => hand.handKama(c, 30, o) },
    { name: 'sar', type: 'indicator.sar', params: {}, hand: ({ h, l, c }, [o]) => hand.handSar(h, l, 0.02, 0.2, o) },
    { name: 'kdj:9:3:3', type: 'indicator.kdj', params: {}, hand: ({ h, l, c }, [k, d, j]) => hand.handKdj(h, l, c, 9, 3, 3, k, d, j) },
  ];
  const rows: TIndicatorBenchRow[] = [];
  for (const p of pairs) {
    const node = nodeRunner(p.type, p.params, columns, n);
    const handOuts = node.outs.map(() => new Float64Array(n));
    // Both sides get the same few short calls first, so V8 has type feedback for the whole
    // function (the code after the loop too) before the timed runs, instead of timing
    // on-stack replacement in the middle of the first 1M-bar loop.
    for (let r = 0; r < 3; r++) {
      node.warm();
      p.hand(head, handOuts.map((o) => o.subarray(0, WARM)));
    }
    const times = race(node.run, () => {
      const t = performance.now();
      p.hand(all, handOuts);
      return performance.now() - t;
    });
    node.outs.forEach((o, k) => agree(o, handOuts[k], node.warmup, `${p.name} output ${k}`));
    const kernelMs = median(times.node);
    const handMs = median(times.hand);
    rows.push({
      name: p.name,
      path: node.path,
      kernelMs,
      handMs,
      ratio: kernelMs / handMs,
      bestKernelMs: Math.min(...times.node),
      bestHandMs: Math.min(...times.hand),
      barsPerSec: perSec(kernelMs),
      handBarsPerSec: perSec(handMs),
    });
  }
  return rows;
}
