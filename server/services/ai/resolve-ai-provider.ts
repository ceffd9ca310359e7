import type { TAiFailure } from '@/server/ai/client/ai-failure';
import { createProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import type { TResolvedProvider } from '@/server/ai/providers/resolved-provider';
import { createDbProviderSettingsStore } from '@/server/ai/stores/db-provider-settings-store';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { aiDeps } from './ai-deps';

/** One of the user's providers with its key decrypted, for a test call or the model list; a foreign id is NOT_FOUND. */
export async function resolveAiProvider(db: TDb, input: { ownerId: string; id: string; model?: string }): Promise<{ provider: TResolvedProvider; model: string } | { failure: TAiFailure }> {
  const settings = await createDbProviderSettingsStore(db).get(input.ownerId, input.id);
  if (!settings) throw new AppError('not_found');
  const resolved = createProviderDirectory([settings], aiDeps(db).appKey).resolve({ provider: settings.id, model: input.model ?? '' });
  if (resolved.kind === 'llm') return { provider: resolved.provider, model: resolved.model };
  if (resolved.kind === 'missing') return { failure: resolved.failure };
  throw new Error('a stored provider resolved to the heuristic analyst');
}
