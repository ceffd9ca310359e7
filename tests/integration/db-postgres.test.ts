import { afterAll, beforeAll, describe, it } from 'vitest';
import { dbContract } from './helpers/db-contract';
import { createTempPostgresDb, probePostgres } from './helpers/postgres';
import type { TTestDb } from './helpers/sqlite';

// Probed before the suite is declared so an unreachable server shows up as a named skip.
const probe = await probePostgres();

if (probe.ok) {
  describe('PostgreSQL (DATABASE_URL=postgres://…)', () => {
    let t: TTestDb;
    beforeAll(async () => {
      t = await createTempPostgresDb(probe.url);
    });
    afterAll(async () => {
      await t?.cleanup();
    });
    dbContract(() => t);
  });
} else {
  console.warn(`[db-postgres] SKIPPED: ${probe.reason}`);
  describe('PostgreSQL', () => {
    it.skip(`skipped: ${probe.reason}`, () => {});
  });
}
