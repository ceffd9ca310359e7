import type { TMarketDataReader } from '@/server/data/market-data';
import type { TDb } from '@/server/db';
import { createMarketData } from '@/server/services/market/get-market-data';

const readers = new WeakMap<TDb, TMarketDataReader>();

/**
 * The market-data reader backtests use for a database: the bar store once the bundled files are
 * imported into it, the bundled files before that (server/services/market/get-market-data).
 */
export function backtestMarketData(db: TDb): TMarketDataReader {
  let reader = readers.get(db);
  if (!reader) {
    reader = createMarketData(db);
    readers.set(db, reader);
  }
  return reader;
}
