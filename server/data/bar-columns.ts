/**
 * Bars of one symbol as columns: what the engine reads. Typed arrays keep a 1M-bar series
 * at ~56 MB and let indicator loops run without boxing.
 */
export interface TBarColumns {
  /** epoch milliseconds, UTC; for daily bars midnight UTC of the trading date */
  time: Float64Array;
  open: Float64Array;
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
  /** traded value; NaN where the source has none */
  amount: Float64Array;
  length: number;
}

export function allocBarColumns(length: number): TBarColumns {
  return {
    time: new Float64Array(length),
    open: new Float64Array(length),
    high: new Float64Array(length),
    low: new Float64Array(length),
    close: new Float64Array(length),
    volume: new Float64Array(length),
    amount: new Float64Array(length),
    length,
  };
}

/** A view of bars [from, to) without copying. */
export function sliceBarColumns(bars: TBarColumns, from: number, to: number): TBarColumns {
  return {
    time: bars.time.subarray(from, to),
    open: bars.open.subarray(from, to),
    high: bars.high.subarray(from, to),
    low: bars.low.subarray(from, to),
    close: bars.close.subarray(from, to),
    volume: bars.volume.subarray(from, to),
    amount: bars.amount.subarray(from, to),
    length: to - from,
  };
}

/** Bars whose time lies in [fromMs, toMs] (both inclusive), as a view. */
export function rangeBarColumns(bars: TBarColumns, fromMs: number, toMs: number): TBarColumns {
  let from = 0;
  while (from < bars.length && bars.time[from] < fromMs) from++;
  let to = from;
  while (to < bars.length && bars.time[to] <= toMs) to++;
  return sliceBarColumns(bars, from, to);
}

export function formatBarTime(ms: number, intraday: boolean): string {
  const iso = new Date(ms).toISOString();
  return intraday ? `${iso.slice(0, 10)} ${iso.slice(11, 19)}` : iso.slice(0, 10);
}
