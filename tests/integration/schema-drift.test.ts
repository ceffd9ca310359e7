// The PostgreSQL schema is derived from the SQLite one, and every schema change has a migration.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error -- plain .mjs script without type declarations
import { derivePostgresSchema } from '@/scripts/generate-prisma.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const read = (p: string) => readFileSync(path.join(root, p), 'utf8');

function lastSnapshot(provider: string) {
  const dir = path.join('prisma/migrations', provider);
  const last = readdirSync(path.join(root, dir)).filter((d) => /^\d{4}_/.test(d)).sort().at(-1);
  return read(path.join(dir, last!, 'schema.prisma'));
}

describe('schema drift', () => {
  it('prisma/schema.postgres.prisma is exactly what the generator derives (run `npm run db:generate`)', () => {
    expect(read('prisma/schema.postgres.prisma')).toBe(derivePostgresSchema(read('prisma/schema.prisma')));
  });

  it('the latest migration of each provider matches the current schema (run `npm run db:migration -- <name>`)', () => {
    expect(lastSnapshot('sqlite')).toBe(read('prisma/schema.prisma'));
    expect(lastSnapshot('postgres')).toBe(read('prisma/schema.postgres.prisma'));
  });

  it('both providers have the same migrations', () => {
    const ids = (p: string) => readdirSync(path.join(root, 'prisma/migrations', p)).sort();
    expect(ids('postgres')).toEqual(ids('sqlite'));
  });
});
