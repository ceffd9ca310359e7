// A migrated SQLite database in a fresh temp folder, per test file.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type TDb } from '@/server/db/client';
import { migrateDatabase } from '@/server/db/migrate';
import type { TDbTarget } from '@/server/db/target';

export type TTestDb = { db: TDb; target: TDbTarget; cleanup: () => Promise<void> };

export async function createTempSqliteDb(): Promise<TTestDb> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'nofx-test-'));
  const filename = path.join(dir, 'test.db');
  const target: TDbTarget = { provider: 'sqlite', url: `file:${filename}`, filename };
  await migrateDatabase(target);
  const db = createDb(target);
  return {
    db,
    target,
    cleanup: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
