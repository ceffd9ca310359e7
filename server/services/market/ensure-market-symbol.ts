// A symbol that gets bars also gets a symbol-master row (inferred from its code when unknown),
// so the Data page and the market rules see it.
import type { TDb } from '@/server/db';
import { inferRecord } from '@/server/markets/symbols';
import { recordToRow } from './symbol-records';

export async function ensureMarketSymbol(db: TDb, symbol: string, name?: { zh?: string; en?: string }): Promise<void> {
  const existing = await db.marketSymbol.findUnique({ where: { symbol }, select: { symbol: true, nameZh: true, nameEn: true, origin: true } });
  if (!existing) {
    const rec = inferRecord(symbol);
    await db.marketSymbol.create({ data: recordToRow({ ...rec, name: name ?? {} }) });
  } else if (existing.origin === 'inferred' && name && !existing.nameZh && !existing.nameEn) {
    // A provider's name fills an inferred row's blank name; a name the user typed is never replaced.
    await db.marketSymbol.update({ where: { symbol }, data: { nameZh: name.zh ?? null, nameEn: name.en ?? null } });
  }
}
