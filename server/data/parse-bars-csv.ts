import fs from 'node:fs';
import { allocBarColumns, type TBarColumns } from './bar-columns';

/**
 * Parses `date|datetime,open,high,low,close,volume[,amount]` CSV into columns.
 * Hand-rolled over bytes in one pass per field because it is on the path of every backtest:
 * `nofx bench` measures a 1M-row file. Times are exchange-local wall-clock time encoded as if
 * UTC (see docs/ARCHITECTURE.md).
 */

export interface TCsvRowError {
  row: number; // 1-based line number in the file (the header is row 1)
  field?: string;
  message: string;
  /** stable reason, for the UI to say it in the user's language (messages: data.rowError) */
  code?: TCsvRowErrorCode;
  /** the values the message quotes (the bad text, high and low, …) */
  params?: Record<string, string | number>;
}

export type TCsvRowErrorCode =
  | 'empty_file'
  | 'no_time_column'
  | 'missing_column'
  | 'no_bars'
  | 'wrong_field_count'
  | 'not_a_date'
  | 'empty_value'
  | 'not_a_number'
  | 'unreadable_row'
  | 'high_below_low'
  | 'negative_volume'
  | 'duplicate_time'
  | 'unsorted_time';

export type TParseBarsResult =
  | { ok: true; bars: TBarColumns; intraday: boolean; hasAmount: boolean; skipped: TCsvRowError[]; totalSkipped: number }
  | { ok: false; errors: TCsvRowError[]; totalErrors: number };

export interface TParseBarsOptions {
  /** keep the good rows and report the bad ones as skipped, instead of failing the whole file */
  skipBadRows?: boolean;
  /** how many bad rows to list (all are counted); default 20, imports ask for all of them */
  maxErrors?: number;
}

const MAX_REPORTED_ERRORS = 20;
const REQUIRED = ['open', 'high', 'low', 'close', 'volume'] as const;
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];
const COMMA = 44;
const LF = 10;
const CR = 13;
const SPACE = 32;

/** Where the last parse stopped (the delimiter's index); a module variable avoids a result object per field. */
let fieldEnd = 0;

export function parseBarsCsv(input: string | Uint8Array, options: TParseBarsOptions = {}): TParseBarsResult {
  // A plain Uint8Array view (not a Buffer) so every byte read below sees one array map.
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  const parse = new CsvBarsParse(options);
  const pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0; // UTF-8 BOM
  const headerEnd = lineEnd(bytes, pos);
  if (!parse.readHeader(decode(bytes, pos, headerEnd))) return parse.failure();
  // Rows after the header = line feeds after it, plus one when the file does not end with one.
  let lines = bytes.length > 0 && bytes[bytes.length - 1] !== LF ? 1 : 0;
  for (let p = bytes.indexOf(LF, headerEnd + 1); p >= 0; p = bytes.indexOf(LF, p + 1)) lines++;
  parse.allocate(lines);
  parse.readLines(bytes, headerEnd + 1);
  return parse.finish();
}

const READ_CHUNK = 1 << 20;

/**
 * parseBarsCsv for a file, read in 1 MB pieces into one reused buffer instead of all at once:
 * the rows are parsed as they arrive and the file's bytes never need memory of their own. On
 * this VM the first touch of fresh memory costs ~2.7 ms per MB in page faults, so reading a
 * 44 MB file whole cost more than parsing it. Same rows, errors and row numbers as parseBarsCsv.
 * Throws what fs throws (no such file, ...).
 */
export function parseBarsCsvFile(file: string, options: TParseBarsOptions = {}): TParseBarsResult {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    let buffer = new Uint8Array(Math.min(READ_CHUNK, Math.max(16, size)));
    let filled = 0;
    let eof = false;
    const fill = () => {
      while (!eof && filled < buffer.length) {
        const got = fs.readSync(fd, buffer, filled, buffer.length - filled, null);
        if (got === 0) eof = true;
        filled += got;
      }
    };
    /** Keeps bytes [from, filled), moved to the front, and reads more after them (growing the buffer for a line longer than it). */
    const refill = (from: number) => {
      if (from === 0 && filled === buffer.length) {
        const grown = new Uint8Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      } else {
        buffer.copyWithin(0, from, filled);
        filled -= from;
      }
      fill();
    };
    fill();
    const parse = new CsvBarsParse(options);
    let pos = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
    let headerEnd = buffer.subarray(0, filled).indexOf(LF, pos);
    while (headerEnd < 0 && !eof) {
      refill(0);
      headerEnd = buffer.subarray(0, filled).indexOf(LF, pos);
    }
    if (headerEnd < 0) headerEnd = filled;
    if (!parse.readHeader(decode(buffer, pos, headerEnd))) return parse.failure();
    // Capacity from the first row's length, with room to spare; grown by doubling if the rows
    // get shorter, and the columns handed out are views of the rows read (no trimming copy).
    const firstRowEnd = buffer.subarray(0, filled).indexOf(LF, headerEnd + 1);
    const rowBytes = Math.max(8, (firstRowEnd < 0 ? filled : firstRowEnd) - headerEnd);
    parse.allocate(Math.ceil(((size - headerEnd) / rowBytes) * 1.25) + 16);
    pos = headerEnd + 1;
    for (;;) {
      // parse the complete lines in the buffer; the last, partial one waits for more bytes
      const end = eof ? filled : buffer.subarray(0, filled).lastIndexOf(LF) + 1;
      if (end > pos) {
        parse.readLines(buffer.subarray(0, end), pos);
        pos = end;
      }
      if (eof) break;
      refill(pos);
      pos = 0;
    }
    return parse.finish();
  } finally {
    fs.closeSync(fd);
  }
}

/** One parse in progress: the header's layout, the columns filled so far and the errors. */
class CsvBarsParse {
  private readonly errors: TCsvRowError[] = [];
  private totalErrors = 0;
  private readonly maxErrors: number;
  private header: string[] = [];
  private timeCol = -1;
  /** what each column feeds: 0..5 = open, high, low, close, volume, amount; -1 = time; -2 = ignored */
  private role: number[] = [];
  private hasAmount = false;
  private bars: TBarColumns = allocBarColumns(0);
  private targets: Float64Array[] = [];
  private n = 0;
  private row = 1;
  private intraday = false;

  constructor(private readonly options: TParseBarsOptions) {
    this.maxErrors = options.maxErrors ?? MAX_REPORTED_ERRORS;
  }

  private fail(row: number, message: string, field?: string, code?: TCsvRowErrorCode, params?: Record<string, string | number>): void {
    this.totalErrors++;
    if (this.errors.length < this.maxErrors) this.errors.push(code ? { row, field, message, code, params } : { row, field, message });
  }

  failure(): TParseBarsResult {
    return { ok: false, errors: this.errors, totalErrors: this.totalErrors };
  }

  /** False when the header is unusable (the errors say why). */
  readHeader(line: string): boolean {
    const header = line.replace(/\r$/, '').split(',').map((h) => h.trim().toLowerCase());
    this.header = header;
    if (header.length === 1 && header[0] === '') {
      this.fail(1, 'the file is empty', undefined, 'empty_file');
      return false;
    }
    const timeCol = header.findIndex((h) => h === 'date' || h === 'datetime' || h === 'time' || h === 'timestamp');
    this.timeCol = timeCol;
    if (timeCol < 0) this.fail(1, `no date column: the header needs "date" or "datetime" (found: ${header.join(', ')})`, undefined, 'no_time_column', { found: header.join(', ') });
    for (const name of REQUIRED) if (!header.includes(name)) this.fail(1, `missing column "${name}"`, name, 'missing_column', { column: name });
    if (this.totalErrors > 0) return false;
    const fields = ['open', 'high', 'low', 'close', 'volume', 'amount'];
    this.role = header.map((h, k) => (k === timeCol ? -1 : fields.indexOf(h) === -1 ? -2 : fields.indexOf(h)));
    this.hasAmount = header.includes('amount');
    return true;
  }

  allocate(capacity: number): void {
    this.bars = allocBarColumns(capacity);
    this.targets = [this.bars.open, this.bars.high, this.bars.low, this.bars.close, this.bars.volume, this.bars.amount];
  }

  private grow(): void {
    const grown = allocBarColumns(Math.max(16, this.bars.length * 2));
    for (const f of ['time', 'open', 'high', 'low', 'close', 'volume', 'amount'] as const) grown[f].set(this.bars[f]);
    this.bars = grown;
    this.targets = [grown.open, grown.high, grown.low, grown.close, grown.volume, grown.amount];
  }

  /** Reads the rows of `bytes` from `pos`; `bytes` ends at the end of a line (or of the file). */
  readLines(bytes: Uint8Array, pos: number): void {
    const length = bytes.length;
    const { role, header, timeCol, hasAmount } = this;
    let bars = this.bars;
    let n = this.n;
    let row = this.row;
    while (pos < length) {
      row++;
      if (n === bars.length) {
        this.grow();
        bars = this.bars;
      }
      const next = parseRow(bytes, pos, role, this.targets, n);
      if (next < 0) {
        // The fast path gave up on this row: find out why, slowly, for the message.
        const stop = lineEnd(bytes, pos);
        const text = decode(bytes, pos, stop).replace(/\r$/, '');
        if (text.trim() !== '') {
          const problem = describeRowProblem(text, header, role);
          this.fail(row, problem.message, problem.field, problem.code, problem.params);
        }
        pos = stop + 1;
        continue;
      }
      pos = next;
      const t = rowTime;
      const high = bars.high[n];
      const low = bars.low[n];
      if (high < low) this.fail(row, `high ${high} is below low ${low}`, 'high', 'high_below_low', { high, low });
      else if (bars.volume[n] < 0) this.fail(row, `negative volume ${bars.volume[n]}`, 'volume', 'negative_volume', { volume: bars.volume[n] });
      else if (n > 0 && t <= bars.time[n - 1]) {
        const duplicate = t === bars.time[n - 1];
        this.fail(row, duplicate ? 'duplicate time (same as the row before)' : 'time is earlier than the row before: rows must be sorted ascending', header[timeCol], duplicate ? 'duplicate_time' : 'unsorted_time');
      } else {
        bars.time[n] = t;
        if (!hasAmount) bars.amount[n] = NaN;
        if (rowHasClock) this.intraday = true;
        n++;
      }
    }
    this.n = n;
    this.row = row;
  }

  finish(): TParseBarsResult {
    const { errors, totalErrors, n, maxErrors } = this;
    if (totalErrors > 0 && !this.options.skipBadRows) return { ok: false, errors, totalErrors };
    if (n === 0) return { ok: false, errors: [{ row: 2, message: 'the file has a header but no bars', code: 'no_bars' as const }, ...errors].slice(0, Math.max(1, maxErrors)), totalErrors: totalErrors + 1 };
    return { ok: true, bars: trim(this.bars, n), intraday: this.intraday, hasAmount: this.hasAmount, skipped: errors, totalSkipped: totalErrors };
  }
}

/** The time of the row parseRow last read, and whether it had a clock time (module variables: no result object per row). */
let rowTime = NaN;
let rowHasClock = false;

/**
 * Reads one well-formed row into the targets at index n and returns where the next row starts,
 * or -1 when anything is off (wrong field count, a value that is not a number or a date); the
 * caller then explains the problem with describeRowProblem. Empty amounts read as NaN.
 */
function parseRow(bytes: Uint8Array, pos: number, role: number[], targets: Float64Array[], n: number): number {
  const length = bytes.length;
  const columnCount = role.length;
  for (let c = 0; c < columnCount; c++) {
    const r = role[c];
    let v: number;
    if (r === -1) v = rowTime = parseTime(bytes, pos);
    else if (r === -2) {
      v = 0;
      let e = pos;
      while (e < length && bytes[e] !== COMMA && bytes[e] !== LF && bytes[e] !== CR) e++;
      fieldEnd = e;
    } else {
      v = parseNumber(bytes, pos);
      if (v !== v && !(r === 5 && fieldEnd === pos)) return -1;
    }
    if (r === -1 && v !== v) return -1;
    const end = fieldEnd;
    const delimiter = end < length ? bytes[end] : LF;
    if (c === columnCount - 1) {
      if (delimiter === LF) pos = end + 1;
      else if (delimiter === CR && (end + 1 >= length || bytes[end + 1] === LF)) pos = end + 2;
      else return -1;
    } else if (delimiter === COMMA) pos = end + 1;
    else return -1;
    // One branch per column instead of targets[r][n]: each store then sees a single array.
    if (r === 0) targets[0][n] = v;
    else if (r === 1) targets[1][n] = v;
    else if (r === 2) targets[2][n] = v;
    else if (r === 3) targets[3][n] = v;
    else if (r === 4) targets[4][n] = v;
    else if (r === 5) targets[5][n] = v;
  }
  return pos;
}

/** Why a row failed the fast path, in words, naming the field. */
function describeRowProblem(text: string, header: string[], role: number[]): { message: string; field?: string; code: TCsvRowErrorCode; params?: Record<string, string | number> } {
  const cells = text.split(',');
  if (cells.length !== header.length) return { message: `expected ${header.length} fields, found ${cells.length}`, code: 'wrong_field_count', params: { expected: header.length, found: cells.length } };
  for (let c = 0; c < cells.length; c++) {
    const raw = cells[c].trim();
    if (role[c] === -1) {
      const bytes = new TextEncoder().encode(raw);
      if (parseTime(bytes, 0) !== parseTime(bytes, 0)) return { message: `not a date: "${raw}" (expected YYYY-MM-DD or YYYY-MM-DD HH:MM[:SS])`, field: header[c], code: 'not_a_date', params: { value: raw } };
    } else if (role[c] >= 0) {
      if (raw === '' && role[c] === 5) continue;
      if (raw === '') return { message: 'empty value', field: header[c], code: 'empty_value' };
      if (!Number.isFinite(Number(raw))) return { message: `not a number: "${raw}"`, field: header[c], code: 'not_a_number', params: { value: raw } };
    }
  }
  return { message: 'the row could not be read', code: 'unreadable_row' };
}

function lineEnd(bytes: Uint8Array, from: number): number {
  const i = bytes.indexOf(LF, from);
  return i < 0 ? bytes.length : i;
}

function decode(bytes: Uint8Array, from: number, to: number): string {
  return new TextDecoder().decode(bytes.subarray(from, to));
}

/** The first n rows, as views (copying 56 MB of columns per million rows would fault in as much fresh memory again). */
function trim(bars: TBarColumns, n: number): TBarColumns {
  if (n === bars.length) return bars;
  return {
    time: bars.time.subarray(0, n),
    open: bars.open.subarray(0, n),
    high: bars.high.subarray(0, n),
    low: bars.low.subarray(0, n),
    close: bars.close.subarray(0, n),
    volume: bars.volume.subarray(0, n),
    amount: bars.amount.subarray(0, n),
    length: n,
  };
}

/**
 * A decimal number up to the next ',' or line end. Fast path (digits with an optional point,
 * at most 15 significant digits): an exact integer divided by an exact power of ten is
 * correctly rounded, so the result equals parseFloat's. Anything else goes to Number().
 */
function parseNumber(bytes: Uint8Array, start: number): number {
  let k = start;
  const length = bytes.length;
  while (k < length && bytes[k] === SPACE) k++;
  let negative = false;
  const first = bytes[k];
  if (first === 45 || first === 43) {
    negative = first === 45;
    k++;
  }
  const digitsStart = k;
  let mantissa = 0;
  let significant = 0;
  let scale = 0;
  let point = false;
  for (; k < length; k++) {
    const ch = bytes[k];
    if (ch >= 48 && ch <= 57) {
      if (significant > 0 || ch !== 48) significant++;
      mantissa = mantissa * 10 + (ch - 48);
      if (point) scale++;
    } else if (ch === 46 && !point) point = true;
    else break;
  }
  let end = k;
  while (end < length && bytes[end] === SPACE) end++;
  const ch = end < length ? bytes[end] : LF;
  if (ch !== COMMA && ch !== LF && ch !== CR) return slowNumber(bytes, start);
  fieldEnd = end;
  if (k === digitsStart || (k === digitsStart + 1 && point)) return NaN;
  if (significant > 15 || scale > 22) return slowNumber(bytes, start);
  const v = scale === 0 ? mantissa : mantissa / POW10[scale];
  return negative ? -v : v;
}

function slowNumber(bytes: Uint8Array, start: number): number {
  let end = start;
  while (end < bytes.length && bytes[end] !== COMMA && bytes[end] !== LF && bytes[end] !== CR) end++;
  fieldEnd = end;
  const s = decode(bytes, start, end).trim();
  return s === '' ? NaN : Number(s);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function digitAt(bytes: Uint8Array, k: number): number {
  const d = bytes[k] - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

function twoDigits(bytes: Uint8Array, k: number): number {
  const a = digitAt(bytes, k);
  const b = digitAt(bytes, k + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** Days since 1970-01-01 of a civil date (Howard Hinnant's days_from_civil algorithm). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Day number of the 1st of a month; rows come month by month, so the last answer is cached. */
let cachedMonth = -1;
let cachedMonthStart = 0;
function monthStartDay(y: number, m: number): number {
  const key = y * 12 + m;
  if (key !== cachedMonth) {
    cachedMonth = key;
    cachedMonthStart = daysFromCivil(y, m, 1);
  }
  return cachedMonthStart;
}

/**
 * YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD, optionally followed by [ T]HH:MM[:SS[.fff]], up to the
 * next ',' or line end. Sets fieldEnd. NaN when it is not a valid date.
 */
function parseTime(bytes: Uint8Array, start: number): number {
  const length = bytes.length;
  while (start < length && bytes[start] === SPACE) start++;
  fieldEnd = start;
  const hi = twoDigits(bytes, start);
  const lo = twoDigits(bytes, start + 2);
  if (hi < 0 || lo < 0) return NaN;
  const y = hi * 100 + lo;
  let m: number;
  let d: number;
  let k: number;
  const sep = bytes[start + 4];
  if (sep === 45 || sep === 47) {
    if (bytes[start + 7] !== sep) return NaN;
    m = twoDigits(bytes, start + 5);
    d = twoDigits(bytes, start + 8);
    k = start + 10;
  } else {
    m = twoDigits(bytes, start + 4);
    d = twoDigits(bytes, start + 6);
    k = start + 8;
  }
  if (m < 1 || m > 12 || d < 1) return NaN;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : DAYS_IN_MONTH[m - 1])) return NaN; // 2021-02-30
  let ms = (monthStartDay(y, m) + d - 1) * 86_400_000;
  rowHasClock = false;
  const t = k < length ? bytes[k] : LF;
  if ((t === SPACE || t === 84) && digitAt(bytes, k + 1) >= 0) {
    // ' ' or 'T' followed by a clock time
    k++;
    let hh = digitAt(bytes, k++);
    const h2 = digitAt(bytes, k);
    if (h2 >= 0) {
      hh = hh * 10 + h2;
      k++;
    }
    if (bytes[k] !== 58) return NaN;
    const mm = twoDigits(bytes, k + 1);
    k += 3;
    let ss = 0;
    if (k < length && bytes[k] === 58) {
      ss = twoDigits(bytes, k + 1);
      k += 3;
      if (k < length && bytes[k] === 46) {
        k++;
        while (k < length && digitAt(bytes, k) >= 0) k++;
      }
    }
    if (hh > 23 || mm < 0 || mm > 59 || ss < 0 || ss > 59) return NaN;
    ms += ((hh * 60 + mm) * 60 + ss) * 1000;
    rowHasClock = true;
  }
  while (k < length && bytes[k] === SPACE) k++;
  const next = k < length ? bytes[k] : LF;
  if (next !== COMMA && next !== LF && next !== CR) return NaN;
  fieldEnd = k;
  return ms;
}

export function formatCsvErrors(fileName: string, result: { errors: TCsvRowError[]; totalErrors: number }): string {
  const lines = result.errors.map((e) => `${fileName}: row ${e.row}${e.field ? `, field "${e.field}"` : ''}: ${e.message}`);
  if (result.totalErrors > result.errors.length) lines.push(`${fileName}: … and ${result.totalErrors - result.errors.length} more bad rows`);
  return lines.join('\n');
}
