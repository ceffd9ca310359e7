import { allocBarColumns, type TBarColumns } from '@/server/data/bar-columns';

/** mulberry32: a tiny seeded PRNG, so every run benchmarks the same bars. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Daily bars (weekdays only), prices rounded to cents: the log price is a random walk of about
 * ±0.75% a day pulled gently back toward 100 (half-life ~1,400 bars), so prices stay in a
 * realistic range over a million bars and a trend strategy keeps trading throughout.
 */
export function syntheticBars(count: number, seed = 42): TBarColumns {
  const rand = prng(seed);
  const bars = allocBarColumns(count);
  let price = 100;
  let day = Date.UTC(1980, 0, 1);
  for (let i = 0; i < count; i++) {
    while (new Date(day).getUTCDay() % 6 === 0) day += 86_400_000;
    const open = Math.round(price * (1 + (rand() - 0.5) * 0.01) * 100) / 100;
    price = Math.exp(Math.log(price) + (rand() - 0.5) * 0.015 + 0.0005 * (Math.log(100) - Math.log(price)));
    const close = Math.round(price * 100) / 100;
    const high = Math.round(Math.max(open, close) * (1 + rand() * 0.01) * 100) / 100;
    const low = Math.round(Math.min(open, close) * (1 - rand() * 0.01) * 100) / 100;
    bars.time[i] = day;
    bars.open[i] = open;
    bars.high[i] = high;
    bars.low[i] = low;
    bars.close[i] = close;
    bars.volume[i] = Math.floor(1e5 + rand() * 1e6);
    bars.amount[i] = NaN;
    day += 86_400_000;
  }
  return bars;
}

export function barsToCsv(bars: TBarColumns): string {
  const lines = ['date,open,high,low,close,volume'];
  for (let i = 0; i < bars.length; i++) {
    lines.push(`${new Date(bars.time[i]).toISOString().slice(0, 10)},${bars.open[i]},${bars.high[i]},${bars.low[i]},${bars.close[i]},${bars.volume[i]}`);
  }
  return lines.join('\n') + '\n';
}
