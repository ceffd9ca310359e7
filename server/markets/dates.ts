/**
 * Date helpers for the market-rule tables. Every time here is exchange-local wall-clock time
 * encoded as epoch ms "as if UTC" (see types.ts), so a calendar day is a plain division and
 * `day('2023-08-28')` is the local midnight that starts that day.
 */
import { DAY_MS } from './types';

/** 'YYYY-MM-DD' → local ms at 00:00 of that day. Throws on a malformed date (tables are code). */
export function day(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`bad date in market table: ${iso}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).getUTCDate() !== Number(m[3])) throw new Error(`bad date in market table: ${iso}`);
  return ms;
}

/** local ms → 'YYYY-MM-DD' */
export function isoDate(time: number): string {
  return new Date(Math.floor(time / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

/** local ms at 00:00 of the day that contains `time` */
export function startOfDay(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** 0 = Sunday … 6 = Saturday */
export function weekday(time: number): number {
  return new Date(startOfDay(time)).getUTCDay();
}

/** 'HH:MM' → ms after local midnight */
export function clock(hhmm: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) throw new Error(`bad clock time in market table: ${hhmm}`);
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

/**
 * One row of a date-versioned rule table: `value` is in force from `from` (inclusive, a local
 * trading date) until the next row's `from`. `source` names the notice the row comes from;
 * rows that are not backed by a found source say ASSUMPTION in their source text.
 */
export interface TDated<T> {
  from: string;
  value: T;
  source: string;
}

/**
 * The row in force on the day containing `time`. Tables are sorted ascending by `from`; a time
 * before the first row gets the first row (every table starts with a row that says what it
 * assumes for the distant past).
 */
export function inForce<T>(table: readonly TDated<T>[], time: number): TDated<T> {
  const t = startOfDay(time);
  let hit = table[0];
  for (const row of table) {
    if (day(row.from) <= t) hit = row;
    else break;
  }
  return hit;
}

/** Checks a table is sorted and its dates parse; used by tests and at module load. */
export function assertSorted(name: string, table: readonly { from: string }[]): void {
  for (let i = 1; i < table.length; i++) {
    if (!(day(table[i - 1].from) < day(table[i].from))) throw new Error(`${name}: rows not ascending at ${table[i].from}`);
  }
}

/** Rounds half away from zero to `decimals` places, robust to binary noise (1.005 → 1.01). */
export function roundHalfUp(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(x) * f;
  const nudged = Math.round(scaled * 1e6) / 1e6; // kill 0.49999999997-style noise first
  return (Math.sign(x) * Math.floor(nudged + 0.5)) / f;
}

/** Rounds up to a whole unit, robust to binary noise (4000 × 0.001 = 4.000000000000001 → 4). */
export function ceilWhole(x: number): number {
  return Math.ceil(Math.round(x * 1e6) / 1e6);
}
