/** Drawdown (≤ 0, a fraction of the running peak) of an equity curve. */
export function drawdownSeries(equity: ArrayLike<number>): number[] {
  const out = new Array<number>(equity.length);
  let peak = -Infinity;
  for (let i = 0; i < equity.length; i++) {
    const e = equity[i];
    if (e > peak) peak = e;
    out[i] = peak > 0 ? e / peak - 1 : 0;
  }
  return out;
}
