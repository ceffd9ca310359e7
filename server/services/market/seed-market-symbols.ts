/**
 * Seed step: the symbol master gets a row per bundled symbol (SEED_SYMBOLS). Rows still marked
 * `origin: 'seed'` follow the seed when it is corrected in a later version; rows a user edited
 * (`origin: 'user'`) are left alone.
 */
import type { TDb } from '@/server/db';
import { SEED_SYMBOLS } from '@/server/markets/symbols';
import { recordToRow } from './symbol-records';

export async function seedMarketSymbols(db: TDb): Promise<number> {
  const existing = new Map((await db.marketSymbol.findMany({ select: { symbol: true, origin: true } })).map((r) => [r.symbol, r.origin]));
  let written = 0;
  for (const rec of SEED_SYMBOLS) {
    const origin = existing.get(rec.symbol);
    if (origin !== undefined && origin !== 'seed') continue;
    const stPeriods = rec.stHistory.map((p) => ({ fromDate: p.from, toDate: p.to, kind: p.kind }));
    await db.$transaction(async (tx) => {
      await tx.marketSymbolStPeriod.deleteMany({ where: { symbol: rec.symbol } });
      await tx.marketSymbol.upsert({
        where: { symbol: rec.symbol },
        create: { ...recordToRow(rec), stPeriods: { create: stPeriods } },
        update: { ...recordToRow(rec), stPeriods: { create: stPeriods } },
      });
    });
    written++;
  }
  return written;
}
