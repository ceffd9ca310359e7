// Display helpers for the trader pages. Bar times are exchange-local wall-clock ms "as if UTC".
import type { TLocale } from '@/components/i18n/locales';

const ZONES: Record<string, string> = { 'cn-a': 'Asia/Shanghai', hk: 'Asia/Hong_Kong', us: 'America/New_York', crypto: 'UTC' };

export const zoneOf = (market: string) => ZONES[market] ?? 'UTC';

export function barTimeText(ms: number | null, timeframe: string): string {
  if (ms === null || !Number.isFinite(ms)) return '—';
  const iso = new Date(ms).toISOString();
  return timeframe === '1d' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/** Large amounts the way traders read them: 万/亿 in Chinese, K/M/B in English. */
export function money(value: number | null, locale: TLocale, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (locale === 'zh-CN') {
    if (abs >= 1e8) return `${sign}${(abs / 1e8).toFixed(2)}亿`;
    if (abs >= 1e4) return `${sign}${(abs / 1e4).toFixed(2)}万`;
  } else {
    if (abs >= 1e9) return `${sign}${(abs / 1e9).toFixed(2)}B`;
    if (abs >= 1e6) return `${sign}${(abs / 1e6).toFixed(2)}M`;
    if (abs >= 1e4) return `${sign}${(abs / 1e3).toFixed(1)}K`;
  }
  return `${sign}${abs.toFixed(digits)}`;
}

export function signedPct(value: number | null): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value).toFixed(2)}%`;
}

export function num(value: number | null, digits = 2): string {
  if (value === null || !Number.isFinite(value)) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(digits);
}

export const moveColor = (value: number | null) => (value === null || value === 0 ? undefined : value > 0 ? 'var(--up)' : 'var(--down)');
