// Edits a symbol-master row (names, lot, tick, dates, ST history); the result is checked by the
// same validateRecord the pure master uses, and marked as the user's so seeding leaves it alone.
import type { TDb } from '@/server/db';
import { validateRecord, type TSymbolRecord } from '@/server/markets/symbols';
import { AppError } from '@/server/services/errors';
import { ensureMarketSymbol } from './ensure-market-symbol';
import type { TUpdateMarketSymbol } from './schemas';
import { recordToRow, rowToRecord } from './symbol-records';

export async function updateMarketSymbol(db: TDb, input: TUpdateMarketSymbol): Promise<TSymbolRecord> {
  await ensureMarketSymbol(db, input.symbol);
  const row = await db.marketSymbol.findUniqueOrThrow({ where: { symbol: input.symbol }, include: { stPeriods: true } });
  const base = rowToRecord(row);
  const next: TSymbolRecord = {
    ...base,
    name: { zh: input.nameZh ?? base.name.zh, en: input.nameEn ?? base.name.en },
    lotSize: input.lotSize ?? base.lotSize,
    tick: input.tick ?? base.tick,
    listingDate: input.listingDate === undefined ? base.listingDate : input.listingDate,
    delistingDate: input.delistingDate === undefined ? base.delistingDate : input.delistingDate,
    stHistory: input.stHistory ?? base.stHistory,
    origin: 'user',
  };
  if (input.lotSize !== undefined) delete next.lotSizeAssumed;
  if (!next.name.zh) delete next.name.zh;
  if (!next.name.en) delete next.name.en;
  if (validateRecord(next).length > 0) throw new AppError('symbol_record_invalid');
  await db.$transaction(async (tx) => {
    await tx.marketSymbolStPeriod.deleteMany({ where: { symbol: next.symbol } });
    await tx.marketSymbol.update({
      where: { symbol: next.symbol },
      data: { ...recordToRow(next), stPeriods: { create: next.stHistory.map((p) => ({ fromDate: p.from, toDate: p.to, kind: p.kind })) } },
    });
  });
  return next;
}
