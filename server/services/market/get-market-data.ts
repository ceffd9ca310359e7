/**
 * The one way the app gets market data. The database bar store once the bundled files have been
 * imported into it (the `market-bundled-bars` seed step ran), the bundled CSV files otherwise
 * (a database that was never seeded, e.g. a CLI run on a bare checkout). The choice is made on
 * first use and kept, so callers can hold the reader without awaiting anything.
 */
import { bundledMarketData } from '@/server/data/bundled-market-data';
import { barCacheDir } from '@/server/data/bar-cache-file';
import type { TMarketDataReader } from '@/server/data/market-data';
import { getDb, type TDb } from '@/server/db';
import { getEnv } from '@/server/env';
import { DbMarketData } from './db-market-data';

export const BUNDLED_IMPORTED_KEY = 'market.bundledImportedAt';

export function createMarketData(db: TDb, options: { cacheDir?: string | null } = {}): TMarketDataReader {
  let chosen: Promise<TMarketDataReader> | null = null;
  const pick = () =>
    (chosen ??= db.appSetting
      .findUnique({ where: { key: BUNDLED_IMPORTED_KEY } })
      .then((row): TMarketDataReader => (row ? new DbMarketData(db, options.cacheDir === undefined ? barCacheDir(getEnv().dataDir) : options.cacheDir) : bundledMarketData()))
      .catch((error: unknown): TMarketDataReader => {
        // No migrated database (a bare checkout): the files still answer.
        console.warn(`[market-data] database not usable (${(error as Error).message.split('\n')[0]}); reading bundled files`);
        return bundledMarketData();
      }));
  return {
    listSymbols: async (filter) => (await pick()).listSymbols(filter),
    loadBars: async (request) => (await pick()).loadBars(request),
  };
}

const store = globalThis as unknown as { __nofxMarketData?: TMarketDataReader };

/** The process-wide reader over the app's database. */
export function getMarketData(): TMarketDataReader {
  store.__nofxMarketData ??= createMarketData(getDb());
  return store.__nofxMarketData;
}

