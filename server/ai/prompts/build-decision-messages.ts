import type { TAiLanguage, TAiSnapshot } from '@/nodes/sdk';
import type { TChatMessage } from '../client/chat-types';
import type { TMarketLookup } from './describe-market-rules';
import { promptTexts } from './index';
import { renderTemplate } from './render-template';
import { snapshotVariables } from './snapshot-variables';

export interface TBuiltPrompt {
  messages: TChatMessage[];
  /** placeholders in a user template that we do not know (left in the text as written) */
  unknownPlaceholders: string[];
  assetClass: 'stock' | 'crypto';
}

/** The snapshot as the user message: the node's template, or the built-in one for the language and asset class. */
export function renderSnapshot(snapshot: TAiSnapshot, language: TAiLanguage, template: string, lookup: TMarketLookup) {
  const texts = promptTexts(language);
  const { variables, facts } = snapshotVariables(snapshot, language, texts, lookup);
  const chosen = template.trim() !== '' ? template : texts.decisionTemplate[facts.assetClass];
  const rendered = renderTemplate(chosen, variables);
  return { text: rendered.text, unknownPlaceholders: rendered.unknown, assetClass: facts.assetClass, texts };
}

export function buildDecisionMessages(snapshot: TAiSnapshot, language: TAiLanguage, template: string, lookup: TMarketLookup): TBuiltPrompt {
  const user = renderSnapshot(snapshot, language, template, lookup);
  return {
    messages: [
      { role: 'system', content: user.texts.decisionSystem(user.assetClass) },
      { role: 'user', content: user.text },
    ],
    unknownPlaceholders: user.unknownPlaceholders,
    assetClass: user.assetClass,
  };
}
