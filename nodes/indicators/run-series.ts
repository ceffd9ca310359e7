import type { TAnyNodeDefinition, TNodeContext } from '../sdk';

/** Bars as columns (the shape of server/data's TBarColumns, restated so nodes/ stays independent). */
export interface TSeriesBars {
  time: ArrayLike<number>;
  open: ArrayLike<number>;
  high: ArrayLike<number>;
  low: ArrayLike<number>;
  close: ArrayLike<number>;
  volume: ArrayLike<number>;
  amount?: ArrayLike<number>;
  length: number;
}

export type TSeriesInput = ArrayLike<number> | ArrayLike<boolean>;

/**
 * Runs one series node over whole columns, a bar at a time, the way the kernel steps it:
 * one frame reused for every bar. For the CLI, tests and benchmarks; a graph run goes through
 * the engine instead. Signal outputs come back as 1/0.
 */
export function runSeriesNode(
  def: TAnyNodeDefinition,
  params: Record<string, unknown>,
  inputs: Record<string, TSeriesInput>,
  length: number,
  bars?: TSeriesBars,
): Record<string, Float64Array> {
  const parsed = def.params.parse(params);
  const outNames = Object.keys(def.outputs);
  const result: Record<string, Float64Array> = {};
  for (const name of outNames) result[name] = new Float64Array(length);
  const inNames = Object.keys(def.inputs);
  for (const name of inNames) {
    if (!inputs[name] && !def.inputs[name].optional) throw new Error(`${def.type}: input "${name}" is not wired`);
  }
  const ctx = makeContext();
  const frame = {
    nodeId: def.type,
    params: parsed,
    state: def.init(parsed),
    in: {} as Record<string, unknown>,
    out: {} as Record<string, unknown>,
    ctx,
  };
  for (const name of inNames) frame.in[name] = def.inputs[name].type === 'signal' ? false : NaN;
  for (const name of outNames) frame.out[name] = NaN;
  const step = def.step as (f: typeof frame) => void;
  for (let t = 0; t < length; t++) {
    if (bars) {
      const b = ctx.bar;
      b.index = t;
      b.time = bars.time[t];
      b.open = bars.open[t];
      b.high = bars.high[t];
      b.low = bars.low[t];
      b.close = bars.close[t];
      b.volume = bars.volume[t];
      b.amount = bars.amount ? bars.amount[t] : NaN;
    }
    for (const name of inNames) {
      const col = inputs[name];
      if (col) frame.in[name] = col[t];
    }
    step(frame);
    for (const name of outNames) {
      const v = frame.out[name];
      result[name][t] = typeof v === 'boolean' ? (v ? 1 : 0) : (v as number);
    }
  }
  return result;
}

export function makeContext(): TNodeContext {
  return {
    symbol: '',
    bar: { index: 0, time: 0, open: NaN, high: NaN, low: NaN, close: NaN, volume: NaN, amount: NaN },
    position: { qty: 0, avgPrice: 0, sellable: 0, entryIndex: -1, highSinceEntry: NaN, lastExitIndex: -1 },
    account: { cash: 0, equity: 0, dayStartEquity: 0, tradingDay: 0, openPositions: 0 },
    llm: null,
  };
}
