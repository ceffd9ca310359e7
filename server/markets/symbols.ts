/**
 * The symbol master, as a pure module: canonical codes, inference from the code, a seed table
 * of the bundled symbols, and an in-memory master a database layer can wrap.
 *
 * Records (`TSymbolRecord`) are JSON-friendly (ISO dates, null for unknown) so a DB row maps
 * 1:1; `recordToInstrument` turns one into the `TInstrument` the market rules take.
 *
 * Canonical codes: 600519.SH, 000001.SZ, 300750.SZ, 688981.SH, 830799.BJ / 920xxx.BJ,
 * 00700.HK (5 digits), AAPL.US, BTCUSDT (crypto pairs carry no suffix).
 */
import { classifyCnCode, guessCnSuffix } from './cn-a/symbols';
import { day } from './dates';
import { classifyHkCode, HK_DEFAULT_LOT, padHkCode } from './hk/symbols';
import type { TBoard, TInstrument, TMarketId } from './types';

export type TExchange = 'SSE' | 'SZSE' | 'BSE' | 'HKEX' | 'US' | 'CRYPTO';
export type TSymbolKind = 'stock' | 'etf' | 'index' | 'b-share' | 'crypto' | 'other';

export interface TStPeriod {
  /** first trading day under ST / *ST, 'YYYY-MM-DD' */
  from: string;
  /** first day without it; null = still ST */
  to: string | null;
  kind: 'ST' | '*ST';
}

export interface TSymbolRecord {
  symbol: string;
  market: TMarketId;
  exchange: TExchange;
  board: TBoard;
  kind: TSymbolKind;
  currency: string;
  name: { zh?: string; en?: string };
  /** buy unit / minimum: CN main & ChiNext 100, STAR 200 (min, then steps of 1), BSE 100 (min), HK per stock */
  lotSize: number;
  /** true when the HK board lot was not known and the default was used */
  lotSizeAssumed?: boolean;
  qtyStep: number;
  tick: number;
  listingDate: string | null;
  delistingDate: string | null;
  ipoPrice: number | null;
  /** CN main-board listing under the registration system (derived from listing date ≥ 2023-04-10 when absent) */
  registrationIpo?: boolean;
  parValue?: number;
  stHistory: TStPeriod[];
  notes?: string;
  origin: 'seed' | 'inferred' | 'user';
}

export interface TParsedSymbol {
  symbol: string;
  market: TMarketId;
  exchange: TExchange;
  board: TBoard;
  kind: TSymbolKind;
  currency: string;
}

const CRYPTO_QUOTES = ['USDT', 'USDC', 'BUSD', 'FDUSD', 'BTC', 'ETH', 'BNB'];

/**
 * Canonical form of a code written in the usual vendor styles, or null:
 * 600519 / sh600519 / 600519.SS / 600519.XSHG / SH.600519 → 600519.SH;
 * 700.HK / 0700.HK / HK.00700 / hk00700 → 00700.HK; aapl → AAPL.US; btcusdt → BTCUSDT.
 */
export function normalizeSymbol(input: string): string | null {
  const s = input.trim().toUpperCase();
  if (!s) return null;
  let m = /^(\d{6})\.(SH|SZ|BJ|SS|XSHG|XSHE|BSE)$/.exec(s);
  if (m) {
    const suffix = ({ SS: 'SH', XSHG: 'SH', XSHE: 'SZ', BSE: 'BJ' } as Record<string, string>)[m[2]] ?? m[2];
    return `${m[1]}.${suffix}`;
  }
  m = /^(SH|SZ|BJ)\.?(\d{6})$/.exec(s);
  if (m) return `${m[2]}.${m[1]}`;
  if (/^\d{6}$/.test(s)) {
    const suffix = guessCnSuffix(s);
    return suffix ? `${s}.${suffix}` : null;
  }
  m = /^(\d{1,5})\.HK$/.exec(s) ?? /^HK\.?(\d{1,5})$/.exec(s);
  if (m) return `${padHkCode(m[1])}.HK`;
  m = /^([A-Z][A-Z0-9]*)\.HK$/.exec(s);
  if (m) return `${m[1]}.HK`;
  m = /^([A-Z][A-Z0-9.-]*)\.US$/.exec(s);
  if (m) return `${m[1]}.US`;
  if (/^[A-Z0-9]+$/.test(s) && CRYPTO_QUOTES.some((q) => s.length > q.length && s.endsWith(q))) return s;
  if (/^[A-Z][A-Z.-]{0,9}$/.test(s)) return `${s}.US`;
  return null;
}

/** Market, exchange, board and currency inferred from a code (canonicalised first). */
export function parseSymbol(input: string): TParsedSymbol {
  const symbol = normalizeSymbol(input) ?? input.trim().toUpperCase();
  const cn = /^(\d{6})\.(SH|SZ|BJ)$/.exec(symbol);
  if (cn) {
    const c = classifyCnCode(cn[1], cn[2] as 'SH' | 'SZ' | 'BJ');
    return { symbol, market: 'cn-a', exchange: c.exchange, board: c.board, kind: c.kind, currency: c.currency };
  }
  const hk = /^(.+)\.HK$/.exec(symbol);
  if (hk) {
    const c = classifyHkCode(hk[1]);
    return { symbol, market: 'hk', exchange: 'HKEX', board: c.board, kind: c.kind, currency: c.currency };
  }
  if (symbol.endsWith('.US')) return { symbol, market: 'us', exchange: 'US', board: 'us', kind: 'stock', currency: 'USD' };
  if (!symbol.includes('.') && CRYPTO_QUOTES.some((q) => symbol.length > q.length && symbol.endsWith(q))) {
    return { symbol, market: 'crypto', exchange: 'CRYPTO', board: 'crypto', kind: 'crypto', currency: symbol.endsWith('USDT') ? 'USDT' : 'USD' };
  }
  return { symbol, market: 'us', exchange: 'US', board: 'us', kind: 'stock', currency: 'USD' };
}

function lotFor(p: TParsedSymbol): { lotSize: number; qtyStep: number; tick: number; lotSizeAssumed?: boolean } {
  switch (p.market) {
    case 'cn-a':
      if (p.board === 'index') return { lotSize: 1, qtyStep: 1, tick: 0.01 };
      if (p.board === 'etf') return { lotSize: 100, qtyStep: 1, tick: 0.001 };
      if (p.board === 'star') return { lotSize: 200, qtyStep: 1, tick: 0.01 };
      return { lotSize: 100, qtyStep: 1, tick: 0.01 };
    case 'hk':
      if (p.board === 'index') return { lotSize: 1, qtyStep: 1, tick: 0.01 };
      // HK ticks follow a price-dependent spread table (0.001 … 5 HKD); not modelled here.
      return { lotSize: HK_DEFAULT_LOT, qtyStep: 1, tick: 0.01, lotSizeAssumed: true };
    case 'crypto':
      return { lotSize: 0, qtyStep: 1e-8, tick: 0.01 };
    default:
      return { lotSize: 1, qtyStep: 1, tick: 0.01 };
  }
}

/** A record built from the code alone (what the master returns for a symbol it has no row for). */
export function inferRecord(input: string): TSymbolRecord {
  const p = parseSymbol(input);
  return {
    ...p,
    name: {},
    ...lotFor(p),
    listingDate: null,
    delistingDate: null,
    ipoPrice: null,
    stHistory: [],
    origin: 'inferred',
  };
}

/** TInstrument for the market rules. Unknown dates become NaN, an open ST period ends at +∞. */
export function recordToInstrument(rec: TSymbolRecord): TInstrument {
  const inst: TInstrument = {
    symbol: rec.symbol,
    market: rec.market,
    board: rec.board,
    currency: rec.currency,
    lotSize: rec.lotSize,
    qtyStep: rec.qtyStep,
    tick: rec.tick,
    listingDate: rec.listingDate ? day(rec.listingDate) : NaN,
    stPeriods: rec.stHistory.map((p) => ({ from: day(p.from), to: p.to ? day(p.to) : Infinity })),
    name: rec.name,
  };
  if (rec.registrationIpo !== undefined) inst.registrationIpo = rec.registrationIpo;
  if (rec.ipoPrice != null) inst.ipoPrice = rec.ipoPrice;
  if (rec.parValue != null) inst.parValue = rec.parValue;
  return inst;
}

/** Whether the instrument carried ST / *ST on the day of `time`. */
export function isStOn(instrument: TInstrument, time: number): boolean {
  return instrument.stPeriods.some((p) => time >= p.from && time < p.to);
}

type TSeedRow = Pick<TSymbolRecord, 'symbol' | 'name' | 'listingDate' | 'ipoPrice'> & Partial<TSymbolRecord>;

/**
 * Seed rows for the symbols bundled with the app (data/market, with SOURCES.md).
 * Names, listing dates and offer prices are public facts from the exchanges' listing notices /
 * prospectuses (recalled, not re-fetched); 300750.SZ's offer price is confirmed by its first bar
 * (opened at 30.17 = 25.14 × 1.20, the first-day auction cap, and closed at the +44% cap
 * 36.20), and every listing date equals the first bar of the bundled file where the file starts
 * at listing. ST history: none of the bundled A-shares is known to have carried ST/*ST.
 */
const SEED_ROWS: readonly TSeedRow[] = [
  { symbol: '600519.SH', name: { zh: '贵州茅台', en: 'Kweichow Moutai' }, listingDate: '2001-08-27', ipoPrice: 31.39 },
  { symbol: '000001.SZ', name: { zh: '平安银行', en: 'Ping An Bank' }, listingDate: '1991-04-03', ipoPrice: null, notes: 'formerly 深发展A (Shenzhen Development Bank); the bundled bars start 1991-01-03, before the official listing date' },
  { symbol: '601318.SH', name: { zh: '中国平安', en: 'Ping An Insurance (Group)' }, listingDate: '2007-03-01', ipoPrice: 33.8 },
  { symbol: '300750.SZ', name: { zh: '宁德时代', en: 'Contemporary Amperex Technology (CATL)' }, listingDate: '2018-06-11', ipoPrice: 25.14 },
  { symbol: '688981.SH', name: { zh: '中芯国际', en: 'Semiconductor Manufacturing International (SMIC)' }, listingDate: '2020-07-16', ipoPrice: 27.46 },
  { symbol: '510300.SH', name: { zh: '沪深300ETF（华泰柏瑞）', en: 'Huatai-PineBridge CSI 300 ETF' }, listingDate: '2012-05-28', ipoPrice: null },
  { symbol: '000300.SH', name: { zh: '沪深300指数', en: 'CSI 300 Index' }, listingDate: '2005-04-08', ipoPrice: null },
  { symbol: '000001.SH', name: { zh: '上证综合指数', en: 'SSE Composite Index' }, listingDate: '1991-07-15', ipoPrice: null },
  { symbol: '00700.HK', name: { zh: '騰訊控股', en: 'Tencent Holdings' }, listingDate: '2004-06-16', ipoPrice: 3.7, lotSize: 100, notes: 'board lot 100 (current). Bundled Yahoo bars are adjusted for the 2014-05-15 5-for-1 split, so before that date one real board lot equals 500 adjusted shares; the board lot in force before 2014 is not recorded here' },
  { symbol: '09988.HK', name: { zh: '阿里巴巴－ＳＷ', en: 'Alibaba Group Holding' }, listingDate: '2019-11-26', ipoPrice: 176, lotSize: 100 },
  { symbol: 'HSI.HK', name: { zh: '恒生指數', en: 'Hang Seng Index' }, listingDate: null, ipoPrice: null },
  { symbol: 'AAPL.US', name: { zh: '苹果', en: 'Apple Inc.' }, listingDate: '1980-12-12', ipoPrice: null },
  { symbol: 'NVDA.US', name: { zh: '英伟达', en: 'NVIDIA Corporation' }, listingDate: '1999-01-22', ipoPrice: null },
  { symbol: 'ORCL.US', name: { zh: '甲骨文', en: 'Oracle Corporation' }, listingDate: '1986-03-12', ipoPrice: null },
  { symbol: 'YHOO.US', name: { zh: '雅虎', en: 'Yahoo! Inc.' }, listingDate: '1996-04-12', ipoPrice: null, notes: 'ticker retired in 2017 (Altaba); bundled bars end 2014-12-31' },
  { symbol: 'SPY.US', name: { zh: '标普500ETF（SPDR）', en: 'SPDR S&P 500 ETF Trust' }, listingDate: null, ipoPrice: null, board: 'etf', kind: 'etf' },
  { symbol: 'SPX.US', name: { zh: '标普500指数', en: 'S&P 500 Index' }, listingDate: null, ipoPrice: null, board: 'index', kind: 'index' },
  { symbol: 'NDX.US', name: { zh: '纳斯达克100指数', en: 'Nasdaq-100 Index' }, listingDate: null, ipoPrice: null, board: 'index', kind: 'index' },
  { symbol: 'BTCUSDT', name: { zh: '比特币/USDT', en: 'Bitcoin / Tether (Binance spot)' }, listingDate: '2017-08-17', ipoPrice: null },
];

export const SEED_SYMBOLS: readonly TSymbolRecord[] = SEED_ROWS.map((row) => {
  const inferred = inferRecord(row.symbol);
  const rec: TSymbolRecord = { ...inferred, ...row, origin: 'seed' };
  if (row.lotSize !== undefined) delete rec.lotSizeAssumed;
  return rec;
});

const SEED_BY_SYMBOL = new Map(SEED_SYMBOLS.map((r) => [r.symbol, r]));

/** The seed row of a bundled symbol, else a record inferred from the code. */
export function seedOrInferred(symbol: string): TSymbolRecord {
  const canonical = normalizeSymbol(symbol) ?? symbol;
  return SEED_BY_SYMBOL.get(canonical) ?? inferRecord(canonical);
}

/** Problems with a record, [] when valid. For the edit API. */
export function validateRecord(rec: TSymbolRecord): string[] {
  const errors: string[] = [];
  if (normalizeSymbol(rec.symbol) !== rec.symbol) errors.push(`symbol "${rec.symbol}" is not in canonical form (${normalizeSymbol(rec.symbol) ?? 'unparseable'})`);
  if (parseSymbol(rec.symbol).market !== rec.market) errors.push(`market ${rec.market} does not match the code`);
  if (!(rec.lotSize >= 0) || !Number.isFinite(rec.lotSize)) errors.push('lotSize must be a finite number ≥ 0');
  if (rec.market === 'hk' && rec.board !== 'index' && !(Number.isInteger(rec.lotSize) && rec.lotSize > 0)) errors.push('HK board lot must be a positive integer');
  if (!(rec.tick > 0)) errors.push('tick must be > 0');
  const dateOk = (d: string | null) => d === null || (/^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)));
  if (!dateOk(rec.listingDate)) errors.push('listingDate must be YYYY-MM-DD or null');
  if (!dateOk(rec.delistingDate)) errors.push('delistingDate must be YYYY-MM-DD or null');
  if (rec.ipoPrice !== null && !(rec.ipoPrice > 0)) errors.push('ipoPrice must be > 0 or null');
  const st = [...rec.stHistory].sort((a, b) => a.from.localeCompare(b.from));
  st.forEach((p, i) => {
    if (!dateOk(p.from) || !dateOk(p.to)) errors.push(`ST period ${i}: bad date`);
    if (p.to !== null && p.to <= p.from) errors.push(`ST period ${p.from}: ends before it starts`);
    const next = st[i + 1];
    if (next && (p.to === null || p.to > next.from)) errors.push(`ST periods ${p.from} and ${next.from} overlap`);
  });
  return errors;
}

/**
 * In-memory symbol master: seed rows + user edits, inference for everything else. A DB layer
 * can load its rows with `new SymbolMaster(rows)` and persist what `upsert` returns.
 */
export class SymbolMaster {
  private readonly rows = new Map<string, TSymbolRecord>();

  constructor(records: readonly TSymbolRecord[] = SEED_SYMBOLS) {
    for (const r of records) this.rows.set(r.symbol, r);
  }

  /** The stored row, or one inferred from the code (`origin: 'inferred'`). */
  get(symbol: string): TSymbolRecord {
    const canonical = normalizeSymbol(symbol) ?? symbol;
    return this.rows.get(canonical) ?? inferRecord(canonical);
  }

  has(symbol: string): boolean {
    return this.rows.has(normalizeSymbol(symbol) ?? symbol);
  }

  instrument(symbol: string): TInstrument {
    return recordToInstrument(this.get(symbol));
  }

  /** Adds or edits a row (merged over what `get` returns); throws with the validation errors. */
  upsert(patch: Partial<TSymbolRecord> & { symbol: string }): TSymbolRecord {
    const symbol = normalizeSymbol(patch.symbol) ?? patch.symbol;
    const base = this.get(symbol);
    const next: TSymbolRecord = { ...base, ...patch, symbol, origin: patch.origin ?? 'user' };
    if (patch.lotSize !== undefined && patch.lotSizeAssumed === undefined) delete next.lotSizeAssumed;
    const errors = validateRecord(next);
    if (errors.length) throw new Error(`invalid symbol record ${symbol}: ${errors.join('; ')}`);
    this.rows.set(symbol, next);
    return next;
  }

  remove(symbol: string): boolean {
    return this.rows.delete(normalizeSymbol(symbol) ?? symbol);
  }

  list(): TSymbolRecord[] {
    return [...this.rows.values()].sort((a, b) => a.symbol.localeCompare(b.symbol));
  }
}
