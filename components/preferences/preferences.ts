// Browser-side preferences kept in cookies, so the server renders the right theme, colours and
// language on the first byte (no flash of the wrong theme, no client-only language switch).
import type { TLocale } from '@/components/i18n/locales';

export type TTheme = 'light' | 'dark' | 'system';
export type TMarketColors = 'cn' | 'intl';

export const THEME_COOKIE = 'nofx-theme';
export const MARKET_COLORS_COOKIE = 'nofx-market-colors';

export function parseTheme(v: string | undefined): TTheme {
  return v === 'light' || v === 'dark' ? v : 'system';
}

/** Chinese users read red as up; everyone else green. An explicit choice wins. */
export function parseMarketColors(v: string | undefined, locale: TLocale): TMarketColors {
  if (v === 'cn' || v === 'intl') return v;
  return locale === 'zh-CN' ? 'cn' : 'intl';
}

export function writeCookie(name: string, value: string) {
  document.cookie = `${name}=${encodeURIComponent(value)}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
}
