// Which database to use: PostgreSQL when DATABASE_URL says so, else the embedded SQLite file.
import path from 'node:path';

export type TDbTarget =
  | { provider: 'sqlite'; url: string; filename: string }
  | { provider: 'postgres'; url: string };

export const DEFAULT_SQLITE_FILE = 'nofx.db';

export function resolveDbTarget(opts: { databaseUrl?: string; dataDir: string }): TDbTarget {
  const url = opts.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) return { provider: 'postgres', url };
  // `file:` URLs are relative to the working directory (the repo root), like Prisma's CLI.
  const filename = url?.startsWith('file:')
    ? path.resolve(url.slice('file:'.length).replace(/^\/\//, ''))
    : path.join(opts.dataDir, DEFAULT_SQLITE_FILE);
  return { provider: 'sqlite', url: `file:${filename}`, filename };
}
