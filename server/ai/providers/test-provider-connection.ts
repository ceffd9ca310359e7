import OpenAI from 'openai';
import { failureText, type TAiFailure } from '../client/ai-failure';
import { classifyLlmError } from '../client/classify-llm-error';
import type { TLlmClient } from '../client/create-llm-client';
import { parseDecisionAnswer } from '../parse/parse-decision-answer';
import type { TResolvedProvider } from './resolved-provider';

export type TConnectionTest =
  | { ok: true; latencyMs: number; model: string; jsonOk: boolean; answer: string }
  | { ok: false; latencyMs: number; model: string; code: TAiFailure['code']; message: string };

/**
 * The Settings page's "Test" button: one tiny question through the same client (so key,
 * base URL, model, JSON mode and timeouts are all exercised) and whether the answer parses.
 */
export async function testProviderConnection(client: TLlmClient, provider: TResolvedProvider, model: string, language: 'zh-CN' | 'en-US' = 'en-US'): Promise<TConnectionTest> {
  const chosen = model || provider.defaultModel;
  const out = await client.chat(
    { ...provider, maxRetries: 0 },
    {
      model: chosen,
      messages: [
        { role: 'system', content: 'Reply with one JSON object: {"action": "HOLD", "confidence": 1, "reasoning": "connection test"}' },
        { role: 'user', content: 'Connection test. Answer in JSON.' },
      ],
      temperature: 0,
      jsonMode: true,
      maxTokens: 60,
    },
  );
  if (!out.ok) return { ok: false, latencyMs: out.latencyMs, model: chosen, code: out.failure.code, message: failureText(out.failure, language) };
  return { ok: true, latencyMs: out.latencyMs, model: chosen, jsonOk: parseDecisionAnswer(out.text, out.refusal).ok, answer: out.text.slice(0, 200) };
}

/** Model ids the endpoint lists (GET /models), for the settings form's suggestions. */
export async function listProviderModels(provider: TResolvedProvider): Promise<{ ok: true; models: string[] } | { ok: false; message: string }> {
  const sdk = new OpenAI({ apiKey: provider.apiKey ?? 'no-key', baseURL: provider.baseURL, timeout: Math.min(provider.timeoutMs, 15_000), maxRetries: 0, logLevel: 'off' });
  try {
    const ids: string[] = [];
    for await (const m of sdk.models.list()) ids.push(m.id);
    return { ok: true, models: ids.sort() };
  } catch (error) {
    return { ok: false, message: classifyLlmError(error, provider, '').failure.message };
  }
}
