// Node inspection through the kernel on real bundled bars: an SMA equals a plain loop over the
// closes (across the kernel's 2,048-bar column blocks), a crossing signal is 0/1 and fires where
// the averages cross, overrides apply, and trading-phase nodes are refused rather than guessed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import { inspectNode } from '@/server/engine/inspect-node';
import { getTemplate } from '@/templates';

const parsed = parseBarsCsv(readFileSync(path.join(process.cwd(), 'data/market/SPY.US_daily.csv')));
if (!parsed.ok) throw new Error('bundled SPY file must parse');
const bars = parsed.bars;
const spy = { symbol: 'SPY.US', market: 'us' as const, bars };
const graph = getTemplate('sma-crossover')!.graph;

function plainSma(closes: Float64Array, n: number): Float64Array {
  const out = new Float64Array(closes.length).fill(NaN);
  let sum = 0;
  for (let i = 0; i < closes.length; i++) {
    sum += closes[i];
    if (i >= n) sum -= closes[i - n];
    if (i >= n - 1) out[i] = sum / n;
  }
  return out;
}

describe('inspectNode', () => {
  it('an SMA node equals a plain loop over the closes on every bar after warm-up', async () => {
    expect(bars.length).toBeGreaterThan(2048);
    const r = await inspectNode({ graph, nodeId: 'slow', symbol: spy });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warmup).toBe(29);
    expect(r.outputs.map((o) => [o.name, o.type])).toEqual([['value', 'number']]);
    const want = plainSma(bars.close, 30);
    const got = r.outputs[0].values;
    for (let i = 29; i < bars.length; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-9 * Math.max(1, want[i]));
  });

  it('applies param overrides, and a signal is 0/1 where the averages cross', async () => {
    const fast = await inspectNode({ graph, overrides: { fast: { period: 5 } }, nodeId: 'fast', symbol: spy });
    const want = plainSma(bars.close, 5);
    expect(fast.ok && Math.abs(fast.outputs[0].values[100] - want[100])).toBeLessThan(1e-9);

    const cross = await inspectNode({ graph, nodeId: 'crossUp', symbol: spy });
    expect(cross.ok).toBe(true);
    if (!cross.ok) return;
    const signal = cross.outputs[0].values;
    const f = plainSma(bars.close, 10);
    const s = plainSma(bars.close, 30);
    let fired = 0;
    for (let i = 31; i < bars.length; i++) {
      expect(signal[i] === 0 || signal[i] === 1).toBe(true);
      const crossed = f[i - 1] <= s[i - 1] && f[i] > s[i];
      expect(signal[i], `bar ${i}`).toBe(crossed ? 1 : 0);
      fired += signal[i];
    }
    expect(fired).toBeGreaterThan(10);
  });

  it('refuses trading-phase nodes (their value depends on fills) and names unknown nodes', async () => {
    const order = await inspectNode({ graph, nodeId: 'enter', symbol: spy });
    expect(order).toEqual({ ok: false, reason: 'trading_phase' });
    const missing = await inspectNode({ graph, nodeId: 'ghost', symbol: spy });
    expect(missing.ok === false && missing.reason === 'compile' && missing.errors[0].message).toMatch(/no node "ghost"/);
  });
});
