import { afterAll, beforeAll, describe, it } from 'vitest';
import { createTempPostgresDb, probePostgres } from './helpers/postgres';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';
import { marketStoreContract } from './market-store-contract';

describe('bar store on SQLite', () => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTempSqliteDb();
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  marketStoreContract(() => t);
});

const probe = await probePostgres();
if (probe.ok) {
  describe('bar store on PostgreSQL', () => {
    let t: TTestDb;
    beforeAll(async () => {
      t = await createTempPostgresDb(probe.url);
    });
    afterAll(async () => {
      await t?.cleanup();
    });
    marketStoreContract(() => t);
  });
} else {
  console.warn(`[market-store] PostgreSQL SKIPPED: ${probe.reason}`);
  describe('bar store on PostgreSQL', () => {
    it.skip(`skipped: ${probe.reason}`, () => {});
  });
}
