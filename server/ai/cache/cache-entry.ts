import { z } from 'zod';
import { ZChatMessageSchema } from '../client/chat-types';

/**
 * One cached model answer with everything that went into the request, so that an imported
 * entry can be checked (its key is recomputed) and a cached answer can be re-parsed by a newer
 * parser. Only answers the model actually gave are cached, never transport failures.
 */
export const ZCacheEntrySchema = z.object({
  key: z.string().min(1),
  /** provider kind ('deepseek', …); 'custom:<base URL>' for custom endpoints */
  provider: z.string().min(1),
  model: z.string().min(1),
  messages: z.array(ZChatMessageSchema).min(1),
  params: z.object({ temperature: z.number(), jsonMode: z.boolean(), maxTokens: z.number().int().nullable() }),
  answer: z.string(),
  refusal: z.string().nullable(),
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  createdAt: z.string(),
});
export type TCacheEntry = z.infer<typeof ZCacheEntrySchema>;

export const ZCacheExportSchema = z.object({
  format: z.literal('nofx-ai-cache'),
  version: z.literal(1),
  exportedAt: z.string(),
  entries: z.array(z.unknown()),
});
export type TCacheExport = { format: 'nofx-ai-cache'; version: 1; exportedAt: string; entries: TCacheEntry[] };
