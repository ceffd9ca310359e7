import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOLDEN_CASES } from './golden-cases';
import { runGoldenCase } from './run-golden-case';

const here = path.join(process.cwd(), 'tests/golden');

/** Deep comparison where numbers must agree to 1e-9 relative (bit-exactness is not promised across V8 versions). */
function expectClose(actual: unknown, expected: unknown, where = ''): void {
  if (typeof expected === 'number' && typeof actual === 'number') {
    const scale = Math.max(1, Math.abs(expected));
    expect(Math.abs(actual - expected) / scale, `${where}: ${actual} vs ${expected}`).toBeLessThanOrEqual(1e-9);
  } else if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length, `${where}: length`).toBe(expected.length);
    expected.forEach((e, i) => expectClose((actual as unknown[])[i], e, `${where}[${i}]`));
  } else if (expected && typeof expected === 'object') {
    for (const [k, v] of Object.entries(expected)) expectClose((actual as Record<string, unknown>)[k], v, `${where}.${k}`);
  } else expect(actual, where).toEqual(expected);
}

describe('golden backtests on bundled real data', () => {
  it.each(GOLDEN_CASES.map((c) => [c.name, c] as const))('%s matches its pinned result', async (_name, c) => {
    const pinned = JSON.parse(fs.readFileSync(path.join(here, 'backtests', `${c.name}.json`), 'utf8'));
    expectClose(await runGoldenCase(c), pinned, c.name);
  });
});

describe('parity with backtrader 1.9.78 (classic SMA 10/30 crossover)', () => {
  for (const symbol of ['YHOO.US', 'NVDA.US']) {
    it(`${symbol}: final value, every closed trade, drawdown and Sharpe agree`, async () => {
      const ref = JSON.parse(fs.readFileSync(path.join(here, 'backtrader', `${symbol}_daily.sma10_30.json`), 'utf8'));
      const ours = await runGoldenCase(GOLDEN_CASES.find((c) => c.symbol === symbol)!);
      expect(Math.abs(ours.metrics.finalEquity - ref.final_value) / ref.final_value).toBeLessThan(1e-9);
      expect(ours.metrics.trades).toBe(ref.trades_closed);
      ref.closed_trades.forEach((t: { open: string; close: string; entry: number; pnlcomm: number }, k: number) => {
        expect(ours.trades[k].entryTime).toBe(t.open);
        expect(ours.trades[k].exitTime).toBe(t.close);
        expect(ours.trades[k].entryPrice).toBeCloseTo(t.entry, 9);
        expect(Math.abs(ours.trades[k].pnl - t.pnlcomm)).toBeLessThan(1e-6 * Math.max(1, Math.abs(t.pnlcomm)));
      });
      expect(ours.metrics.maxDrawdown * 100).toBeCloseTo(ref.max_drawdown_pct, 9);
      expect(ours.metrics.maxDrawdownBars).toBe(ref.max_drawdown_len);
      expect(ours.metrics.sharpe).toBeCloseTo(ref.sharpe_daily_annualized, 9);
    });
  }
});
