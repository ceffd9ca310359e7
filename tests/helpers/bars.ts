import fs from 'node:fs';
import path from 'node:path';
import { allocBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';

/** Daily bars from [open, high, low, close] rows, one per weekday from `start`. */
export function makeBars(rows: Array<[number, number, number, number]>, start = Date.UTC(2024, 0, 1), stepMs = 86_400_000): TBarColumns {
  const bars = allocBarColumns(rows.length);
  rows.forEach(([o, h, l, c], i) => {
    bars.time[i] = start + i * stepMs;
    bars.open[i] = o;
    bars.high[i] = h;
    bars.low[i] = l;
    bars.close[i] = c;
    bars.volume[i] = 1000;
    bars.amount[i] = NaN;
  });
  return bars;
}

/** Flat-ish bars at `price` (open = close = price, ±1% range). */
export function flatBars(count: number, price = 100, start?: number): TBarColumns {
  return makeBars(Array.from({ length: count }, () => [price, price * 1.01, price * 0.99, price] as [number, number, number, number]), start);
}

/** A bundled market data file (data/market is part of the project). */
export function loadMarketBars(file: string): TBarColumns {
  const parsed = parseBarsCsv(fs.readFileSync(path.join(process.cwd(), 'data/market', file)));
  if (!parsed.ok) throw new Error(`bundled file ${file} does not parse`);
  return parsed.bars;
}
