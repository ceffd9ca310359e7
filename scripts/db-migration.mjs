#!/usr/bin/env node
// Writes a new SQL migration for BOTH providers from the change in prisma/schema.prisma.
//
//   npm run db:migration -- add_trader_table
//
// Each migration folder keeps a snapshot of the schema it leads to (schema.prisma), so the next
// migration is a plain schema-to-schema `prisma migrate diff --script`: no shadow database and no
// native schema engine (which would be downloaded). server/db/migrate.ts applies the SQL.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { derivePostgresSchema } from './generate-prisma.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const name = (process.argv[2] ?? '').trim();
if (!/^[a-z0-9_]{1,60}$/.test(name)) {
  console.error('usage: npm run db:migration -- <snake_case_name>');
  process.exit(2);
}

const providers = [
  { id: 'sqlite', config: 'prisma/sqlite.config.ts', schema: 'prisma/schema.prisma' },
  { id: 'postgres', config: 'prisma/postgres.config.ts', schema: 'prisma/schema.postgres.prisma' },
];

// Keep the PostgreSQL schema in step before diffing it.
writeFileSync(
  path.join(root, 'prisma/schema.postgres.prisma'),
  derivePostgresSchema(readFileSync(path.join(root, 'prisma/schema.prisma'), 'utf8')),
);

for (const p of providers) {
  const dir = path.join(root, 'prisma/migrations', p.id);
  mkdirSync(dir, { recursive: true });
  const existing = readdirSync(dir).filter((d) => /^\d{4}_/.test(d)).sort();
  const last = existing.at(-1);
  const from = last ? ['--from-schema-datamodel', path.join(dir, last, 'schema.prisma')] : ['--from-empty'];
  const res = spawnSync(
    path.join(root, 'node_modules/.bin/prisma'),
    ['migrate', 'diff', '--config', p.config, ...from, '--to-schema-datamodel', p.schema, '--script'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, CHECKPOINT_DISABLE: '1' } },
  );
  if (res.status !== 0) {
    console.error(res.stderr);
    process.exit(1);
  }
  const sql = res.stdout.trim();
  if (!sql || sql.includes('This is an empty migration')) {
    console.log(`${p.id}: no schema change`);
    continue;
  }
  const seq = String(existing.length + 1).padStart(4, '0');
  const target = path.join(dir, `${seq}_${name}`);
  if (existsSync(target)) throw new Error(`${target} exists`);
  mkdirSync(target);
  writeFileSync(path.join(target, 'migration.sql'), sql + '\n');
  writeFileSync(path.join(target, 'schema.prisma'), readFileSync(path.join(root, p.schema), 'utf8'));
  console.log(`${p.id}: wrote ${path.relative(root, target)}/migration.sql`);
}
