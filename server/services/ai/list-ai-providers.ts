import { HEURISTIC_LABEL, HEURISTIC_MODEL, HEURISTIC_PROVIDER } from '@/server/ai/heuristic/heuristic-analyst';
import { PROVIDER_KINDS, PROVIDER_PRESETS } from '@/server/ai/providers/provider-presets';
import { toProviderView } from '@/server/ai/settings/provider-settings';
import { createDbProviderSettingsStore } from '@/server/ai/stores/db-provider-settings-store';
import type { TDb } from '@/server/db';
import type { TProviderListDto } from './schemas';

/** The user's providers (key hints only) and the presets the settings form offers. */
export async function listAiProviders(db: TDb, input: { ownerId: string }): Promise<TProviderListDto> {
  const providers = await createDbProviderSettingsStore(db).list(input.ownerId);
  return {
    providers: providers.map(toProviderView),
    presets: PROVIDER_KINDS.map((kind) => ({ ...PROVIDER_PRESETS[kind], models: [...PROVIDER_PRESETS[kind].models] })),
    heuristic: { provider: HEURISTIC_PROVIDER, model: HEURISTIC_MODEL, label: { en: HEURISTIC_LABEL.en, zh: HEURISTIC_LABEL.zh } },
  };
}
