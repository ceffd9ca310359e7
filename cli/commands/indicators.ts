import fs from 'node:fs';
import path from 'node:path';
import type { TAnyNodeDefinition } from '@/nodes/sdk';
import { NODE_REGISTRY } from '@/nodes/registry';
import { runSeriesNode } from '@/nodes/indicators/run-series';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import { formatBarTime, type TBarColumns } from '@/server/data/bar-columns';
import { CliError } from '../cli-error';
import { parseArgs, usageOf, type TOptionSpec } from '../parse-args';

/**
 * `nofx indicators`: runs indicator nodes over a CSV of bars and prints one row per bar.
 * A spec is `name[:arg…]`; each output becomes a column named by the spec as written
 * (`rsi:14`), or `spec.output` for nodes with several outputs (`macd:12:26:9.hist`).
 */

interface TSpecEntry {
  /** node type in the registry */
  type: string;
  /** the positional args, in order, as param names */
  args: string[];
  /** params that the name implies (e.g. boll = bbands with the TDX convention) */
  fixed?: Record<string, unknown>;
  /** turns the positional args into params when it is not a plain 1:1 mapping */
  map?: (args: number[]) => Record<string, unknown>;
}

const SPECS: Record<string, TSpecEntry> = {
  sma: { type: 'indicator.sma', args: ['period'] },
  ema: { type: 'indicator.ema', args: ['period'] },
  wma: { type: 'indicator.wma', args: ['period'] },
  dema: { type: 'indicator.dema', args: ['period'] },
  tema: { type: 'indicator.tema', args: ['period'] },
  kama: { type: 'indicator.kama', args: ['period'] },
  macd: { type: 'indicator.macd', args: ['fast', 'slow', 'signal'] },
  bbands: { type: 'indicator.bbands', args: ['period', 'devUp', 'devDown'] },
  stddev: { type: 'indicator.stddev', args: ['period', 'nbDev'] },
  rsi: { type: 'indicator.rsi', args: ['period'] },
  stochrsi: { type: 'indicator.stochrsi', args: ['period', 'fastK', 'fastD'] },
  stoch: { type: 'indicator.stoch', args: ['fastK', 'slowK', 'slowD'] },
  willr: { type: 'indicator.willr', args: ['period'] },
  trange: { type: 'indicator.trange', args: [] },
  atr: { type: 'indicator.atr', args: ['period'] },
  natr: { type: 'indicator.natr', args: ['period'] },
  adx: { type: 'indicator.adx', args: ['period'] },
  plus_di: { type: 'indicator.plus-di', args: ['period'] },
  minus_di: { type: 'indicator.minus-di', args: ['period'] },
  cci: { type: 'indicator.cci', args: ['period'] },
  obv: { type: 'indicator.obv', args: [] },
  mfi: { type: 'indicator.mfi', args: ['period'] },
  roc: { type: 'indicator.roc', args: ['period'] },
  mom: { type: 'math.change', args: ['period'] },
  aroon: { type: 'indicator.aroon', args: ['period'] },
  ultosc: { type: 'indicator.ultosc', args: ['period1', 'period2', 'period3'] },
  sar: { type: 'indicator.sar', args: ['acceleration', 'maximum'] },
  vwap: { type: 'indicator.vwap', args: ['period'], map: (a) => (a.length > 0 ? { mode: 'rolling', period: a[0] } : { mode: 'session' }) },
  donchian: { type: 'indicator.donchian', args: ['period'] },
  max: { type: 'math.highest', args: ['period'] },
  min: { type: 'math.lowest', args: ['period'] },
  // Chinese (TongDaXin / THS) conventions
  kdj: { type: 'indicator.kdj', args: ['n', 'm1', 'm2'] },
  boll: { type: 'indicator.bbands', args: ['period', 'dev'], map: (a) => ({ convention: 'tdx', ...(a.length > 0 ? { period: a[0] } : { period: 20 }), ...(a.length > 1 ? { devUp: a[1], devDown: a[1] } : {}) }) },
  tdx_macd: { type: 'indicator.macd', args: ['fast', 'slow', 'signal'], fixed: { convention: 'tdx' } },
  tdx_ema: { type: 'indicator.ema', args: ['period'], fixed: { convention: 'tdx' } },
  tdx_sma: { type: 'indicator.cn-sma', args: ['n', 'm'] },
};

/** candlestick pattern nodes are reachable as cdl_<name> (candle.hammer → cdl_hammer) */
function specEntry(name: string): TSpecEntry | undefined {
  if (SPECS[name]) return SPECS[name];
  if (name.startsWith('cdl_')) {
    const type = `candle.${name.slice(4).replace(/_/g, '-')}`;
    if (NODE_REGISTRY.has(type)) return { type, args: [] };
  }
  return undefined;
}

export function indicatorNames(): string[] {
  const candles = [...NODE_REGISTRY.keys()].filter((t) => t.startsWith('candle.')).map((t) => `cdl_${t.slice(7).replace(/-/g, '_')}`);
  return [...Object.keys(SPECS), ...candles];
}

export interface TResolvedIndicator {
  spec: string;
  def: TAnyNodeDefinition;
  params: Record<string, unknown>;
  /** output port → column name */
  columns: Array<{ port: string; column: string; signal: boolean }>;
}

/** Parses `--ind`; throws CliError naming the bad spec. */
export function resolveIndicators(list: string): TResolvedIndicator[] {
  const specs = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (specs.length === 0) throw new CliError('--ind is empty: give at least one indicator, e.g. --ind rsi:14');
  const seen = new Set<string>();
  return specs.map((spec) => {
    if (seen.has(spec)) throw new CliError(`indicator "${spec}" is listed twice`);
    seen.add(spec);
    const [rawName, ...rawArgs] = spec.split(':');
    const name = rawName.trim().toLowerCase();
    const entry = specEntry(name);
    if (!entry) throw new CliError(`unknown indicator "${rawName}" in "${spec}"; valid names: ${indicatorNames().join(', ')}`);
    const def = NODE_REGISTRY.get(entry.type);
    if (!def) throw new CliError(`indicator "${name}" is not available in this build (${entry.type})`);
    if (rawArgs.length > entry.args.length) {
      const takes = entry.args.length === 0 ? 'takes no parameters' : `takes at most ${entry.args.length} parameter${entry.args.length === 1 ? '' : 's'} (${entry.args.join(':')})`;
      throw new CliError(`"${spec}": ${name} ${takes}, got ${rawArgs.length}`);
    }
    const args = rawArgs.map((a, k) => {
      const v = Number(a);
      if (a.trim() === '' || !Number.isFinite(v)) throw new CliError(`"${spec}": ${entry.args[k]} must be a number, got "${a}"`);
      return v;
    });
    const raw: Record<string, unknown> = { ...entry.fixed, ...(entry.map ? entry.map(args) : Object.fromEntries(args.map((v, k) => [entry.args[k], v]))) };
    const parsed = def.params.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
      throw new CliError(`"${spec}": ${where}${issue.message}`);
    }
    const outs = Object.entries(def.outputs);
    const columns = outs.map(([port, p]) => ({ port, column: outs.length === 1 ? spec : `${spec}.${port}`, signal: p.type === 'signal' }));
    return { spec, def, params: parsed.data as Record<string, unknown>, columns };
  });
}

/** Which bar column feeds an input: `source`/`x` read the close, the rest their namesake. */
function barInput(bars: TBarColumns, input: string): Float64Array {
  switch (input) {
    case 'open':
      return bars.open;
    case 'high':
      return bars.high;
    case 'low':
      return bars.low;
    case 'volume':
      return bars.volume;
    case 'amount':
      return bars.amount;
    default:
      return bars.close;
  }
}

export interface TIndicatorColumn {
  column: string;
  values: Float64Array;
  signal: boolean;
}

/** Signals (1/0) are blanked before the node's warm-up, as numbers are NaN there. */
export function computeIndicators(bars: TBarColumns, indicators: TResolvedIndicator[]): TIndicatorColumn[] {
  const out: TIndicatorColumn[] = [];
  for (const ind of indicators) {
    const inputs: Record<string, Float64Array> = {};
    for (const name of Object.keys(ind.def.inputs)) inputs[name] = barInput(bars, name);
    const result = runSeriesNode(ind.def, ind.params, inputs, bars.length, bars);
    const warmup = Math.min(ind.def.warmup(ind.params as never), bars.length);
    for (const c of ind.columns) {
      const values = result[c.port];
      if (c.signal) values.fill(NaN, 0, warmup);
      out.push({ column: c.column, values, signal: c.signal });
    }
  }
  return out;
}

const OPTIONS: Record<string, TOptionSpec> = {
  data: { value: true, help: 'bars CSV: date|datetime,open,high,low,close,volume[,amount]' },
  ind: { value: true, help: 'comma-separated specs, e.g. "sma:20,rsi:14,macd:12:26:9"' },
  format: { value: true, help: 'csv (default) or json' },
  help: { value: false, help: 'show this help' },
};

function usage(): string {
  return `${usageOf('indicators', OPTIONS, '--data <bars.csv> --ind <spec>[,<spec>…] [--format csv|json]')}

Prints one row per bar: date (or datetime) then one column per output, named by its spec
(multi-output indicators add .<output>, e.g. macd:12:26:9.hist); empty before the first value.
Indicators: ${indicatorNames().join(', ')}`;
}

export async function runIndicatorsCommand(argv: string[]): Promise<number> {
  const { options, positional } = parseArgs(argv, OPTIONS);
  if (options.help) {
    console.log(usage());
    return 0;
  }
  if (positional.length > 0) throw new CliError(`unexpected argument "${positional[0]}"`);
  const file = options.data;
  const list = options.ind;
  if (typeof file !== 'string' || file === '') throw new CliError('--data <bars.csv> is required');
  if (typeof list !== 'string') throw new CliError('--ind <spec>[,<spec>…] is required, e.g. --ind sma:20,rsi:14');
  const format = options.format ?? 'csv';
  if (format !== 'csv' && format !== 'json') throw new CliError(`--format must be csv or json, got "${String(format)}"`);

  const indicators = resolveIndicators(list);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (error as Error).message}`);
  }
  const parsed = parseBarsCsv(text);
  if (!parsed.ok) {
    const e = parsed.errors[0];
    const more = parsed.totalErrors > 1 ? ` (and ${parsed.totalErrors - 1} more bad row${parsed.totalErrors === 2 ? '' : 's'})` : '';
    throw new CliError(`${path.basename(file)}: row ${e.row}${e.field ? `, field "${e.field}"` : ''}: ${e.message}${more}`);
  }
  const bars = parsed.bars;
  const columns = computeIndicators(bars, indicators);
  writeRows(bars, parsed.intraday, columns, format);
  return 0;
}

function cell(v: number, signal: boolean): string {
  if (v !== v) return '';
  return signal ? (v ? '1' : '0') : String(v);
}

function writeRows(bars: TBarColumns, intraday: boolean, columns: TIndicatorColumn[], format: 'csv' | 'json'): void {
  const timeName = intraday ? 'datetime' : 'date';
  const chunks: string[] = [];
  let size = 0;
  const emit = (s: string) => {
    chunks.push(s);
    size += s.length;
    if (size > 1 << 20) flush();
  };
  const flush = () => {
    if (chunks.length > 0) process.stdout.write(chunks.join(''));
    chunks.length = 0;
    size = 0;
  };
  if (format === 'csv') {
    emit(`${[timeName, ...columns.map((c) => csvQuote(c.column))].join(',')}\n`);
    for (let t = 0; t < bars.length; t++) {
      let line = formatBarTime(bars.time[t], intraday);
      for (const c of columns) line += `,${cell(c.values[t], c.signal)}`;
      emit(`${line}\n`);
    }
  } else {
    const keys = [timeName, ...columns.map((c) => c.column)].map((k) => JSON.stringify(k));
    emit('[\n');
    for (let t = 0; t < bars.length; t++) {
      let line = `{${keys[0]}:"${formatBarTime(bars.time[t], intraday)}"`;
      columns.forEach((c, k) => {
        const v = c.values[t];
        line += `,${keys[k + 1]}:${v !== v ? 'null' : c.signal ? (v ? 'true' : 'false') : String(v)}`;
      });
      emit(`${line}}${t + 1 < bars.length ? ',' : ''}\n`);
    }
    emit(']\n');
  }
  flush();
}

function csvQuote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
