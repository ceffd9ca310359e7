/**
 * Column mapping for user CSV imports: what each column of someone else's file means. The
 * parser (parse-bars-csv.ts) reads one fixed vocabulary, so a mapping only rewrites the header
 * line and the fast byte parser does the rest: no second parser to keep in step.
 */
export const BAR_FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume', 'amount'] as const;
export type TBarField = (typeof BAR_FIELDS)[number];
/** field → 0-based column index; amount is optional */
export type TCsvMapping = Partial<Record<TBarField, number>>;

export interface TCsvHead {
  headers: string[];
  /** first rows split into cells (for the preview table) */
  sample: string[][];
  /** data rows in the file (lines after the header that are not blank) */
  rowCount: number;
}

const SAMPLE_ROWS = 8;

function firstLine(text: string): { line: string; rest: string } {
  const i = text.indexOf('\n');
  return i < 0 ? { line: text, rest: '' } : { line: text.slice(0, i), rest: text.slice(i + 1) };
}

export function readCsvHead(text: string): TCsvHead {
  const clean = text.replace(/^\uFEFF/, '');
  const { line, rest } = firstLine(clean);
  const headers = line.replace(/\r$/, '').split(',').map((h) => h.trim());
  const lines = rest.split('\n');
  const sample: string[][] = [];
  let rowCount = 0;
  for (const raw of lines) {
    const l = raw.replace(/\r$/, '');
    if (l.trim() === '') continue;
    rowCount++;
    if (sample.length < SAMPLE_ROWS) sample.push(l.split(','));
  }
  return { headers, sample, rowCount };
}

/** Header names seen in the wild (our files, Tushare, Futu, Yahoo, AkShare's Chinese names, TDX). */
const ALIASES: Record<TBarField, string[]> = {
  time: ['date', 'datetime', 'time', 'timestamp', 'trade_date', 'time_key', 'open_time', '日期', '时间', '交易日期'],
  open: ['open', 'open_price', 'openprice', '开盘', '开盘价'],
  high: ['high', 'high_price', 'highprice', '最高', '最高价'],
  low: ['low', 'low_price', 'lowprice', '最低', '最低价'],
  close: ['close', 'close_price', 'closeprice', '收盘', '收盘价'],
  volume: ['volume', 'vol', '成交量'],
  amount: ['amount', 'turnover', 'quote_volume', '成交额', '成交金额'],
};

/** A best guess the user confirms or changes in the preview. */
export function suggestMapping(headers: string[]): TCsvMapping {
  const mapping: TCsvMapping = {};
  const lower = headers.map((h) => h.trim().toLowerCase());
  for (const field of BAR_FIELDS) {
    const k = lower.findIndex((h, i) => ALIASES[field].includes(h) && !Object.values(mapping).includes(i));
    if (k >= 0) mapping[field] = k;
  }
  return mapping;
}

export type TMappingProblem = { code: 'mapping_missing'; field: TBarField } | { code: 'mapping_duplicate'; field: TBarField } | { code: 'mapping_out_of_range'; field: TBarField } | { code: 'timeframe_mismatch'; field: TBarField };

export function checkMapping(mapping: TCsvMapping, columnCount: number): TMappingProblem[] {
  const problems: TMappingProblem[] = [];
  const used = new Map<number, TBarField>();
  for (const field of BAR_FIELDS) {
    const k = mapping[field];
    if (k === undefined) {
      if (field !== 'amount') problems.push({ code: 'mapping_missing', field });
      continue;
    }
    if (!(Number.isInteger(k) && k >= 0 && k < columnCount)) problems.push({ code: 'mapping_out_of_range', field });
    else if (used.has(k)) problems.push({ code: 'mapping_duplicate', field });
    else used.set(k, field);
  }
  return problems;
}

/**
 * The file with its header line replaced by the parser's vocabulary (`datetime,open,…`), other
 * columns renamed so they are ignored. Only the first line changes; the bytes after it are shared.
 */
export function applyMapping(text: string, mapping: TCsvMapping): string {
  const clean = text.replace(/^\uFEFF/, '');
  const { line, rest } = firstLine(clean);
  const count = line.replace(/\r$/, '').split(',').length;
  const names = Array.from({ length: count }, (_, i) => `ignored_${i}`);
  for (const field of BAR_FIELDS) {
    const k = mapping[field];
    if (k !== undefined) names[k] = field === 'time' ? 'datetime' : field;
  }
  return `${names.join(',')}\n${rest}`;
}
