import { z } from 'zod';
import { ZModelPriceSchema } from '../providers/model-pricing';
import { ZProviderKindSchema } from '../providers/provider-presets';

/** A user's provider as stored: the API key only as ciphertext (secrets/encrypt-secret.ts). */
export const ZProviderSettingsSchema = z.object({
  id: z.string().min(1),
  ownerId: z.string().min(1),
  kind: ZProviderKindSchema,
  name: z.string().min(1).max(60),
  /** '' = the preset's URL */
  baseURL: z.string(),
  apiKeyEnc: z.string().nullable(),
  /** "…abcd": lets the UI show which key is stored without the key */
  keyHint: z.string().nullable(),
  /** '' = the preset's default model */
  defaultModel: z.string().max(200),
  /** null = the preset's value */
  jsonMode: z.boolean().nullable(),
  concurrency: z.number().int().min(1).max(32).nullable(),
  timeoutMs: z.number().int().min(1000).max(600_000),
  maxRetries: z.number().int().min(0).max(10),
  /** per-model price overrides, per million tokens */
  pricing: z.record(z.string(), ZModelPriceSchema),
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TProviderSettings = z.infer<typeof ZProviderSettingsSchema>;

/** What the Settings form sends. Error messages are codes the UI translates. */
export const ZProviderSettingsInputSchema = z.object({
  id: z.string().min(1).optional(),
  kind: ZProviderKindSchema,
  name: z.string().trim().min(1, 'name_required').max(60, 'name_too_long'),
  baseURL: z
    .string()
    .trim()
    .max(500, 'base_url_too_long')
    .refine((v) => v === '' || /^https?:\/\/[^\s]+$/i.test(v), 'base_url_invalid')
    // fetch refuses URLs with user:password@, and the password would sit in clear: use the API key field
    .refine((v) => !/^https?:\/\/[^/]*@/i.test(v), 'base_url_has_credentials')
    .default(''),
  /** a new key; absent = keep the stored one; '' = remove it */
  apiKey: z.string().trim().max(500, 'api_key_too_long').optional(),
  defaultModel: z.string().trim().max(200, 'model_too_long').default(''),
  jsonMode: z.boolean().nullable().default(null),
  concurrency: z.number().int().min(1).max(32).nullable().default(null),
  timeoutMs: z.number().int().min(1000).max(600_000).default(60_000),
  maxRetries: z.number().int().min(0).max(10).default(3),
  pricing: z.record(z.string(), ZModelPriceSchema).default({}),
  isDefault: z.boolean().default(false),
});
export type TProviderSettingsInput = z.input<typeof ZProviderSettingsInputSchema>;

/** The DTO the browser gets: no key material beyond the hint. */
export type TProviderView = Omit<TProviderSettings, 'apiKeyEnc' | 'ownerId'> & { hasKey: boolean };

export function toProviderView(settings: TProviderSettings): TProviderView {
  const { apiKeyEnc, ownerId: _owner, ...rest } = settings;
  return { ...rest, hasKey: apiKeyEnc !== null };
}

/** The AAD for a stored key: ties the ciphertext to its owner and row. */
export function secretContext(settings: Pick<TProviderSettings, 'ownerId' | 'id'>): string {
  return `ai-provider:${settings.ownerId}:${settings.id}`;
}
