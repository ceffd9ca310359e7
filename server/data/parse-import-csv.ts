/**
 * A user's CSV → bars ready for the store: mapping, validation (every bad row, with its number
 * and reason), time-zone conversion to exchange-local time and volume units. Pure: the CLI, the
 * preview and the import service all call this, so they agree on what a file contains.
 */
import type { TBarColumns } from './bar-columns';
import { applyMapping, checkMapping, readCsvHead, type TCsvMapping, type TMappingProblem } from './csv-mapping';
import { parseBarsCsv, type TCsvRowError } from './parse-bars-csv';
import { convertWallClock } from './time-zones';

export interface TImportCsvOptions {
  mapping: TCsvMapping;
  /** zone the file's times are written in; default: the exchange's */
  sourceTimeZone: string;
  exchangeTimeZone: string;
  /** multiply volume by this (100 for files counting A-share lots) */
  volumeMultiplier: number;
  skipBadRows: boolean;
  /** bad rows to list; all are counted. Default 5000 (the UI pages through them). */
  maxErrors?: number;
  /** whether the chosen timeframe is intraday: a file of dates cannot be 5-minute bars, nor the reverse */
  intradayExpected?: boolean;
}

export type TImportCsvResult =
  | { ok: true; bars: TBarColumns; intraday: boolean; skipped: TCsvRowError[]; totalSkipped: number }
  | { ok: false; mappingProblems: TMappingProblem[]; errors: TCsvRowError[]; totalErrors: number };

export function parseImportCsv(text: string, options: TImportCsvOptions): TImportCsvResult {
  const head = readCsvHead(text);
  const mappingProblems = checkMapping(options.mapping, head.headers.length);
  if (mappingProblems.length > 0) return { ok: false, mappingProblems, errors: [], totalErrors: 0 };
  const parsed = parseBarsCsv(applyMapping(text, options.mapping), { skipBadRows: options.skipBadRows, maxErrors: options.maxErrors ?? 5000 });
  if (!parsed.ok) return { ok: false, mappingProblems: [], errors: parsed.errors, totalErrors: parsed.totalErrors };
  if (options.intradayExpected !== undefined && options.intradayExpected !== parsed.intraday) {
    return { ok: false, mappingProblems: [{ code: 'timeframe_mismatch', field: 'time' }], errors: [], totalErrors: 0 };
  }
  const bars = parsed.bars;
  if (options.volumeMultiplier !== 1) for (let i = 0; i < bars.length; i++) bars.volume[i] *= options.volumeMultiplier;
  // Dates without a clock are trading dates already; only clock times move between zones.
  if (parsed.intraday && options.sourceTimeZone !== options.exchangeTimeZone) {
    for (let i = 0; i < bars.length; i++) bars.time[i] = convertWallClock(bars.time[i], options.sourceTimeZone, options.exchangeTimeZone);
  }
  return { ok: true, bars, intraday: parsed.intraday, skipped: parsed.skipped, totalSkipped: parsed.totalSkipped };
}
