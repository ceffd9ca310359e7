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
    // editor.enumValues and editor.paramNames are lookup tables, not message sets: English shows names humanised
    // (ParamField falls back to them), Chinese lists its translations; only its type must agree.
    const LOOKUP_TABLES = new Set(['editor.enumValues', 'editor.paramNames']);
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        LOOKUP_TABLES.has(`${prefix}${k}`) ? [`${prefix}${k}`] : v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(zhCN).sort()).toEqual(keys(enUS).sort());
    expect(zhCN.nav.strategies).toBe('策略');
    expect(zhCN.errors.name_required).toMatch(/[\u4e00-\u9fff]/);
    for (const [value, text] of [...Object.entries(zhCN.editor.enumValues), ...Object.entries(zhCN.editor.paramNames)]) expect(text, value).toMatch(/[\u4e00-\u9fff]|^[A-Z]/);
  });
});
