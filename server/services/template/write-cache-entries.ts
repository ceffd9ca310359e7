import { ZCacheEntrySchema, ZCacheExportSchema, type TCacheEntry } from '@/server/ai/cache/cache-entry';
import { hashCacheKey } from '@/server/ai/cache/hash-cache-key';
import { toCacheRow } from '@/server/ai/stores/db-decision-cache-store';
import type { TDb } from '@/server/db';
import type { TFileProblem } from './schemas';

export type TTx = Parameters<Parameters<TDb['$transaction']>[0]>[0];

/**
 * Checks a nofx-ai-cache export completely before anything is written: every entry must parse and
 * its key must be the hash of its content (an edited answer would replay as if the model said it).
 * Unlike the Settings import, which skips bad entries, a strategy file is all or nothing.
 */
export function checkCacheExport(data: unknown, at: string): { ok: true; entries: TCacheEntry[] } | { ok: false; problems: TFileProblem[] } {
  const file = ZCacheExportSchema.safeParse(data);
  if (!file.success) {
    return {
      ok: false,
      problems: [
        {
          path: at,
          code: 'cache_format',
          message: `${at}: not a NOFX AI cache export (format "nofx-ai-cache", version 1)`,
          messageZh: `${at}：不是 NOFX AI 缓存导出（格式 "nofx-ai-cache"，版本 1）`,
        },
      ],
    };
  }
  const entries: TCacheEntry[] = [];
  const problems: TFileProblem[] = [];
  file.data.entries.forEach((raw, i) => {
    const path = `${at}.entries[${i}]`;
    const entry = ZCacheEntrySchema.safeParse(raw);
    if (!entry.success) {
      problems.push({ path, code: 'cache_entry_invalid', message: `${path}: not a valid cached answer`, messageZh: `${path}：不是有效的缓存回答` });
    } else if (hashCacheKey(entry.data) !== entry.data.key) {
      problems.push({
        path,
        code: 'cache_entry_tampered',
        message: `${path}: its key does not match its content (the answer was edited)`,
        messageZh: `${path}：键与内容不符（回答被修改过）`,
      });
    } else entries.push(entry.data);
  });
  return problems.length > 0 ? { ok: false, problems: problems.slice(0, 50) } : { ok: true, entries };
}

/**
 * Adds entries to the owner's cache inside the caller's transaction; existing keys keep their first
 * answer. Look first, then insert: on PostgreSQL a failed insert (unique violation) would abort the
 * whole transaction, so "insert and ignore P2002" is not an option here.
 */
export async function writeCacheEntries(tx: TTx, ownerId: string, entries: readonly TCacheEntry[]): Promise<number> {
  let added = 0;
  for (const entry of entries) {
    const existing = await tx.aiCacheEntry.findUnique({ where: { ownerId_key: { ownerId, key: entry.key } }, select: { key: true } });
    if (existing) continue;
    await tx.aiCacheEntry.create({ data: toCacheRow(ownerId, entry) });
    added++;
  }
  return added;
}
