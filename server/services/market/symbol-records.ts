// MarketSymbol rows ↔ TSymbolRecord (server/markets/symbols.ts), the shape the market rules read.
import type { TMarketId, TBoard } from '@/server/markets/types';
import type { TExchange, TStPeriod, TSymbolKind, TSymbolRecord } from '@/server/markets/symbols';

type TSymbolRow = {
  symbol: string;
  market: string;
  exchange: string;
  board: string;
  kind: string;
  currency: string;
  nameZh: string | null;
  nameEn: string | null;
  lotSize: number;
  lotSizeAssumed: boolean;
  qtyStep: number;
  tick: number;
  listingDate: string | null;
  delistingDate: string | null;
  ipoPrice: number | null;
  registrationIpo: boolean | null;
  parValue: number | null;
  notes: string | null;
  origin: string;
  stPeriods?: { fromDate: string; toDate: string | null; kind: string }[];
};

export function rowToRecord(row: TSymbolRow): TSymbolRecord {
  const rec: TSymbolRecord = {
    symbol: row.symbol,
    market: row.market as TMarketId,
    exchange: row.exchange as TExchange,
    board: row.board as TBoard,
    kind: row.kind as TSymbolKind,
    currency: row.currency,
    name: { ...(row.nameZh ? { zh: row.nameZh } : {}), ...(row.nameEn ? { en: row.nameEn } : {}) },
    lotSize: row.lotSize,
    qtyStep: row.qtyStep,
    tick: row.tick,
    listingDate: row.listingDate,
    delistingDate: row.delistingDate,
    ipoPrice: row.ipoPrice,
    stHistory: (row.stPeriods ?? []).map((p) => ({ from: p.fromDate, to: p.toDate, kind: p.kind as TStPeriod['kind'] })),
    origin: row.origin as TSymbolRecord['origin'],
  };
  if (row.lotSizeAssumed) rec.lotSizeAssumed = true;
  if (row.registrationIpo !== null) rec.registrationIpo = row.registrationIpo;
  if (row.parValue !== null) rec.parValue = row.parValue;
  if (row.notes !== null) rec.notes = row.notes;
  return rec;
}

/** The columns of a record (without its ST periods, which are child rows). */
export function recordToRow(rec: TSymbolRecord) {
  return {
    symbol: rec.symbol,
    market: rec.market,
    exchange: rec.exchange,
    board: rec.board,
    kind: rec.kind,
    currency: rec.currency,
    nameZh: rec.name.zh ?? null,
    nameEn: rec.name.en ?? null,
    lotSize: rec.lotSize,
    lotSizeAssumed: rec.lotSizeAssumed ?? false,
    qtyStep: rec.qtyStep,
    tick: rec.tick,
    listingDate: rec.listingDate,
    delistingDate: rec.delistingDate,
    ipoPrice: rec.ipoPrice,
    registrationIpo: rec.registrationIpo ?? null,
    parValue: rec.parValue ?? null,
    notes: rec.notes ?? null,
    origin: rec.origin,
  };
}
