// Creates a Prisma client for a target. Both generated clients come from the same models
// (prisma/schema.postgres.prisma is derived from prisma/schema.prisma), so the PostgreSQL client is
// typed as the SQLite one: services can only use what both providers support.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient as SqliteClient } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import type { TDbTarget } from './target';

export type TDb = SqliteClient;

export function createDb(target: TDbTarget): TDb {
  if (target.provider === 'postgres') {
    const adapter = new PrismaPg({ connectionString: target.url, max: 10, idleTimeoutMillis: 10_000 });
    return new PostgresClient({ adapter }) as unknown as TDb;
  }
  mkdirSync(path.dirname(target.filename), { recursive: true });
  // 5 s busy timeout: the CLI and the web server may write the same file at the same time.
  const adapter = new PrismaBetterSQLite3({ url: target.filename, timeout: 5_000 });
  return new SqliteClient({ adapter });
}
