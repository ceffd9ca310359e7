import { describe, expect, it } from 'vitest';
import { NODE_LIST } from '@/nodes/registry';
import { runSeriesNode } from '@/nodes/indicators/run-series';
import { firstValue, loadBars } from './helpers';

/**
 * On top of the registry-wide conformance suite (determinism, truncation invariance): for
 * every indicator, candlestick and TDX node, `warmup` is exactly the first bar with a value
 * on real data, values never go missing after it, NaN inputs (upstream warm-up) shift the
 * first value by exactly as many bars, and a fresh `init` resets the state.
 */
const NODES = NODE_LIST.filter((d) => /^(indicator|candle|tdx)\./.test(d.type));
const bars = loadBars('601318.SH_daily');
const LEN = 400;

function inputsFor(def: (typeof NODES)[number], shift: number): Record<string, Float64Array | boolean[]> {
  const inputs: Record<string, Float64Array | boolean[]> = {};
  for (const [name, p] of Object.entries(def.inputs)) {
    if (p.type === 'signal') {
      inputs[name] = Array.from({ length: LEN }, (_, i) => bars.close[i] > bars.open[i]);
      continue;
    }
    const src = name === 'open' ? bars.open : name === 'high' ? bars.high : name === 'low' ? bars.low : name === 'volume' ? bars.volume : bars.close;
    const col = new Float64Array(LEN);
    for (let i = 0; i < LEN; i++) col[i] = i < shift ? NaN : src[i - shift];
    inputs[name] = col;
  }
  return inputs;
}

const barsView = { ...bars, length: LEN };

describe.each(NODES.map((d) => [d.type, d] as const))('%s', (_type, def) => {
  const params = def.params.parse({}) as Record<string, unknown>;
  const warmup = def.warmup(params as never);
  const numeric = Object.entries(def.outputs).filter(([, p]) => p.type === 'number').map(([k]) => k);

  it('describes itself with its formula or TA-Lib / TDX name', () => {
    expect(def.description.en).toMatch(/TA-Lib|TongDaXin|TDX|Not in TA-Lib|[=Σ]/);
    expect(def.category === 'indicators' || def.type.startsWith('tdx.')).toBe(true);
  });

  if (numeric.length > 0) {
    it('has its first value exactly at warmup, and none missing after', () => {
      const out = runSeriesNode(def, params, inputsFor(def, 0), LEN, barsView);
      for (const port of numeric) {
        expect(firstValue(out[port]), port).toBe(warmup);
        for (let i = warmup; i < LEN; i++) expect(Number.isNaN(out[port][i]), `${port}[${i}]`).toBe(false);
      }
    });

    it('starts `shift` bars later when its inputs start `shift` bars later (upstream warm-up)', () => {
      if (Object.values(def.inputs).some((p) => p.type === 'signal')) return;
      const base = runSeriesNode(def, params, inputsFor(def, 0), LEN, barsView);
      const shifted = runSeriesNode(def, params, inputsFor(def, 5), LEN, barsView);
      for (const port of numeric) {
        expect(firstValue(shifted[port]), port).toBe(def.type === 'indicator.vwap' ? 5 : warmup + 5);
        if (def.type === 'indicator.vwap') continue; // session VWAP follows the calendar, not the bar count
        for (let i = 0; i + 5 < LEN; i++) expect(Object.is(shifted[port][i + 5], base[port][i]), `${port}[${i}]`).toBe(true);
      }
    });
  }

  it('signal outputs stay false before warmup', () => {
    const out = runSeriesNode(def, params, inputsFor(def, 0), LEN, barsView);
    for (const [port, p] of Object.entries(def.outputs)) {
      if (p.type !== 'signal') continue;
      for (let i = 0; i < Math.min(warmup, LEN); i++) expect(out[port][i], `${port}[${i}]`).toBe(0);
    }
  });

  it('a fresh init starts over (no shared state between instances)', () => {
    const a = runSeriesNode(def, params, inputsFor(def, 0), LEN, barsView);
    const b = runSeriesNode(def, params, inputsFor(def, 0), LEN, barsView);
    expect(b).toEqual(a);
    const s1 = def.init(params as never);
    const s2 = def.init(params as never);
    expect(s1).not.toBe(s2);
  });
});

/** Column (batch) forms equal stepping for every convention, with NaN warm-up and chunked runs. */
const BATCH_CASES: Array<[string, Record<string, unknown>]> = [
  ['indicator.sma', { period: 20 }],
  ['indicator.ema', { period: 20 }],
  ['indicator.ema', { period: 12, convention: 'tdx' }],
  ['indicator.rsi', { period: 14 }],
  ['indicator.macd', {}],
  ['indicator.macd', { fast: 26, slow: 12, signal: 9 }],
  ['indicator.macd', { convention: 'tdx' }],
  ['indicator.bbands', { period: 20 }],
  ['indicator.bbands', { period: 20, devUp: 1.5, devDown: 2.5, convention: 'tdx' }],
  ['indicator.atr', { period: 14 }],
];

describe.each(BATCH_CASES)('batch form of %s %j', (type, rawParams) => {
  it('equals step bar for bar across chunk boundaries', () => {
    const def = NODES.find((d) => d.type === type)!;
    expect(def.batch).toBeDefined();
    const params = def.params.parse(rawParams) as Record<string, unknown>;
    const inputs = inputsFor(def, 3) as Record<string, Float64Array>;
    const stepped = runSeriesNode(def, params, inputs, LEN, barsView);
    const cols = Object.keys(def.inputs).map((name) => inputs[name]);
    const outNames = Object.keys(def.outputs);
    const outputs = outNames.map(() => new Float64Array(LEN));
    const state = def.init(params as never);
    for (const [from, to] of [[0, 1], [1, 40], [40, 41], [41, 233], [233, LEN]]) def.batch!({ params, state, inputs: cols, outputs, from, to });
    outNames.forEach((name, o) => expect(Array.from(outputs[o]), name).toEqual(Array.from(stepped[name])));
  });
});
