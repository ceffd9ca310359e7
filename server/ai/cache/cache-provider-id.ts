import type { TResolvedProvider } from '../providers/resolved-provider';

/** The provider part of a cache key: the kind, plus the base URL for custom endpoints (see hashCacheKey). */
export function cacheProviderId(provider: Pick<TResolvedProvider, 'kind' | 'baseURL'>): string {
  return provider.kind === 'custom' ? `custom:${provider.baseURL}` : provider.kind;
}
