// Prisma CLI config for the generated PostgreSQL schema (generate, migrate diff). JS engine +
// driver adapter so nothing is downloaded. Migrations are not applied through this adapter
// (adapter-pg fails on `name` columns in migrate); our own runner applies the committed SQL.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(import.meta.dirname, 'schema.postgres.prisma'),
  // Only used if a command needs a live database; diffs run schema-to-schema.
  adapter: async () =>
    new PrismaPg({
      connectionString: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
      idleTimeoutMillis: 500,
    }),
});
