'use client';
import { usePreferences } from '@/components/preferences/PreferencesProvider';
import type { TLang } from './lib/flow-types';

/** 'zh' or 'en': which half of the registry's { en, zh } texts to show. */
export function useLang(): TLang {
  return usePreferences().locale === 'zh-CN' ? 'zh' : 'en';
}
