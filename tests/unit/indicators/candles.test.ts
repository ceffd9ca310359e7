import { describe, expect, it } from 'vitest';
import { run } from './helpers';

/**
 * Twelve plain bars (white, body 1, range 2) set TA-Lib's yardsticks: average body 1, "doji" and
 * "very short shadow" 0.2, "near" 0.4, "far" 1.2. Then the pattern's bars follow.
 */
type TBar = [open: number, high: number, low: number, close: number];
const BASE: TBar[] = Array.from({ length: 12 }, () => [100, 101.5, 99.5, 101]);

function signal(type: string, pattern: TBar[], params: Record<string, unknown> = {}, port = 'value'): number[] {
  const bars = [...BASE, ...pattern];
  const out = run(type, params, { open: bars.map((b) => b[0]), high: bars.map((b) => b[1]), low: bars.map((b) => b[2]), close: bars.map((b) => b[3]) });
  return out[port];
}

/** the pattern fires on the last bar and on no bar before it */
function firesLast(values: number[]): boolean {
  return values[values.length - 1] === 1 && values.slice(0, -1).every((v) => v === 0);
}

describe('candlestick patterns (TA-Lib definitions)', () => {
  it.each([
    ['candle.doji', [[100, 101, 99, 100.1]]],
    ['candle.dragonfly-doji', [[100, 100.1, 98, 100.05]]],
    ['candle.gravestone-doji', [[100, 102, 99.9, 99.95]]],
    ['candle.hammer', [[99.6, 99.95, 98.5, 99.9]]],
    ['candle.hanging-man', [[101.3, 101.65, 100.2, 101.6]]],
    ['candle.inverted-hammer', [[99.5, 100.8, 99.45, 99.7]]],
    ['candle.shooting-star', [[101.2, 102.5, 101.15, 101.4]]],
    ['candle.spinning-top', [[100.2, 101.5, 99, 100.4]]],
    ['candle.morning-star', [[102, 102.1, 99.9, 100], [99.5, 99.6, 99.2, 99.3], [99.6, 101.6, 99.5, 101.5]]],
    ['candle.evening-star', [[100, 102.1, 99.9, 102], [102.5, 102.8, 102.4, 102.7], [102.4, 102.5, 100.4, 100.5]]],
    ['candle.three-white-soldiers', [[101, 102.05, 100.9, 102], [101.8, 103.05, 101.7, 103], [102.8, 104.05, 102.7, 104]]],
    ['candle.three-black-crows', [[101.2, 101.25, 99.95, 100], [100.5, 100.55, 98.95, 99], [99.5, 99.55, 97.95, 98]]],
    ['candle.piercing', [[102, 102.1, 99.8, 100], [99.5, 101.3, 99.4, 101.2]]],
    ['candle.dark-cloud-cover', [[100, 102.2, 99.9, 102], [102.5, 102.6, 100.7, 100.8]]],
  ] as Array<[string, TBar[]]>)('%s fires on its shape and not on plain bars', (type, pattern) => {
    expect(firesLast(signal(type, pattern))).toBe(true);
  });

  it('hammer and hanging man differ only by where the body sits against the previous bar', () => {
    expect(signal('candle.hanging-man', [[99.6, 99.95, 98.5, 99.9]]).at(-1)).toBe(0);
    expect(signal('candle.hammer', [[101.3, 101.65, 100.2, 101.6]]).at(-1)).toBe(0);
  });

  it('engulfing: bullish and bearish forms', () => {
    const bull: TBar[] = [[101, 101.2, 99.9, 100], [99.8, 101.3, 99.7, 101.2]];
    expect(firesLast(signal('candle.engulfing', bull, {}, 'bullish'))).toBe(true);
    expect(signal('candle.engulfing', bull, {}, 'bearish').every((v) => v === 0)).toBe(true);
    const bear: TBar[] = [[100, 101.2, 99.9, 101], [101.2, 101.3, 99.7, 99.8]];
    expect(firesLast(signal('candle.engulfing', bear, {}, 'bearish'))).toBe(true);
  });

  it('harami after a long white candle is bearish; harami cross needs a doji', () => {
    const h: TBar[] = [[100, 102.1, 99.9, 102], [101.5, 101.6, 100.7, 100.8]];
    expect(firesLast(signal('candle.harami', h, {}, 'bearish'))).toBe(true);
    expect(signal('candle.harami', h, {}, 'bullish').every((v) => v === 0)).toBe(true);
    expect(signal('candle.harami-cross', h, {}, 'bearish').at(-1)).toBe(0);
    const cross: TBar[] = [[100, 102.1, 99.9, 102], [101, 101.3, 100.8, 101.05]];
    expect(firesLast(signal('candle.harami-cross', cross, {}, 'bearish'))).toBe(true);
  });

  it('marubozu: long body, no shadows', () => {
    expect(firesLast(signal('candle.marubozu', [[100, 102.55, 99.95, 102.5]], {}, 'bullish'))).toBe(true);
    expect(firesLast(signal('candle.marubozu', [[102.5, 102.55, 99.95, 100]], {}, 'bearish'))).toBe(true);
  });

  it('morning star penetration is a parameter', () => {
    const p: TBar[] = [[102, 102.1, 99.9, 100], [99.5, 99.6, 99.2, 99.3], [99.6, 101.6, 99.5, 101.5]];
    expect(signal('candle.morning-star', p, { penetration: 0.8 }).at(-1)).toBe(0);
  });

  it('nothing fires before the lookback, even on a perfect shape', () => {
    const out = run('candle.doji', {}, { open: [100, 100], high: [101, 101], low: [99, 99], close: [100, 100] });
    expect(out.value).toEqual([0, 0]);
  });
});
