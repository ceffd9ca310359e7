import { failureText } from '@/server/ai/client/ai-failure';
import { listProviderModels } from '@/server/ai/providers/test-provider-connection';
import type { TDb } from '@/server/db';
import { resolveAiProvider } from './resolve-ai-provider';

/** The models the endpoint lists (GET /models), for the form's suggestions. */
export async function listAiProviderModels(
  db: TDb,
  input: { ownerId: string; id: string; language?: 'zh-CN' | 'en-US' },
): Promise<{ ok: true; models: string[] } | { ok: false; message: string }> {
  const resolved = await resolveAiProvider(db, input);
  if ('failure' in resolved) return { ok: false, message: failureText(resolved.failure, input.language ?? 'en-US') };
  return listProviderModels(resolved.provider);
}
