// A fresh PostgreSQL database per test file (CREATE DATABASE nofx_test_<random>, dropped after),
// when a server is reachable. Tries PG_TEST_URL, then the CI default (trust auth, users root/postgres).
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb } from '@/server/db/client';
import { migrateDatabase } from '@/server/db/migrate';
import type { TDbTarget } from '@/server/db/target';
import type { TTestDb } from './sqlite';

const CANDIDATES = [
  process.env.PG_TEST_URL,
  'postgresql://postgres@127.0.0.1:5432/test',
  'postgresql://root@127.0.0.1:5432/test',
  'postgresql://postgres@127.0.0.1:5432/postgres',
].filter((u): u is string => !!u);

export type TPgProbe = { ok: true; url: string } | { ok: false; reason: string };

/** The first admin URL that accepts a connection, or why none did. */
export async function probePostgres(): Promise<TPgProbe> {
  const reasons: string[] = [];
  for (const url of CANDIDATES) {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query('SELECT 1');
      return { ok: true, url };
    } catch (err) {
      reasons.push(`${url.replace(/\/\/[^@]*@/, '//…@')}: ${(err as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
  }
  return { ok: false, reason: `no PostgreSQL reachable (${reasons.join('; ')})` };
}

export async function createTempPostgresDb(adminUrl: string): Promise<TTestDb> {
  const name = `nofx_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const target: TDbTarget = { provider: 'postgres', url: url.toString() };
  await migrateDatabase(target);
  const db = createDb(target);
  return {
    db,
    target,
    cleanup: async () => {
      await db.$disconnect();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}
