/**
 * Keeps an equity curve readable and small for storage: at most `maxPoints` points, chosen as the
 * lowest and highest point of each time bucket (so drawdowns and peaks survive), with the first and
 * last points always kept exactly (the final equity must equal the metrics' final value).
 */
export function downsampleEquity(times: ArrayLike<number>, equity: ArrayLike<number>, maxPoints = 5_000, extra?: ArrayLike<number>): { times: number[]; equity: number[]; extra: number[] | null } {
  const n = times.length;
  if (n <= maxPoints) {
    return { times: Array.from(times), equity: Array.from(equity), extra: extra ? Array.from(extra) : null };
  }
  const keep: number[] = [0];
  const buckets = Math.max(1, Math.floor((maxPoints - 2) / 2));
  const inner = n - 2;
  for (let b = 0; b < buckets; b++) {
    const from = 1 + Math.floor((b * inner) / buckets);
    const to = 1 + Math.floor(((b + 1) * inner) / buckets);
    if (from >= to) continue;
    let lo = from;
    let hi = from;
    for (let i = from + 1; i < to; i++) {
      if (equity[i] < equity[lo]) lo = i;
      if (equity[i] > equity[hi]) hi = i;
    }
    if (lo === hi) keep.push(lo);
    else keep.push(Math.min(lo, hi), Math.max(lo, hi));
  }
  keep.push(n - 1);
  return {
    times: keep.map((i) => times[i]),
    equity: keep.map((i) => equity[i]),
    extra: extra ? keep.map((i) => extra[i]) : null,
  };
}

/** The benchmark's last close at or before each time, scaled so its first value equals `base`; null before it starts. */
export function scaledBenchmark(times: ArrayLike<number>, benchTimes: ArrayLike<number>, benchClose: ArrayLike<number>, base: number): Array<number | null> {
  const out: Array<number | null> = new Array(times.length).fill(null);
  let j = -1;
  let first = NaN;
  for (let i = 0; i < times.length; i++) {
    while (j + 1 < benchTimes.length && benchTimes[j + 1] <= times[i]) j++;
    if (j < 0) continue;
    if (Number.isNaN(first)) first = benchClose[j];
    out[i] = (benchClose[j] / first) * base;
  }
  return out;
}
