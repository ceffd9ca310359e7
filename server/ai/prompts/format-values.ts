/**
 * Number and time formatting for prompts. Stable output matters more than looks: the prompt
 * text is the cache key, so the same bars must always print the same way.
 */

/** Six significant digits, no exponent for ordinary prices, "n/a" for missing values. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return 'n/a';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e6) return String(Math.round(x));
  const digits = Math.max(0, 5 - Math.floor(Math.log10(abs)));
  return String(Number(x.toFixed(Math.min(digits, 8))));
}

export function formatMoney(x: number): string {
  return Number.isFinite(x) ? x.toFixed(2) : 'n/a';
}

export function formatPercent(fraction: number): string {
  if (!Number.isFinite(fraction)) return 'n/a';
  const pct = (fraction * 100).toFixed(2);
  return fraction > 0 ? `+${pct}%` : `${pct}%`;
}

/** Bar times are exchange-local wall-clock encoded as UTC: print the UTC fields, minutes only for intraday bars. */
export function formatBarTime(time: number, intraday: boolean): string {
  const iso = new Date(time).toISOString();
  return intraday ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

export function isIntraday(times: readonly number[]): boolean {
  return times.some((t) => t % 86_400_000 !== 0);
}
