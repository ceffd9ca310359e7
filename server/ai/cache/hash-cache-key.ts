import { createHash } from 'node:crypto';
import type { TCacheEntry } from './cache-entry';

export type TCacheKeyParts = Pick<TCacheEntry, 'provider' | 'model' | 'messages' | 'params'>;

/**
 * sha256 over (provider, model, every message, sampling params), serialised in a fixed order.
 * The key names the provider kind rather than the user's settings row, so a cache exported by
 * one user replays for another who configured the same provider. A custom endpoint carries its
 * base URL: two custom servers may serve different weights under one model name.
 */
export function hashCacheKey(parts: TCacheKeyParts): string {
  const canonical = JSON.stringify([
    'nofx-ai-cache/1',
    parts.provider,
    parts.model,
    parts.messages.map((m) => [m.role, m.content]),
    parts.params.temperature,
    parts.params.jsonMode,
    parts.params.maxTokens,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}
