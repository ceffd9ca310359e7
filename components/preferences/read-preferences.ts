// Server-only: reads the preference cookies of the current request.
import { cookies, headers } from 'next/headers';
import { LOCALE_COOKIE, resolveLocale, type TLocale } from '@/components/i18n/locales';
import { MARKET_COLORS_COOKIE, parseMarketColors, parseTheme, THEME_COOKIE, type TMarketColors, type TTheme } from './preferences';

export type TPreferences = { locale: TLocale; theme: TTheme; marketColors: TMarketColors };

export async function readPreferences(): Promise<TPreferences> {
  const jar = await cookies();
  const locale = resolveLocale(jar.get(LOCALE_COOKIE)?.value, (await headers()).get('accept-language'));
  return {
    locale,
    theme: parseTheme(jar.get(THEME_COOKIE)?.value),
    marketColors: parseMarketColors(jar.get(MARKET_COLORS_COOKIE)?.value, locale),
  };
}
