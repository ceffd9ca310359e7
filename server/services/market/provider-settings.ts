/**
 * Provider settings: base URL, credential and rate limit per provider, stored in
 * MarketProviderSetting. The credential is AES-256-GCM encrypted with the key-encryption key
 * (bound to the provider id, so a ciphertext copied to another row does not decrypt); the
 * browser only ever sees whether one is set and its last four characters.
 */
import { decryptSecret, encryptSecret, keyHint } from '@/server/ai/secrets/encrypt-secret';
import { NEEDS_CREDENTIAL } from '@/server/data/providers/create-provider';
import { DEFAULT_BASE_URLS, DEFAULT_RATE_LIMITS, type TProviderConfig, type TProviderId } from '@/server/data/providers/provider-types';
import type { TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { PROVIDER_IDS, type TSaveProviderSettings } from './schemas';

export type TProviderSettingsDto = {
  provider: TProviderId;
  enabled: boolean;
  baseUrl: string;
  defaultBaseUrl: string;
  hasCredential: boolean;
  credentialHint: string | null;
  needsCredential: boolean;
  rateLimitPerMin: number;
  defaultRateLimitPerMin: number;
};

const context = (provider: string) => `market-provider:${provider}`;

export async function listProviderSettings(db: TDb): Promise<TProviderSettingsDto[]> {
  const rows = new Map((await db.marketProviderSetting.findMany()).map((r) => [r.provider, r]));
  return PROVIDER_IDS.map((provider) => {
    const row = rows.get(provider);
    return {
      provider,
      enabled: row?.enabled ?? true,
      baseUrl: row?.baseUrl || DEFAULT_BASE_URLS[provider],
      defaultBaseUrl: DEFAULT_BASE_URLS[provider],
      hasCredential: !!row?.credentialEnc,
      credentialHint: row?.credentialHint ?? null,
      needsCredential: NEEDS_CREDENTIAL[provider],
      rateLimitPerMin: row?.rateLimitPerMin ?? DEFAULT_RATE_LIMITS[provider],
      defaultRateLimitPerMin: DEFAULT_RATE_LIMITS[provider],
    };
  });
}

export async function saveProviderSettings(db: TDb, input: TSaveProviderSettings, appKey: Buffer = getEnv().keyEncryptionKey): Promise<TProviderSettingsDto> {
  const data: { enabled?: boolean; baseUrl?: string | null; credentialEnc?: string | null; credentialHint?: string | null; rateLimitPerMin?: number | null } = {};
  if (input.enabled !== undefined) data.enabled = input.enabled;
  if (input.baseUrl !== undefined) data.baseUrl = input.baseUrl === '' ? null : input.baseUrl;
  if (input.rateLimitPerMin !== undefined) data.rateLimitPerMin = input.rateLimitPerMin;
  if (input.credential !== undefined) {
    data.credentialEnc = input.credential === '' ? null : encryptSecret(input.credential, appKey, context(input.provider));
    data.credentialHint = input.credential === '' ? null : keyHint(input.credential);
  }
  await db.marketProviderSetting.upsert({ where: { provider: input.provider }, create: { provider: input.provider, ...data }, update: data });
  return (await listProviderSettings(db)).find((p) => p.provider === input.provider)!;
}

/** The config a provider is created with, credential decrypted (server-side only). */
export async function resolveProviderConfig(db: TDb, provider: TProviderId, appKey: Buffer = getEnv().keyEncryptionKey): Promise<TProviderConfig & { enabled: boolean }> {
  const row = await db.marketProviderSetting.findUnique({ where: { provider } });
  return {
    enabled: row?.enabled ?? true,
    baseUrl: row?.baseUrl ?? undefined,
    credential: row?.credentialEnc ? decryptSecret(row.credentialEnc, appKey, context(provider)) : undefined,
    rateLimitPerMin: row?.rateLimitPerMin ?? undefined,
  };
}
