// Start-up database work shared by `npm start`, `npm run dev` and the e2e server: validate env,
// create secrets on first run, apply migrations, seed.
import { createDb } from './client';
import { migrateDatabase } from './migrate';
import { seedDatabase } from './seed';
import { resolveDbTarget, type TDbTarget } from './target';
import { loadEnv } from '@/server/env';

export { EnvError } from '@/server/env';

export type TPrepareResult = { target: TDbTarget; applied: string[]; seeded: string[]; port: number };

export async function prepareDatabase(): Promise<TPrepareResult> {
  const env = loadEnv();
  const target = resolveDbTarget({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  const { applied } = await migrateDatabase(target);
  const db = createDb(target);
  try {
    const seeded = await seedDatabase(db);
    return { target, applied, seeded, port: env.port };
  } finally {
    await db.$disconnect();
  }
}
