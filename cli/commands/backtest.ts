import { compileGraph } from '@/server/engine/compile';
import { runPlan } from '@/server/engine/run-backtest';
import { formatBarTime, rangeBarColumns } from '@/server/data/bar-columns';
import { availableMarkets, getMarketRules, inferMarket, type TMarketId } from '@/server/markets';
import { CliError } from '../cli-error';
import { numberOption, parseArgs, usageOf, type TOptionSpec } from '../parse-args';
import { parseDateOption, readBarsFile, readStrategy, symbolFromFileName } from '../load-inputs';
import { formatCompileErrors } from './validate';
import { printBacktestReport } from '../print-report';
import { offlineLlmFor } from '../offline-llm';

const SPEC: Record<string, TOptionSpec> = {
  strategy: { value: true, help: 'graph JSON file or built-in template id (e.g. sma-crossover)' },
  data: { value: true, help: 'bars CSV, or several separated by commas (one per symbol)' },
  symbol: { value: true, help: 'symbol code(s), comma separated; default: from the file names' },
  market: { value: true, help: 'us | crypto | cn-a | hk; default: inferred from the symbol' },
  cash: { value: true, help: 'initial cash (default 1000000)' },
  commission: { value: true, help: 'commission rate, fraction of value (default 0.00025; crypto: maker/taker fee, default 0.001)' },
  'min-commission': { value: true, help: 'minimum commission per order (default: the market’s, 5 CNY for cn-a, else 0)' },
  'slippage-bps': { value: true, help: 'slippage in basis points (default 0)' },
  fill: { value: true, help: 'next-open (default) | close' },
  from: { value: true, help: 'first date, YYYY-MM-DD' },
  to: { value: true, help: 'last date, YYYY-MM-DD' },
  benchmark: { value: true, help: 'benchmark bars CSV (alpha, beta, benchmark return)' },
  'risk-free': { value: true, help: 'annual risk-free rate, fraction (default 0)' },
  param: { value: true, repeat: true, help: 'override a node param: nodeId.param=value' },
  'skip-bad-rows': { value: false, help: 'ignore CSV rows that fail validation (they are listed on stderr)' },
  json: { value: false, help: 'print one JSON object' },
  help: { value: false, help: 'show this help' },
};

export async function runBacktestCommand(argv: string[]): Promise<number> {
  const { options } = parseArgs(argv, SPEC);
  if (options.help) {
    console.log(usageOf('backtest', SPEC, '--strategy <graph.json|template-id> --data <bars.csv>[,<more.csv>] [options]'));
    return 0;
  }
  if (!options.strategy) throw new CliError('--strategy is required (a graph JSON file or a template id such as sma-crossover)');
  if (!options.data) throw new CliError('--data is required (a bars CSV file)');

  const t0 = performance.now();
  const files = String(options.data).split(',').filter(Boolean);
  const symbolNames = options.symbol ? String(options.symbol).split(',') : files.map(symbolFromFileName);
  if (symbolNames.length !== files.length) throw new CliError(`--symbol lists ${symbolNames.length} symbols for ${files.length} data files`);
  const marketOption = options.market === undefined ? undefined : String(options.market);
  if (marketOption && !availableMarkets().includes(marketOption as TMarketId)) {
    throw new CliError(`--market "${marketOption}" is not available; choose one of ${availableMarkets().join(', ')}`);
  }
  const from = parseDateOption(options.from, 'from', false);
  const to = parseDateOption(options.to, 'to', true);
  let intraday = false;
  const symbols = files.map((file, k) => {
    const loaded = readBarsFile(file, Boolean(options['skip-bad-rows']));
    intraday ||= loaded.intraday;
    const bars = from !== undefined || to !== undefined ? rangeBarColumns(loaded.bars, from ?? -Infinity, to ?? Infinity) : loaded.bars;
    if (bars.length === 0) throw new CliError(`${file}: no bars between ${options.from ?? 'the start'} and ${options.to ?? 'the end'}`);
    const market = (marketOption ?? inferMarket(symbolNames[k])) as TMarketId;
    if (!getMarketRules(market)) throw new CliError(`${symbolNames[k]}: market "${market}" has no rules yet; pass --market`);
    return { symbol: symbolNames[k], market, bars };
  });
  const benchmark = options.benchmark ? readBarsFile(String(options.benchmark)).bars : undefined;
  const loadMs = performance.now() - t0;

  const overrides = parseParamOverrides((options.param as string[] | undefined) ?? []);
  const t1 = performance.now();
  const graph = readStrategy(String(options.strategy));
  const compiled = compileGraph(graph, overrides);
  if (!compiled.ok) throw new CliError(`the strategy does not compile\n${formatCompileErrors(compiled.errors)}`);
  const compileMs = performance.now() - t1;

  const fill = String(options.fill ?? 'next-open');
  if (fill !== 'next-open' && fill !== 'close') throw new CliError(`--fill must be next-open or close, got "${fill}"`);
  const result = await runPlan(compiled.plan, {
    graph: null,
    symbols,
    initialCash: positive(numberOption(options, 'cash', 1_000_000), 'cash'),
    // Only what the user gave overrides the market's defaults (CN-A: 0.025%, min 5 CNY).
    costs: {
      commissionRate: optionalCost(options, 'commission'),
      minCommission: optionalCost(options, 'min-commission'),
      slippageBps: optionalCost(options, 'slippage-bps'),
      takerFee: optionalCost(options, 'commission'),
      makerFee: optionalCost(options, 'commission'),
    },
    fillTiming: fill,
    riskFreeRate: numberOption(options, 'risk-free', 0),
    benchmark,
    llm: await offlineLlmFor(graph),
  }, compileMs);

  const timing = { bars: result.bars, loadMs: round(loadMs), compileMs: round(compileMs), runMs: round(result.timing.runMs) };
  if (options.json) {
    const time = (t: number) => formatBarTime(t, intraday);
    const equity = new Array(result.times.length);
    for (let i = 0; i < result.times.length; i++) equity[i] = { time: time(result.times[i]), equity: result.equity[i] };
    process.stdout.write(
      JSON.stringify({
        metrics: result.metrics,
        trades: result.trades.map((t) => ({ ...t, entryTime: time(t.entryTime), exitTime: time(t.exitTime) })),
        fills: result.fills.map((f) => ({ time: time(f.time), symbol: f.symbol, side: f.side, qty: f.qty, price: f.price, fee: f.fee, reason: f.reason })),
        orderEvents: result.orderEvents.map((e) => ({ ...e, time: time(e.time) })),
        equity,
        timing,
      }) + '\n',
    );
  } else {
    printBacktestReport(result, timing, intraday);
  }
  return 0;
}

/** `fast.period=20` → { fast: { period: 20 } }; values are JSON when they parse, else strings. */
export function parseParamOverrides(items: string[]): Record<string, Record<string, unknown>> {
  const overrides: Record<string, Record<string, unknown>> = {};
  for (const item of items) {
    const m = /^([^.=]+)\.([^=]+)=(.*)$/.exec(item);
    if (!m) throw new CliError(`--param "${item}" must look like nodeId.param=value`);
    let value: unknown = m[3];
    try {
      value = JSON.parse(m[3]);
    } catch {
      // a bare word such as `close` stays a string
    }
    (overrides[m[1]] ??= {})[m[2]] = value;
  }
  return overrides;
}

const round = (ms: number) => Math.round(ms * 100) / 100;

function optionalCost(options: Record<string, unknown>, name: string): number | undefined {
  return options[name] === undefined ? undefined : nonNegative(numberOption(options as never, name, 0), name);
}

function positive(v: number, name: string): number {
  if (!(v > 0)) throw new CliError(`--${name} must be greater than 0`);
  return v;
}

function nonNegative(v: number, name: string): number {
  if (!(v >= 0)) throw new CliError(`--${name} must not be negative`);
  return v;
}
