// Collects bars row by row into columns (providers answer in rows), then trims and sorts.
import { allocBarColumns, type TBarColumns } from '../bar-columns';

export class BarBuilder {
  private rows: number[][] = [];

  push(time: number, open: number, high: number, low: number, close: number, volume: number, amount: number): void {
    this.rows.push([time, open, high, low, close, volume, amount]);
  }

  get length(): number {
    return this.rows.length;
  }

  /** ascending by time, later duplicates win (pages can overlap at their edges) */
  build(): TBarColumns {
    const byTime = new Map<number, number[]>();
    for (const r of this.rows) byTime.set(r[0], r);
    const rows = [...byTime.values()].sort((a, b) => a[0] - b[0]);
    const bars = allocBarColumns(rows.length);
    rows.forEach((r, i) => {
      bars.time[i] = r[0];
      bars.open[i] = r[1];
      bars.high[i] = r[2];
      bars.low[i] = r[3];
      bars.close[i] = r[4];
      bars.volume[i] = r[5];
      bars.amount[i] = r[6];
    });
    return bars;
  }
}

export function concatBars(pages: TBarColumns[]): TBarColumns {
  const b = new BarBuilder();
  for (const p of pages) for (let i = 0; i < p.length; i++) b.push(p.time[i], p.open[i], p.high[i], p.low[i], p.close[i], p.volume[i], p.amount[i]);
  return b.build();
}

/** Date windows [from, to] covering a range, for providers that answer a whole range at once. */
export function dateWindows(from: number, to: number, windowMs: number): [number, number][] {
  const out: [number, number][] = [];
  for (let start = from; start <= to; start += windowMs) out.push([start, Math.min(to, start + windowMs - 1)]);
  return out;
}

const pad = (n: number) => String(n).padStart(2, '0');
/** local ms → YYYYMMDD */
export function compactDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`;
}
/** YYYYMMDD or YYYY-MM-DD[ HH:MM[:SS]] → local ms; NaN when malformed */
export function parseLocalTime(text: string): number {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return NaN;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  return new Date(ms).getUTCDate() === +m[3] ? ms : NaN;
}
