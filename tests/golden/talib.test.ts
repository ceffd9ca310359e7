import { describe, expect, it } from 'vitest';
import { getNodeDefinition } from '@/nodes/registry';
import { runSeriesNode } from '@/nodes/indicators/run-series';
import { barInputs, firstValue, loadBars, loadTalib, maxError, SYMBOLS } from '../unit/indicators/helpers';

/**
 * Every TA-Lib reference column on three real series (A-share, HK, crypto): values within 1e-9
 * (relative above 1e4) from TA-Lib's first output on, no value before it, and the node's
 * `warmup` equal to TA-Lib's lookback.
 */
const CASES: Array<{ type: string; params: Record<string, unknown>; columns: Record<string, string>; lookback: number }> = [
  { type: 'indicator.sma', params: { period: 20 }, columns: { sma20: 'value' }, lookback: 19 },
  { type: 'indicator.ema', params: { period: 20 }, columns: { ema20: 'value' }, lookback: 19 },
  { type: 'indicator.rsi', params: { period: 14 }, columns: { rsi14: 'value' }, lookback: 14 },
  { type: 'indicator.macd', params: { fast: 12, slow: 26, signal: 9 }, columns: { macd: 'macd', macd_signal: 'signal', macd_hist: 'hist' }, lookback: 33 },
  { type: 'indicator.bbands', params: { period: 20, devUp: 2, devDown: 2 }, columns: { bb_upper: 'upper', bb_middle: 'middle', bb_lower: 'lower' }, lookback: 19 },
  { type: 'indicator.atr', params: { period: 14 }, columns: { atr14: 'value' }, lookback: 14 },
  { type: 'indicator.stoch', params: { fastK: 14, slowK: 3, slowD: 3 }, columns: { stoch_k: 'k', stoch_d: 'd' }, lookback: 17 },
  { type: 'indicator.adx', params: { period: 14 }, columns: { adx14: 'value' }, lookback: 27 },
  { type: 'indicator.cci', params: { period: 20 }, columns: { cci20: 'value' }, lookback: 19 },
  { type: 'indicator.obv', params: {}, columns: { obv: 'value' }, lookback: 0 },
  { type: 'indicator.willr', params: { period: 14 }, columns: { willr14: 'value' }, lookback: 13 },
  { type: 'indicator.mfi', params: { period: 14 }, columns: { mfi14: 'value' }, lookback: 14 },
  { type: 'indicator.kama', params: { period: 30 }, columns: { kama30: 'value' }, lookback: 30 },
  { type: 'indicator.sar', params: { acceleration: 0.02, maximum: 0.2 }, columns: { sar: 'value' }, lookback: 1 },
];

describe.each(SYMBOLS)('TA-Lib parity on %s', (symbol) => {
  const bars = loadBars(symbol);
  const ref = loadTalib(symbol);

  it.each(CASES.map((c) => [c.type, c] as const))('%s', (type, c) => {
    const def = getNodeDefinition(type)!;
    const params = def.params.parse(c.params) as Record<string, unknown>;
    expect(def.warmup(params)).toBe(c.lookback);
    const out = runSeriesNode(def, params, barInputs(type, bars), bars.length, bars);
    for (const [column, port] of Object.entries(c.columns)) {
      expect(ref[column].length).toBe(bars.length);
      expect(firstValue(ref[column]), `TA-Lib ${column} first value`).toBe(c.lookback);
      expect(firstValue(out[port]), `${port} first value`).toBe(c.lookback);
      expect(maxError(ref[column], out[port]), `${column} vs ${port}`).toBeLessThanOrEqual(1e-9);
      // after the first value every bar has one (no NaN holes)
      for (let i = c.lookback; i < bars.length; i++) if (out[port][i] !== out[port][i]) throw new Error(`${port} NaN at ${i}`);
    }
  });
});
