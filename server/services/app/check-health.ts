import { getDb, getDbTarget } from '@/server/db';

export type THealth = { ok: boolean; database: 'sqlite' | 'postgres'; error?: string };

export async function checkHealth(): Promise<THealth> {
  const database = getDbTarget().provider;
  try {
    await getDb().appSetting.count();
    return { ok: true, database };
  } catch {
    // The reason goes to the server log via Prisma; the probe only needs up/down.
    return { ok: false, database, error: 'database_unreachable' };
  }
}
