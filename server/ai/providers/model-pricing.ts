import { z } from 'zod';
import type { TProviderKind } from './provider-presets';

/** Price per million tokens. Providers bill in their own currency, so costs are kept per currency. */
export const ZModelPriceSchema = z.object({
  input: z.number().min(0),
  output: z.number().min(0),
  currency: z.enum(['USD', 'CNY']),
});
export type TModelPrice = z.infer<typeof ZModelPriceSchema>;

/**
 * Estimates from the providers' public price lists (2025), for the "estimated cost" column only:
 * prices change and discounts (cache hits, off-peak) are ignored. A user's provider settings can
 * override them per model. Matched by longest model-name prefix.
 */
const PRICES: ReadonlyArray<[TProviderKind, string, TModelPrice]> = [
  ['openai', 'gpt-4o-mini', { input: 0.15, output: 0.6, currency: 'USD' }],
  ['openai', 'gpt-4o', { input: 2.5, output: 10, currency: 'USD' }],
  ['openai', 'gpt-4.1-nano', { input: 0.1, output: 0.4, currency: 'USD' }],
  ['openai', 'gpt-4.1-mini', { input: 0.4, output: 1.6, currency: 'USD' }],
  ['openai', 'gpt-4.1', { input: 2, output: 8, currency: 'USD' }],
  ['deepseek', 'deepseek-chat', { input: 0.28, output: 0.42, currency: 'USD' }],
  ['deepseek', 'deepseek-reasoner', { input: 0.28, output: 0.42, currency: 'USD' }],
  ['qwen', 'qwen-turbo', { input: 0.3, output: 0.6, currency: 'CNY' }],
  ['qwen', 'qwen-plus', { input: 0.8, output: 2, currency: 'CNY' }],
  ['qwen', 'qwen-max', { input: 2.4, output: 9.6, currency: 'CNY' }],
  ['zhipu', 'glm-4-flash', { input: 0, output: 0, currency: 'CNY' }],
  ['zhipu', 'glm-4-air', { input: 0.5, output: 0.5, currency: 'CNY' }],
  ['zhipu', 'glm-4-plus', { input: 5, output: 5, currency: 'CNY' }],
  ['moonshot', 'moonshot-v1-8k', { input: 12, output: 12, currency: 'CNY' }],
  ['moonshot', 'moonshot-v1-32k', { input: 24, output: 24, currency: 'CNY' }],
  ['moonshot', 'moonshot-v1-128k', { input: 60, output: 60, currency: 'CNY' }],
  ['moonshot', 'kimi-k2', { input: 4, output: 16, currency: 'CNY' }],
];

/** A local server costs nothing per token; an unknown hosted model has no estimate (null, shown as "—"). */
export function findModelPrice(kind: TProviderKind, model: string, overrides: Record<string, TModelPrice> = {}): TModelPrice | null {
  if (overrides[model]) return overrides[model];
  if (kind === 'ollama' || kind === 'vllm') return { input: 0, output: 0, currency: 'USD' };
  let best: TModelPrice | null = null;
  let bestLength = -1;
  for (const [k, prefix, price] of PRICES) {
    if (k === kind && model.startsWith(prefix) && prefix.length > bestLength) {
      best = price;
      bestLength = prefix.length;
    }
  }
  return best;
}

export interface TCost {
  amount: number;
  currency: TModelPrice['currency'];
}

export function estimateCost(price: TModelPrice | null, promptTokens: number, completionTokens: number): TCost | null {
  if (!price) return null;
  return { amount: (promptTokens * price.input + completionTokens * price.output) / 1e6, currency: price.currency };
}
