/**
 * All bars of one stored series as columns: from the columnar cache file when it matches the
 * series' revision, else from the rows (then the file is rewritten for next time).
 */
import { allocBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { barCachePath, readBarCacheFile, writeBarCacheFile } from '@/server/data/bar-cache-file';
import type { TDb } from '@/server/db';

type TBarRow = { time: bigint | number; open: number; high: number; low: number; close: number; volume: number; amount: number | null };

export async function readSeriesBars(db: TDb, series: { id: number; revision: number }, cacheDir: string | null): Promise<TBarColumns> {
  const key = { seriesId: series.id, revision: series.revision };
  const file = cacheDir ? barCachePath(cacheDir, series.id) : null;
  const cached = file ? readBarCacheFile(file, key) : null;
  if (cached) return cached;
  const rows = await db.$queryRaw<TBarRow[]>`SELECT "time", "open", "high", "low", "close", "volume", "amount" FROM "Bar" WHERE "seriesId" = ${series.id} ORDER BY "time"`;
  const bars = allocBarColumns(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    bars.time[i] = Number(r.time);
    bars.open[i] = Number(r.open);
    bars.high[i] = Number(r.high);
    bars.low[i] = Number(r.low);
    bars.close[i] = Number(r.close);
    bars.volume[i] = Number(r.volume);
    bars.amount[i] = r.amount === null ? NaN : Number(r.amount);
  }
  if (file) {
    try {
      writeBarCacheFile(file, key, bars);
    } catch (error) {
      // A read-only or full disk only costs speed; the rows are still the answer.
      console.warn(`[market-data] could not write bar cache ${file}: ${(error as Error).message}`);
    }
  }
  return bars;
}
