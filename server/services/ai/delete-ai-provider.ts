import { createDbProviderSettingsStore } from '@/server/ai/stores/db-provider-settings-store';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';

/** Removes a provider with its stored key. Nodes that named it get "not configured" (HOLD) until they pick another. */
export async function deleteAiProvider(db: TDb, input: { ownerId: string; id: string }): Promise<{ id: string }> {
  if (!(await createDbProviderSettingsStore(db).remove(input.ownerId, input.id))) throw new AppError('not_found');
  return { id: input.id };
}
