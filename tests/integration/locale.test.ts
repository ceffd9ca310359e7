import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage, resolveLocale } from '@/components/i18n/locales';
import { enUS } from '@/messages/en-US';
import { zhCN } from '@/messages/zh-CN';

describe('locale choice', () => {
  it('prefers the cookie, then Accept-Language by weight, then English', () => {
    expect(resolveLocale('zh-CN', 'en-US')).toBe('zh-CN');
    expect(resolveLocale('fr-FR', 'zh-TW,zh;q=0.9')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('en;q=0.5, zh-CN;q=0.8')).toBe('zh-CN');
    expect(localeFromAcceptLanguage('de-DE, en;q=0.3')).toBe('en-US');
    expect(localeFromAcceptLanguage('de-DE')).toBe('en-US');
    expect(localeFromAcceptLanguage(null)).toBe('en-US');
  });

  it('both languages have every message, and Chinese text is Chinese', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(zhCN).sort()).toEqual(keys(enUS).sort());
    expect(zhCN.nav.strategies).toBe('策略');
    expect(zhCN.errors.name_required).toMatch(/[\u4e00-\u9fff]/);
  });
});
