import type { TAiLanguage } from '@/nodes/sdk';
import type { TPromptTexts } from './prompt-texts';
import { PROMPT_TEXTS_EN } from './prompt-texts-en';
import { PROMPT_TEXTS_ZH } from './prompt-texts-zh';

export function promptTexts(language: TAiLanguage): TPromptTexts {
  return language === 'zh-CN' ? PROMPT_TEXTS_ZH : PROMPT_TEXTS_EN;
}

export { TEMPLATE_VARIABLES, type TPromptTexts } from './prompt-texts';
