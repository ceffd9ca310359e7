import { afterAll, beforeAll, describe } from 'vitest';
import { dbContract } from './helpers/db-contract';
import { createTempSqliteDb, type TTestDb } from './helpers/sqlite';

describe('SQLite (embedded default)', () => {
  let t: TTestDb;
  beforeAll(async () => {
    t = await createTempSqliteDb();
  });
  afterAll(async () => {
    await t?.cleanup();
  });
  dbContract(() => t);
});
