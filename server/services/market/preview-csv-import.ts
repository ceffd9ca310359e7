/**
 * What a CSV would import, without writing anything: its columns, a few rows, the mapping we
 * guess (or the user chose) and every bad row with its number and reason.
 */
import { formatBarTime } from '@/server/data/bar-columns';
import { readCsvHead, suggestMapping, type TCsvMapping } from '@/server/data/csv-mapping';
import { parseImportCsv } from '@/server/data/parse-import-csv';
import { isIntraday } from '@/server/data/resample-bars';
import { exchangeTimeZone } from '@/server/data/time-zones';
import { inferMarket } from '@/server/markets';
import { toRowErrorDtos, type TRowErrorDto } from './row-errors';
import type { TCsvImportOptions } from './schemas';

export type TCsvPreview = {
  headers: string[];
  sample: string[][];
  rowCount: number;
  mapping: TCsvMapping;
  suggestedMapping: TCsvMapping;
  exchangeTimeZone: string;
  mappingProblems: { code: string; field: string }[];
  ok: boolean;
  bars: number;
  from: string | null;
  to: string | null;
  intraday: boolean;
  rowErrors: TRowErrorDto[];
  totalRowErrors: number;
};

export function previewCsvImport(input: TCsvImportOptions & { text: string }): TCsvPreview {
  const head = readCsvHead(input.text);
  const suggestedMapping = suggestMapping(head.headers);
  const mapping = input.mapping ?? suggestedMapping;
  const zone = exchangeTimeZone(inferMarket(input.symbol));
  const parsed = parseImportCsv(input.text, {
    mapping,
    sourceTimeZone: input.timeZone ?? zone,
    exchangeTimeZone: zone,
    volumeMultiplier: input.volumeUnit === 'lots' ? 100 : 1,
    skipBadRows: input.skipBadRows,
    intradayExpected: isIntraday(input.timeframe),
  });
  const base = { headers: head.headers, sample: head.sample, rowCount: head.rowCount, mapping, suggestedMapping, exchangeTimeZone: zone };
  if (!parsed.ok) {
    return { ...base, mappingProblems: parsed.mappingProblems, ok: false, bars: 0, from: null, to: null, intraday: false, rowErrors: toRowErrorDtos(parsed.errors), totalRowErrors: parsed.totalErrors };
  }
  const { bars, intraday } = parsed;
  return {
    ...base,
    mappingProblems: [],
    ok: true,
    bars: bars.length,
    from: formatBarTime(bars.time[0], intraday),
    to: formatBarTime(bars.time[bars.length - 1], intraday),
    intraday,
    rowErrors: toRowErrorDtos(parsed.skipped),
    totalRowErrors: parsed.totalSkipped,
  };
}
