/**
 * A user's CSV into the bar store: all of it in one transaction, or nothing when a row is bad
 * (unless the user chose to skip bad rows). Rows are upserted by time, so importing the same file
 * again changes nothing. Every attempt is recorded with its outcome for the Data page.
 */
import { createHash } from 'node:crypto';
import { formatBarTime } from '@/server/data/bar-columns';
import { readCsvHead, suggestMapping } from '@/server/data/csv-mapping';
import { parseImportCsv } from '@/server/data/parse-import-csv';
import { isIntraday } from '@/server/data/resample-bars';
import { exchangeTimeZone } from '@/server/data/time-zones';
import type { TDb } from '@/server/db';
import { inferMarket } from '@/server/markets';
import { ensureMarketSymbol } from './ensure-market-symbol';
import { toRowErrorDtos, type TRowErrorDto } from './row-errors';
import type { TImportCsvInput } from './schemas';
import { writeBars } from './write-bars';

export type TImportCsvOutcome = {
  importId: string;
  ok: boolean;
  bars: number;
  from: string | null;
  to: string | null;
  mappingProblems: { code: string; field: string }[];
  rowErrors: TRowErrorDto[];
  totalRowErrors: number;
};

export async function importCsv(db: TDb, input: TImportCsvInput & { createdById?: string | null }): Promise<TImportCsvOutcome> {
  const market = inferMarket(input.symbol);
  const zone = exchangeTimeZone(market);
  const mapping = input.mapping ?? suggestMapping(readCsvHead(input.text).headers);
  const parsed = parseImportCsv(input.text, {
    mapping,
    sourceTimeZone: input.timeZone ?? zone,
    exchangeTimeZone: zone,
    volumeMultiplier: input.volumeUnit === 'lots' ? 100 : 1,
    skipBadRows: input.skipBadRows,
    intradayExpected: isIntraday(input.timeframe),
  });
  const checksum = createHash('sha256').update(input.text).digest('hex');
  const record = {
    kind: 'csv',
    symbol: input.symbol,
    timeframe: input.timeframe,
    adjustment: input.adjustment,
    source: input.fileName ? `csv:${input.fileName}` : 'csv-import',
    checksum,
    createdById: input.createdById ?? null,
  };
  if (!parsed.ok) {
    const rowErrors = toRowErrorDtos(parsed.errors);
    const row = await db.marketDataImport.create({
      data: {
        ...record,
        status: 'failed',
        errorCode: parsed.mappingProblems.length ? 'csv_mapping_invalid' : 'csv_rows_invalid',
        errorJson: JSON.stringify({ mappingProblems: parsed.mappingProblems, totalRowErrors: parsed.totalErrors }),
        rowsSkipped: parsed.totalErrors,
        rowErrorsJson: JSON.stringify(rowErrors.slice(0, 200)),
        finishedAt: new Date(),
      },
    });
    return { importId: row.id, ok: false, bars: 0, from: null, to: null, mappingProblems: parsed.mappingProblems, rowErrors, totalRowErrors: parsed.totalErrors };
  }
  const { bars, intraday } = parsed;
  await ensureMarketSymbol(db, input.symbol);
  const barTime = input.barTime ?? (market === 'crypto' ? 'start' : 'end');
  await writeBars(db, { symbol: input.symbol, timeframe: input.timeframe, adjustment: input.adjustment }, { source: record.source, barTime, timeZone: zone }, bars);
  const rowErrors = toRowErrorDtos(parsed.skipped);
  const row = await db.marketDataImport.create({
    data: {
      ...record,
      status: 'succeeded',
      progress: 1,
      rowsRead: bars.length + parsed.totalSkipped,
      rowsWritten: bars.length,
      rowsSkipped: parsed.totalSkipped,
      rowErrorsJson: rowErrors.length ? JSON.stringify(rowErrors.slice(0, 200)) : null,
      finishedAt: new Date(),
    },
  });
  return {
    importId: row.id,
    ok: true,
    bars: bars.length,
    from: formatBarTime(bars.time[0], intraday),
    to: formatBarTime(bars.time[bars.length - 1], intraday),
    mappingProblems: [],
    rowErrors,
    totalRowErrors: parsed.totalSkipped,
  };
}
