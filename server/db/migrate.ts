// Our own migration runner. Prisma's `migrate deploy` needs a native schema engine (downloaded,
// so unusable offline) or, through adapter-pg, fails on PostgreSQL; the SQL it would run is
// committed per provider in prisma/migrations/<provider>/NNNN_name/migration.sql, so applying it
// is a small loop with a tracking table. Used by `npm start`, `npm run dev` and the tests.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { TDbTarget } from './target';

export type TMigration = { id: string; sql: string; checksum: string };
export type TMigrateResult = { applied: string[]; total: number };

const TABLE = '_nofx_migrations';

export function readMigrations(provider: TDbTarget['provider'], root = process.cwd()): TMigration[] {
  const dir = path.join(root, 'prisma', 'migrations', provider);
  if (!existsSync(dir)) throw new Error(`No migrations folder at ${dir}`);
  return readdirSync(dir)
    .filter((d) => /^\d{4}_[a-z0-9_]+$/.test(d))
    .sort()
    .map((id) => {
      const sql = readFileSync(path.join(dir, id, 'migration.sql'), 'utf8');
      return { id, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/** An applied migration whose file changed afterwards means two databases could now differ. */
function assertUnchanged(m: TMigration, appliedChecksum: string | undefined) {
  if (appliedChecksum !== undefined && appliedChecksum !== m.checksum) {
    throw new Error(
      `Migration ${m.id} was changed after it was applied. Write a new migration instead (npm run db:migration -- <name>).`,
    );
  }
}

export async function migrateDatabase(target: TDbTarget, opts: { root?: string } = {}): Promise<TMigrateResult> {
  const migrations = readMigrations(target.provider, opts.root);
  const applied =
    target.provider === 'sqlite' ? await migrateSqlite(target.filename, migrations) : await migratePostgres(target.url, migrations);
  return { applied, total: migrations.length };
}

async function migrateSqlite(filename: string, migrations: TMigration[]): Promise<string[]> {
  const { default: Database } = await import('better-sqlite3');
  mkdirSync(path.dirname(filename), { recursive: true });
  const db = new Database(filename, { timeout: 10_000 });
  try {
    // WAL lets the web server read while the CLI or a backtest writes.
    db.pragma('journal_mode = WAL');
    db.exec(`CREATE TABLE IF NOT EXISTS "${TABLE}" (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TEXT NOT NULL)`);
    const done: string[] = [];
    for (const m of migrations) {
      // IMMEDIATE takes the write lock first, so two starting processes cannot both apply m.
      db.exec('BEGIN IMMEDIATE');
      try {
        const row = db.prepare(`SELECT checksum FROM "${TABLE}" WHERE id = ?`).get(m.id) as { checksum: string } | undefined;
        assertUnchanged(m, row?.checksum);
        if (!row) {
          db.exec(m.sql);
          db.prepare(`INSERT INTO "${TABLE}" (id, checksum, applied_at) VALUES (?, ?, ?)`).run(m.id, m.checksum, new Date().toISOString());
          done.push(m.id);
        }
        db.exec('COMMIT');
      } catch (err) {
        db.exec('ROLLBACK');
        throw err;
      }
    }
    return done;
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: TMigration[]): Promise<string[]> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  // One migrator at a time across processes; the number is arbitrary but fixed.
  const LOCK = 727_001;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS "${TABLE}" (id TEXT PRIMARY KEY, checksum TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
    const { rows } = await client.query<{ id: string; checksum: string }>(`SELECT id, checksum FROM "${TABLE}"`);
    const appliedById = new Map(rows.map((r) => [r.id, r.checksum]));
    const done: string[] = [];
    for (const m of migrations) {
      assertUnchanged(m, appliedById.get(m.id));
      if (appliedById.has(m.id)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query(`INSERT INTO "${TABLE}" (id, checksum, applied_at) VALUES ($1, $2, now())`, [m.id, m.checksum]);
        await client.query('COMMIT');
        done.push(m.id);
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${m.id} failed: ${(err as Error).message}`);
      }
    }
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK]).catch(() => {});
    await client.end();
  }
}
