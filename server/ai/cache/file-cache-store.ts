import fs from 'node:fs';
import path from 'node:path';
import { ZCacheEntrySchema, type TCacheEntry } from './cache-entry';
import { createMemoryCacheStore, type TDecisionCacheStore } from './decision-cache-store';

/**
 * The cache in a JSON-lines file: read once at open, appended one line per new answer. Appends
 * make a crash lose at most the line being written, and a torn or hand-edited line is skipped
 * (counted in `skippedLines`) instead of making the whole cache unreadable.
 */
export function openFileCacheStore(file: string): TDecisionCacheStore & { skippedLines: number } {
  const loaded: TCacheEntry[] = [];
  let skippedLines = 0;
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = ZCacheEntrySchema.safeParse(JSON.parse(line));
        if (parsed.success) loaded.push(parsed.data);
        else skippedLines++;
      } catch {
        skippedLines++;
      }
    }
  } else {
    fs.mkdirSync(path.dirname(file), { recursive: true });
  }
  const memory = createMemoryCacheStore(loaded);
  // appends are chained so that concurrent puts (a debate round) keep whole lines
  let writing: Promise<void> = Promise.resolve();
  return {
    skippedLines,
    get: memory.get,
    list: memory.list,
    size: memory.size,
    async put(entry) {
      if (await memory.get(entry.key)) return;
      await memory.put(entry);
      writing = writing.then(() => fs.promises.appendFile(file, `${JSON.stringify(entry)}\n`, { mode: 0o600 }));
      await writing;
    },
  };
}
