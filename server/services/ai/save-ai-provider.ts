import type { TProviderSettingsInput, TProviderView } from '@/server/ai/settings/provider-settings';
import { saveProviderSettings } from '@/server/ai/settings/save-provider-settings';
import { createDbProviderSettingsStore } from '@/server/ai/stores/db-provider-settings-store';
import type { TDb } from '@/server/db';
import { AppError } from '@/server/services/errors';
import { aiDeps } from './ai-deps';

/**
 * Creates or updates a provider. The row id is chosen before the key is encrypted (the
 * ciphertext is bound to owner and id); a new key replaces the stored one, an absent key keeps
 * it, '' removes it. Only the view (with a key hint) comes back.
 */
export async function saveAiProvider(db: TDb, input: { ownerId: string; settings: TProviderSettingsInput }): Promise<TProviderView> {
  const result = await saveProviderSettings(createDbProviderSettingsStore(db), aiDeps(db).appKey, input.ownerId, input.settings);
  if (result.ok) return result.provider;
  if (result.code === 'not_found') throw new AppError('not_found');
  if (result.code === 'base_url_required') throw new AppError('base_url_required', 'baseURL');
  throw new AppError('invalid_input');
}
