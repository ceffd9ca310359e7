// The migration runner: applies new files incrementally, records them, refuses edited history.
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase } from '@/server/db/migrate';
import type { TDbTarget } from '@/server/db/target';

const repo = path.resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A temp project root holding a copy of the real SQLite migrations. */
function tempRoot() {
  const root = mkdtempSync(path.join(os.tmpdir(), 'nofx-migrate-'));
  dirs.push(root);
  cpSync(path.join(repo, 'prisma/migrations/sqlite'), path.join(root, 'prisma/migrations/sqlite'), { recursive: true });
  const filename = path.join(root, 'db.sqlite');
  const target: TDbTarget = { provider: 'sqlite', url: `file:${filename}`, filename };
  return { root, target, filename };
}

describe('migration runner (SQLite)', () => {
  it('applies pending migrations in order and records them once', async () => {
    const { root, target, filename } = tempRoot();
    const first = await migrateDatabase(target, { root });
    expect(first.applied[0]).toBe('0001_init');

    const next = path.join(root, 'prisma/migrations/sqlite/9999_add_note');
    mkdirSync(next);
    writeFileSync(path.join(next, 'migration.sql'), 'CREATE TABLE "Note" ("id" TEXT NOT NULL PRIMARY KEY);\n');
    expect((await migrateDatabase(target, { root })).applied).toEqual(['9999_add_note']);
    expect((await migrateDatabase(target, { root })).applied).toEqual([]);

    const db = new Database(filename, { readonly: true });
    const ids = db.prepare('SELECT id FROM _nofx_migrations ORDER BY id').all() as { id: string }[];
    expect(ids.map((r) => r.id)).toEqual([...first.applied, '9999_add_note']);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('refuses to run when an applied migration file was edited', async () => {
    const { root, target } = tempRoot();
    await migrateDatabase(target, { root });
    appendFileSync(path.join(root, 'prisma/migrations/sqlite/0001_init/migration.sql'), '\n-- edited\n');
    await expect(migrateDatabase(target, { root })).rejects.toThrow(/0001_init was changed after it was applied/);
  });

  it('rolls back a failing migration and leaves it pending', async () => {
    const { root, target, filename } = tempRoot();
    await migrateDatabase(target, { root });
    const bad = path.join(root, 'prisma/migrations/sqlite/9998_broken');
    mkdirSync(bad);
    writeFileSync(path.join(bad, 'migration.sql'), 'CREATE TABLE "Half" ("id" TEXT);\nTHIS IS NOT SQL;\n');
    await expect(migrateDatabase(target, { root })).rejects.toThrow();
    const db = new Database(filename, { readonly: true });
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'Half'`).get()).toBeUndefined();
    expect(db.prepare(`SELECT id FROM _nofx_migrations WHERE id = '9998_broken'`).get()).toBeUndefined();
    db.close();
  });

  it('runs concurrently from two callers without applying anything twice', async () => {
    const { root, target } = tempRoot();
    const [a, b] = await Promise.all([migrateDatabase(target, { root }), migrateDatabase(target, { root })]);
    expect([...a.applied, ...b.applied].filter((id) => id === '0001_init')).toHaveLength(1);
  });
});
