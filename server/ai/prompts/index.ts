import type { TAiLanguage } from '@/nodes/sdk';
import type { TPromptTexts } from './prompt-texts';
import { PROMPT_TEXTS_EN } from './prompt-texts-en';
import { PROMPT_TEXTS_ZH } from './prompt-texts-zh';
import { TEMPLATE_VARIABLES } from './prompt-texts';

export function promptTexts(language: TAiLanguage): TPromptTexts {
  return language === 'zh-CN' ? PROMPT_TEXTS_ZH : PROMPT_TEXTS_EN;
}

export { TEMPLATE_VARIABLES, type TPromptTexts } from './prompt-texts';

/** What the node's template editor shows: the built-in templates, the placeholders, the fixed system text. */
export function promptDefaults(language: TAiLanguage) {
  const texts = promptTexts(language);
  return {
    templates: texts.decisionTemplate,
    system: { stock: texts.decisionSystem('stock'), crypto: texts.decisionSystem('crypto') },
    variables: [...TEMPLATE_VARIABLES],
  };
}
