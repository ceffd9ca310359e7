// Prisma CLI config for the SQLite schema (generate, migrate diff). JS engine + driver adapter
// because the native schema engine would be downloaded, and this project installs offline.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join(import.meta.dirname, 'schema.prisma'),
  // The CLI never touches a real database here: diffs run schema-to-schema.
  adapter: async () => new PrismaBetterSQLite3({ url: ':memory:' }),
});
