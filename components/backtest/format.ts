// Numbers the way traders read them: signed percentages, 万/亿 (zh-CN) or K/M/B (en-US) for large
// amounts, prices to the instrument's tick, exchange-local times. Pure: unit-tested on its own.
import type { TLocale } from '@/components/i18n/locales';

const MINUS = '−';
const DAY_MS = 86_400_000;

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function fixed(value: number, digits: number, locale: TLocale): string {
  return value.toLocaleString(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** +12.34% / −5.67% / 0.00%; "—" when not available. */
export function formatSignedPercent(fraction: number | null | undefined, locale: TLocale, digits = 2): string {
  if (!finite(fraction)) return '—';
  const pct = fraction * 100;
  const text = fixed(Math.abs(pct), digits, locale);
  if (Number(text.replace(/[^\d.]/g, '')) === 0) return `${fixed(0, digits, locale)}%`;
  return `${pct > 0 ? '+' : MINUS}${text}%`;
}

/** An unsigned percentage (win rate, exposure). */
export function formatPercent(fraction: number | null | undefined, locale: TLocale, digits = 2): string {
  if (!finite(fraction)) return '—';
  return `${fixed(fraction * 100, digits, locale)}%`;
}

/** 1.58亿 / 157.83万 (zh-CN) or 1.58B / 157.83K (en-US); below 10,000 (zh) / 1,000 (en) in full with 2 decimals. */
export function formatAmount(value: number | null | undefined, locale: TLocale, options: { signed?: boolean; digits?: number } = {}): string {
  if (!finite(value)) return '—';
  const digits = options.digits ?? 2;
  const abs = Math.abs(value);
  const sign = value < 0 ? MINUS : options.signed && value > 0 ? '+' : '';
  const units: Array<[number, string]> = locale === 'zh-CN' ? [[1e12, '万亿'], [1e8, '亿'], [1e4, '万']] : [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [size, unit] of units) {
    if (abs >= size) return `${sign}${fixed(abs / size, digits, locale)}${unit}`;
  }
  return `${sign}${fixed(abs, digits, locale)}`;
}

/** Decimals a tick implies: 0.01 → 2, 0.001 → 3, 0.5 → 1, 1 → 0. */
export function tickDecimals(tick: number | null | undefined): number {
  if (!finite(tick) || tick <= 0) return 2;
  for (let d = 0; d <= 10; d++) if (Math.abs(Math.round(tick * 10 ** d) - tick * 10 ** d) < 1e-9) return d;
  return 10;
}

/** A price to the tick (no thousands grouping below 10,000, like quote screens). */
export function formatPrice(value: number | null | undefined, tick: number | null | undefined, locale: TLocale): string {
  if (!finite(value)) return '—';
  const d = tickDecimals(tick);
  return Math.abs(value) >= 10_000 ? fixed(value, d, locale) : value.toFixed(d).replace('-', MINUS);
}

/** A ratio such as Sharpe: two decimals with a true minus sign. */
export function formatRatio(value: number | null | undefined, locale: TLocale, digits = 2): string {
  if (!finite(value)) return '—';
  return `${value < 0 ? MINUS : ''}${fixed(Math.abs(value), digits, locale)}`;
}

export function formatQty(value: number, locale: TLocale): string {
  if (!finite(value)) return '—';
  return value.toLocaleString(locale, { maximumFractionDigits: 8 });
}

/**
 * Engine times are the exchange's wall-clock time encoded as if UTC, so formatting reads the UTC
 * fields; the zone is named next to the column, never converted to the browser's zone.
 */
export function formatExchangeTime(ms: number, withTime: boolean): string {
  if (!finite(ms)) return '—';
  const iso = new Date(ms).toISOString();
  return withTime ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10);
}

/** True when any of the times is not at midnight (intraday bars). */
export function hasIntraday(times: ArrayLike<number>): boolean {
  for (let i = 0; i < times.length; i++) if (times[i] % DAY_MS !== 0) return true;
  return false;
}

/** Counts with grouping (bars processed, trades). */
export function formatCount(value: number, locale: TLocale): string {
  return finite(value) ? Math.round(value).toLocaleString(locale) : '—';
}

/** A CSS class for a value's direction, coloured by the user's market convention (--up / --down). */
export function directionClass(value: number | null | undefined): string {
  if (!finite(value) || value === 0) return '';
  return value > 0 ? 'price-up' : 'price-down';
}
