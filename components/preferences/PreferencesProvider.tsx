'use client';
// Language, theme and market colours for client components; each change writes its cookie and
// updates <html> at once, then refreshes server components so they re-render in the new language.
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { getMessages, LOCALE_COOKIE, type TLocale } from '@/components/i18n/locales';
import type { TMessages } from '@/messages/en-US';
import { MARKET_COLORS_COOKIE, THEME_COOKIE, writeCookie, type TMarketColors, type TTheme } from './preferences';
import type { TPreferences } from './read-preferences';

type TPreferencesContext = TPreferences & {
  t: TMessages;
  setLocale: (locale: TLocale) => void;
  setTheme: (theme: TTheme) => void;
  setMarketColors: (colors: TMarketColors) => void;
};

const Ctx = createContext<TPreferencesContext | null>(null);

export function PreferencesProvider({ initial, children }: { initial: TPreferences; children: ReactNode }) {
  const router = useRouter();
  const [prefs, setPrefs] = useState(initial);

  const setLocale = useCallback(
    (locale: TLocale) => {
      writeCookie(LOCALE_COOKIE, locale);
      document.documentElement.lang = locale;
      setPrefs((p) => ({ ...p, locale }));
      router.refresh();
    },
    [router],
  );
  const setTheme = useCallback((theme: TTheme) => {
    writeCookie(THEME_COOKIE, theme);
    document.documentElement.dataset.theme = theme;
    setPrefs((p) => ({ ...p, theme }));
  }, []);
  const setMarketColors = useCallback((marketColors: TMarketColors) => {
    writeCookie(MARKET_COLORS_COOKIE, marketColors);
    document.documentElement.dataset.marketColors = marketColors;
    setPrefs((p) => ({ ...p, marketColors }));
  }, []);

  const value = useMemo(
    () => ({ ...prefs, t: getMessages(prefs.locale), setLocale, setTheme, setMarketColors }),
    [prefs, setLocale, setTheme, setMarketColors],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function usePreferences(): TPreferencesContext {
  const ctx = useContext(Ctx);
  if (!ctx) throw new Error('usePreferences must be used inside <PreferencesProvider>');
  return ctx;
}

/** The current language's messages. */
export function useT(): TMessages {
  return usePreferences().t;
}
