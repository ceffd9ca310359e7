import { promptDefaults } from '@/server/ai/prompts';

/** The AI node's template editor: built-in templates (stock, crypto), the fixed system text and the placeholders. */
export function getPromptDefaults(input: { language: 'zh-CN' | 'en-US' }) {
  return promptDefaults(input.language);
}
