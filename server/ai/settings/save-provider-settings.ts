import { randomUUID } from 'node:crypto';
import { encryptSecret, keyHint } from '../secrets/encrypt-secret';
import { ZProviderSettingsInputSchema, secretContext, toProviderView, type TProviderSettings, type TProviderView } from './provider-settings';
import type { TProviderSettingsStore } from './provider-settings-store';

export type TSaveProviderResult = { ok: true; provider: TProviderView } | { ok: false; code: 'not_found' | 'base_url_required' | 'invalid_input'; message: string };

/**
 * Creates or updates one provider of a user. The key is encrypted here, before anything is
 * stored, and only a hint goes back. Making one provider the default clears the others'.
 */
export async function saveProviderSettings(
  store: TProviderSettingsStore,
  appKey: Buffer,
  ownerId: string,
  rawInput: unknown,
  options: { now?: Date; newId?: () => string } = {},
): Promise<TSaveProviderResult> {
  const parsed = ZProviderSettingsInputSchema.safeParse(rawInput);
  if (!parsed.success) return { ok: false, code: 'invalid_input', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') };
  const input = parsed.data;
  const existing = input.id ? await store.get(ownerId, input.id) : null;
  if (input.id && !existing) return { ok: false, code: 'not_found', message: 'no such provider' };
  if (input.kind === 'custom' && input.baseURL === '') return { ok: false, code: 'base_url_required', message: 'a custom provider needs a base URL' };

  const now = (options.now ?? new Date()).toISOString();
  const id = existing?.id ?? (options.newId ?? randomUUID)();
  const context = secretContext({ ownerId, id });
  let apiKeyEnc = existing?.apiKeyEnc ?? null;
  let hint = existing?.keyHint ?? null;
  if (input.apiKey !== undefined) {
    apiKeyEnc = input.apiKey === '' ? null : encryptSecret(input.apiKey, appKey, context);
    hint = input.apiKey === '' ? null : keyHint(input.apiKey);
  }
  const settings: TProviderSettings = {
    id,
    ownerId,
    kind: input.kind,
    name: input.name,
    baseURL: input.baseURL,
    apiKeyEnc,
    keyHint: hint,
    defaultModel: input.defaultModel,
    jsonMode: input.jsonMode,
    concurrency: input.concurrency,
    timeoutMs: input.timeoutMs,
    maxRetries: input.maxRetries,
    pricing: input.pricing,
    isDefault: input.isDefault,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  if (settings.isDefault) {
    for (const other of await store.list(ownerId)) {
      if (other.id !== id && other.isDefault) await store.save({ ...other, isDefault: false, updatedAt: now });
    }
  }
  await store.save(settings);
  return { ok: true, provider: toProviderView(settings) };
}
