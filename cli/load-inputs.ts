import fs from 'node:fs';
import path from 'node:path';
import { parseBarsCsvFile, formatCsvErrors, type TParseBarsResult } from '@/server/data/parse-bars-csv';
import type { TBarColumns } from '@/server/data/bar-columns';
import { getTemplate } from '@/templates';
import { CliError } from './cli-error';

export function readBarsFile(file: string, skipBadRows = false): { bars: TBarColumns; intraday: boolean } {
  let parsed: TParseBarsResult;
  try {
    // read in pieces and parsed as it arrives (see parseBarsCsvFile: no 40 MB buffer for a 1M-row file)
    parsed = parseBarsCsvFile(file, { skipBadRows });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (!e.syscall) throw error; // not an I/O error: a bug, keep its stack
    throw new CliError(`cannot read ${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  if (!parsed.ok) throw new CliError(`bad CSV (use --skip-bad-rows to ignore bad rows)\n${formatCsvErrors(file, parsed)}`);
  if (parsed.totalSkipped > 0) console.error(`skipped ${parsed.totalSkipped} bad row(s)\n${formatCsvErrors(file, { errors: parsed.skipped, totalErrors: parsed.totalSkipped })}`);
  return { bars: parsed.bars, intraday: parsed.intraday };
}

/** "SPY.US_daily.csv" → "SPY.US"; "bars.csv" → "BARS". */
export function symbolFromFileName(file: string): string {
  const base = path.basename(file).replace(/\.csv$/i, '');
  return base.replace(/_(daily|hourly|\d+min|1d|1h|1m|5m|15m|1w|weekly|qfq|hfq|futu)+.*$/i, '').toUpperCase();
}

/** A graph JSON file, or the id of a built-in template. */
export function readStrategy(ref: string): unknown {
  if (!ref.endsWith('.json') || !fs.existsSync(ref)) {
    const template = getTemplate(ref);
    if (template) return template.graph;
    if (!ref.endsWith('.json')) throw new CliError(`"${ref}" is neither a graph JSON file nor a built-in template id`);
  }
  let text: string;
  try {
    text = fs.readFileSync(ref, 'utf8');
  } catch {
    throw new CliError(`cannot read strategy file ${ref}`);
  }
  try {
    const json = JSON.parse(text) as { graph?: unknown };
    // Accept both a bare graph and an exported strategy/template that wraps one.
    return json && typeof json === 'object' && 'graph' in json && !('nodes' in json) ? json.graph : json;
  } catch (error) {
    throw new CliError(`${ref} is not valid JSON: ${(error as Error).message}`);
  }
}

export function parseDateOption(value: unknown, name: string, endOfDay: boolean): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  const t = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!(t === t)) throw new CliError(`--${name} must be a date like 2020-01-31, got "${value}"`);
  return endOfDay ? t + 86_400_000 - 1 : t;
}
