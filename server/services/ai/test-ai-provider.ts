import { failureText } from '@/server/ai/client/ai-failure';
import { testProviderConnection, type TConnectionTest } from '@/server/ai/providers/test-provider-connection';
import type { TDb } from '@/server/db';
import { aiDeps } from './ai-deps';
import { resolveAiProvider } from './resolve-ai-provider';

/** The Settings page's Test button: one tiny question with the stored key, base URL and model. */
export async function testAiProvider(db: TDb, input: { ownerId: string; id: string; model: string; language: 'zh-CN' | 'en-US' }): Promise<TConnectionTest> {
  const resolved = await resolveAiProvider(db, input);
  if ('failure' in resolved) return { ok: false, latencyMs: 0, model: input.model, code: resolved.failure.code, message: failureText(resolved.failure, input.language) };
  return testProviderConnection(aiDeps(db).client, resolved.provider, resolved.model, input.language);
}
