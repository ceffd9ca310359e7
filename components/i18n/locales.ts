// Locale codes and how the first one is chosen: the cookie the language switch sets, else the
// browser's Accept-Language, else English.
import { enUS, type TMessages } from '@/messages/en-US';
import { zhCN } from '@/messages/zh-CN';

export const LOCALES = ['en-US', 'zh-CN'] as const;
export type TLocale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: TLocale = 'en-US';
export const LOCALE_COOKIE = 'nofx-locale';

const MESSAGES: Record<TLocale, TMessages> = { 'en-US': enUS, 'zh-CN': zhCN };

export function isLocale(value: unknown): value is TLocale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

export function getMessages(locale: TLocale): TMessages {
  return MESSAGES[locale];
}

/** Picks a supported locale from an Accept-Language header, honouring q-weights. */
export function localeFromAcceptLanguage(header: string | null | undefined): TLocale {
  if (!header) return DEFAULT_LOCALE;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((x) => x.tag && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith('zh')) return 'zh-CN';
    if (tag.startsWith('en')) return 'en-US';
  }
  return DEFAULT_LOCALE;
}

export function resolveLocale(cookieValue: string | undefined, acceptLanguage: string | null): TLocale {
  return isLocale(cookieValue) ? cookieValue : localeFromAcceptLanguage(acceptLanguage);
}
