// Seeding that every database gets at start (idempotent). Later issues append steps here:
// bundled market-data metadata (data/market) and built-in strategy templates (templates/).
import type { TDb } from './client';
import { importBundledData } from '@/server/services/market/import-bundled-data';
import { seedMarketSymbols } from '@/server/services/market/seed-market-symbols';

export type TSeedStep = { id: string; run: (db: TDb) => Promise<void> };

export const SEED_STEPS: TSeedStep[] = [
  {
    id: 'app-meta',
    // Lets support questions ask "when was this install first started?"
    run: async (db) => {
      await db.appSetting.upsert({
        where: { key: 'app.firstStartedAt' },
        create: { key: 'app.firstStartedAt', value: new Date().toISOString() },
        update: {},
      });
    },
  },
  // Symbol master rows for the bundled symbols (names, lots, listing dates), then their bars.
  { id: 'market-symbols', run: async (db) => void (await seedMarketSymbols(db)) },
  { id: 'market-bundled-bars', run: async (db) => void (await importBundledData(db)) },
];

export async function seedDatabase(db: TDb, steps: TSeedStep[] = SEED_STEPS): Promise<string[]> {
  for (const step of steps) await step.run(db);
  return steps.map((s) => s.id);
}
