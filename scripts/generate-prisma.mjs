#!/usr/bin/env node
// Derives prisma/schema.postgres.prisma from prisma/schema.prisma (the SQLite source of truth) and
// generates both Prisma clients into server/db/generated/. One source file means the two providers
// cannot drift; tests/integration/schema-drift.test.ts fails if the committed copy is stale.
//
//   node scripts/generate-prisma.mjs            write the PostgreSQL schema, generate both clients
//   node scripts/generate-prisma.mjs --schemas  only write the PostgreSQL schema (no generate)
import { readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sqliteSchemaPath = path.join(root, 'prisma/schema.prisma');
const postgresSchemaPath = path.join(root, 'prisma/schema.postgres.prisma');

export const POSTGRES_HEADER =
  '// GENERATED from prisma/schema.prisma by scripts/generate-prisma.mjs — do not edit.\n' +
  '// Change prisma/schema.prisma and run `npm run db:generate`.\n\n';

/** Pure text transform, exported for the drift test. */
export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://unused"')
    .replace('generated/sqlite', 'generated/postgres');
  if (out.includes('"sqlite"') || !out.includes('generated/postgres')) {
    throw new Error('generate-prisma: prisma/schema.prisma no longer has the expected generator/datasource blocks');
  }
  return POSTGRES_HEADER + out;
}

function prisma(args) {
  const bin = path.join(root, 'node_modules/.bin/prisma');
  const res = spawnSync(bin, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (res.status !== 0) {
    process.stdout.write(res.stdout ?? '');
    throw new Error(`prisma ${args.join(' ')} failed with exit code ${res.status}`);
  }
}

function main() {
  const derived = derivePostgresSchema(readFileSync(sqliteSchemaPath, 'utf8'));
  writeFileSync(postgresSchemaPath, derived);
  if (process.argv.includes('--schemas')) return;
  prisma(['generate', '--config', 'prisma/sqlite.config.ts']);
  prisma(['generate', '--config', 'prisma/postgres.config.ts']);
  console.log('prisma: generated server/db/generated/{sqlite,postgres}');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
