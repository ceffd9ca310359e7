import { ZCacheEntrySchema, ZCacheExportSchema, type TCacheExport } from './cache-entry';
import type { TDecisionCacheStore } from './decision-cache-store';
import { hashCacheKey } from './hash-cache-key';

/**
 * Export and import of cached answers, so an AI backtest shared with a strategy replays for
 * someone else without a key and without cost. Pass the keys a run used (its decision records
 * carry them) to export just that run's answers.
 */
export async function exportDecisionCache(store: TDecisionCacheStore, keys?: ReadonlySet<string>, now = new Date()): Promise<TCacheExport> {
  return { format: 'nofx-ai-cache', version: 1, exportedAt: now.toISOString(), entries: await store.list(keys) };
}

export interface TCacheImportResult {
  imported: number;
  /** already present with the same key */
  existing: number;
  /** malformed, or whose key does not match their content (edited or forged answers) */
  rejected: number;
}

export async function importDecisionCache(store: TDecisionCacheStore, data: unknown): Promise<{ ok: true; result: TCacheImportResult } | { ok: false; message: string }> {
  const file = ZCacheExportSchema.safeParse(data);
  if (!file.success) return { ok: false, message: 'not a NOFX AI cache export (format "nofx-ai-cache", version 1)' };
  const result: TCacheImportResult = { imported: 0, existing: 0, rejected: 0 };
  for (const raw of file.data.entries) {
    const entry = ZCacheEntrySchema.safeParse(raw);
    if (!entry.success || hashCacheKey(entry.data) !== entry.data.key) {
      result.rejected++;
      continue;
    }
    if (await store.get(entry.data.key)) result.existing++;
    else {
      await store.put(entry.data);
      result.imported++;
    }
  }
  return { ok: true, result };
}
