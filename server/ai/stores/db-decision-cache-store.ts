import type { TDb } from '@/server/db';
import { ZCacheEntrySchema, type TCacheEntry } from '../cache/cache-entry';
import type { TDecisionCacheStore } from '../cache/decision-cache-store';

type TRow = Awaited<ReturnType<TDb['aiCacheEntry']['findFirstOrThrow']>>;

/** A stored row as an entry; a row that no longer validates (hand-edited) reads as a miss. */
/** A cache entry as an owner's AiCacheEntry row (the store and template forks write the same rows). */
export function toCacheRow(ownerId: string, entry: TCacheEntry) {
  return {
    ownerId,
    key: entry.key,
    provider: entry.provider,
    model: entry.model,
    messagesJson: JSON.stringify(entry.messages),
    paramsJson: JSON.stringify(entry.params),
    answer: entry.answer,
    refusal: entry.refusal,
    promptTokens: entry.promptTokens,
    completionTokens: entry.completionTokens,
    createdAt: new Date(entry.createdAt),
  };
}

function fromRow(row: TRow): TCacheEntry | null {
  try {
    const parsed = ZCacheEntrySchema.safeParse({
      key: row.key,
      provider: row.provider,
      model: row.model,
      messages: JSON.parse(row.messagesJson),
      params: JSON.parse(row.paramsJson),
      answer: row.answer,
      refusal: row.refusal,
      promptTokens: row.promptTokens,
      completionTokens: row.completionTokens,
      createdAt: row.createdAt.toISOString(),
    });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keys per query for `list(keys)`: stays under SQLite's bound-parameter limit. */
const KEY_CHUNK = 500;

/**
 * The decision cache in the AiCacheEntry table, scoped to one owner: a user replays only answers
 * their own runs received or that they imported. Insert-if-absent: the first answer for a key wins
 * (two runs asking the same question at once both store, one of them is a no-op).
 */
export function createDbCacheStore(db: TDb, ownerId: string): TDecisionCacheStore {
  return {
    async get(key) {
      const row = await db.aiCacheEntry.findUnique({ where: { ownerId_key: { ownerId, key } } });
      return row ? fromRow(row) : null;
    },
    async put(entry) {
      try {
        await db.aiCacheEntry.create({ data: toCacheRow(ownerId, entry) });
      } catch (error) {
        // already cached: keep the first answer
        if ((error as { code?: string }).code !== 'P2002') throw error;
      }
    },
    async list(keys) {
      if (!keys) {
        const rows = await db.aiCacheEntry.findMany({ where: { ownerId }, orderBy: [{ createdAt: 'asc' }, { key: 'asc' }] });
        return rows.map(fromRow).filter((e): e is TCacheEntry => e !== null);
      }
      const wanted = [...keys];
      const out: TCacheEntry[] = [];
      for (let k = 0; k < wanted.length; k += KEY_CHUNK) {
        const rows = await db.aiCacheEntry.findMany({ where: { ownerId, key: { in: wanted.slice(k, k + KEY_CHUNK) } } });
        for (const row of rows) {
          const entry = fromRow(row);
          if (entry) out.push(entry);
        }
      }
      return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.key.localeCompare(b.key));
    },
    async size() {
      return db.aiCacheEntry.count({ where: { ownerId } });
    },
  };
}
