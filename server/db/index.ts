// The one database entry point for services: `getDb()` picks SQLite or PostgreSQL from env.
import { getEnv } from '@/server/env';
import { createDb, type TDb } from './client';
import { resolveDbTarget, type TDbTarget } from './target';

export type { TDb } from './client';
export type { TDbTarget } from './target';
export { createDb } from './client';
export { resolveDbTarget } from './target';

export function getDbTarget(): TDbTarget {
  const env = getEnv();
  return resolveDbTarget({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
}

// Kept on globalThis so `next dev` hot reloads reuse one connection pool.
const store = globalThis as unknown as { __nofxDb?: TDb };

export function getDb(): TDb {
  store.__nofxDb ??= createDb(getDbTarget());
  return store.__nofxDb;
}
