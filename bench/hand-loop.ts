import type { TBarColumns } from '@/server/data/bar-columns';

/**
 * The sma-crossover rules written as one plain loop: the yardstick for the graph kernel.
 * Same rules as the template: SMA(fast), SMA(slow) of close; on a cross above (last non-zero
 * difference) buy floor(95% of equity ÷ close) at the next open; on a cross below sell all at
 * the next open; commission as a fraction of value; a buy that costs more than the cash is
 * rejected. Returns the final equity and the fills so the bench can check both agree.
 */
export function handLoopSmaCross(bars: TBarColumns, fast: number, slow: number, cash: number, commission: number) {
  const { open, close } = bars;
  const n = bars.length;
  const fills: Array<{ index: number; side: 'buy' | 'sell'; qty: number; price: number }> = [];
  const equity = new Float64Array(n);
  let fastSum = 0;
  let slowSum = 0;
  let lastDiff = 0;
  let qty = 0;
  let pending = 0; // +qty buy, -qty sell, at the next open
  for (let i = 0; i < n; i++) {
    if (pending !== 0) {
      const price = open[i];
      if (pending > 0) {
        const cost = pending * price;
        const fee = cost * commission;
        if (cost + fee <= cash + 1e-9) {
          cash -= cost + fee;
          qty += pending;
          fills.push({ index: i, side: 'buy', qty: pending, price });
        }
      } else {
        const value = -pending * price;
        cash += value - value * commission;
        qty += pending;
        fills.push({ index: i, side: 'sell', qty: -pending, price });
      }
      pending = 0;
    }
    const c = close[i];
    // subtract-then-add, in the same order as the SMA node, so both round identically
    if (i >= fast) fastSum -= close[i - fast];
    if (i >= slow) slowSum -= close[i - slow];
    fastSum += c;
    slowSum += c;
    const value = cash + qty * c;
    if (i >= slow - 1) {
      const diff = fastSum / fast - slowSum / slow;
      if (lastDiff < 0 && diff > 0) {
        const target = Math.floor((0.95 * value - qty * c) / c + 1e-9);
        if (target > 0) pending = target;
      } else if (lastDiff > 0 && diff < 0 && qty > 0) pending = -qty;
      if (diff !== 0) lastDiff = diff;
    }
    equity[i] = value;
  }
  return { finalEquity: cash + qty * close[n - 1], fills, equity };
}
