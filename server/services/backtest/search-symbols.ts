import type { TMarketDataReader } from '@/server/data/market-data';
import { findSymbol, symbolOption } from './resolve-symbols';
import type { TSymbolOption } from './schemas';

/** Symbols with data, matched on code or Chinese/English name ("茅台", "600519", "tencent"). */
export async function searchSymbols(reader: TMarketDataReader, input: { query: string; limit: number }): Promise<TSymbolOption[]> {
  const query = input.query.trim();
  const found = await reader.listSymbols(query ? { query } : undefined);
  // A code typed in another vendor spelling ("sh600519") matches no name or code substring.
  if (found.length === 0 && query) {
    const exact = await findSymbol(reader, query);
    if (exact) found.push(exact);
  }
  return found.slice(0, input.limit).map(symbolOption);
}
