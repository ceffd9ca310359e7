import fs from 'node:fs';
import path from 'node:path';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import type { TBarColumns } from '@/server/data/bar-columns';
import { getNodeDefinition } from '@/nodes/registry';
import { runSeriesNode } from '@/nodes/indicators/run-series';

export const FIXTURES = path.resolve(import.meta.dirname, '../../fixtures/talib');
export const SYMBOLS = ['601318.SH_daily', '09988.HK_daily', 'BTCUSDT_daily'] as const;

export function loadBars(symbol: string): TBarColumns {
  const parsed = parseBarsCsv(fs.readFileSync(path.join(FIXTURES, `${symbol}.csv`), 'utf8'));
  if (!parsed.ok) throw new Error(`bad fixture ${symbol}`);
  return parsed.bars;
}

/** TA-Lib reference columns; NaN where TA-Lib gives no value. */
export function loadTalib(symbol: string): Record<string, Float64Array> {
  const lines = fs.readFileSync(path.join(FIXTURES, `${symbol}.talib.csv`), 'utf8').trim().split('\n');
  const header = lines[0].split(',');
  const cols: Record<string, Float64Array> = {};
  for (const h of header) cols[h] = new Float64Array(lines.length - 1);
  for (let r = 1; r < lines.length; r++) {
    const cells = lines[r].split(',');
    header.forEach((h, c) => {
      if (h !== 'date') cols[h][r - 1] = cells[c] === '' ? NaN : Number(cells[c]);
    });
  }
  return cols;
}

/** Runs a registered node on plain arrays (numbers or booleans per input). */
export function run(type: string, params: Record<string, unknown>, inputs: Record<string, ArrayLike<number> | ArrayLike<boolean>>): Record<string, number[]> {
  const def = getNodeDefinition(type);
  if (!def) throw new Error(`no node ${type}`);
  const length = Object.values(inputs)[0]?.length ?? 0;
  const out = runSeriesNode(def, params, inputs, length);
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Array.from(v)]));
}

/** Wires bar columns to a node's inputs by name (source/x → close). */
export function barInputs(type: string, bars: TBarColumns): Record<string, Float64Array> {
  const def = getNodeDefinition(type)!;
  const map: Record<string, Float64Array> = {};
  for (const name of Object.keys(def.inputs)) {
    map[name] = name in bars && name !== 'length' ? (bars[name as keyof TBarColumns] as Float64Array) : bars.close;
  }
  return map;
}

export function firstValue(values: ArrayLike<number>): number {
  for (let i = 0; i < values.length; i++) if (values[i] === values[i]) return i;
  return -1;
}

/** TA-Lib's tolerance: 1e-9 absolute, relative above 1e4. */
export function maxError(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    if (e !== e) continue;
    const a = actual[i];
    if (a !== a) return Infinity;
    const d = Math.abs(e - a) / (Math.abs(e) > 1e4 ? Math.abs(e) : 1);
    if (d > worst) worst = d;
  }
  return worst;
}

export function expectClose(actual: number[], expected: number[], tol = 1e-9): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (e !== e) {
      if (a === a) throw new Error(`index ${i}: expected no value, got ${a}`);
      continue;
    }
    if (!(Math.abs(e - a) <= tol * Math.max(1, Math.abs(e)))) throw new Error(`index ${i}: expected ${e}, got ${a}`);
  }
}
