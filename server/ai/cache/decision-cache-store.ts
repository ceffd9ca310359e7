import type { TCacheEntry } from './cache-entry';

/**
 * The decision cache's storage. Implementations: memory (tests, one-off runs), a JSON-lines file
 * (CLI, no database), and the database (AiCacheEntry table) in the app.
 */
export interface TDecisionCacheStore {
  get(key: string): Promise<TCacheEntry | null>;
  /** a second put of an existing key keeps the first answer: the cache pins what a run saw */
  put(entry: TCacheEntry): Promise<void>;
  /** every entry, or those with the given keys */
  list(keys?: ReadonlySet<string>): Promise<TCacheEntry[]>;
  size(): Promise<number>;
}

export function createMemoryCacheStore(initial: TCacheEntry[] = []): TDecisionCacheStore {
  const entries = new Map<string, TCacheEntry>(initial.map((e) => [e.key, e]));
  return {
    async get(key) {
      return entries.get(key) ?? null;
    },
    async put(entry) {
      if (!entries.has(entry.key)) entries.set(entry.key, entry);
    },
    async list(keys) {
      return [...entries.values()].filter((e) => !keys || keys.has(e.key));
    },
    async size() {
      return entries.size;
    },
  };
}
