// Writes templates/reference-results.json: each built-in template's reference backtest (its first
// golden case) as key metrics plus a small equity curve, so the gallery can draw cards and
// sparklines without running backtests at page load. Run after `node scripts/update-golden.mjs`;
// tests/unit/templates checks the two agree.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = process.cwd();
const entry = path.join(root, '.build/update-template-references-entry.ts');
fs.mkdirSync(path.dirname(entry), { recursive: true });
fs.writeFileSync(
  entry,
  `import fs from 'node:fs';
import { GOLDEN_CASES } from '@/tests/golden/golden-cases';
import { TEMPLATES } from '@/templates';
import { runBacktest } from '@/server/engine/run-backtest';
import { formatBarTime } from '@/server/data/bar-columns';
import { parseBundledFileName } from '@/server/data/bundled-market-data';
import { loadMarketBars } from '@/tests/helpers/bars';
import { goldenLlm } from '@/tests/golden/run-golden-case';

const POINTS = 120;
const day = (t: number) => formatBarTime(t, false);
const out: Record<string, unknown> = {};
for (const t of TEMPLATES) {
  const c = GOLDEN_CASES.find((g) => g.template === t.id);
  if (!c) throw new Error(t.id + ' has no golden case');
  const bars = loadMarketBars(c.file);
  // The same request as tests/golden/run-golden-case.ts, so the numbers equal the pinned ones.
  const outcome = await runBacktest({
    graph: t.graph,
    llm: goldenLlm(t.graph),
    symbols: [{ symbol: c.symbol, market: c.market, bars }],
    initialCash: c.cash,
    costs: { commissionRate: c.commission, takerFee: c.commission, makerFee: c.commission },
  });
  if (!outcome.ok) throw new Error(t.id + ' does not compile');
  const r = outcome.result;
  const m = r.metrics;
  // Evenly spaced samples of equity ÷ initial cash, always keeping the first and last point.
  const n = r.equity.length;
  const idx = new Set<number>();
  for (let k = 0; k < POINTS; k++) idx.add(Math.round((k * (n - 1)) / (POINTS - 1)));
  const curve = [...idx].sort((a, b) => a - b).map((i) => [day(r.times[i]), Math.round((r.equity[i] / c.cash) * 1e4) / 1e4]);
  const parsed = parseBundledFileName(c.file);
  out[t.id] = {
    golden: c.name,
    symbol: c.symbol,
    market: c.market,
    timeframe: parsed?.timeframe ?? '1d',
    adjustment: parsed?.adjustment ?? null,
    file: 'data/market/' + c.file,
    initialCash: c.cash,
    commission: c.commission,
    from: day(bars.time[0]),
    to: day(bars.time[bars.length - 1]),
    bars: bars.length,
    metrics: {
      finalEquity: m.finalEquity,
      totalReturn: m.totalReturn,
      annualReturn: m.annualReturn,
      maxDrawdown: m.maxDrawdown,
      sharpe: m.sharpe,
      trades: m.trades,
      winRate: m.winRate,
      exposure: m.exposure,
      fees: m.fees,
    },
    buyAndHoldReturn: bars.close[bars.length - 1] / bars.close[0] - 1,
    equityCurve: curve,
  };
  console.log(t.id.padEnd(22), c.symbol.padEnd(10), m.trades, (m.totalReturn * 100).toFixed(1) + '%');
}
// One curve point per line keeps the file short and its diffs readable.
const text = JSON.stringify(out, null, 1).replace(/\\[\\s+("[^"]+"),\\s+([-\\d.e]+)\\s+\\]/g, '[$1, $2]');
fs.writeFileSync('templates/reference-results.json', text + '\\n');
`,
);
const out = path.join(root, '.build/update-template-references.mjs');
await build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', format: 'esm', alias: { '@': root }, packages: 'external', logLevel: 'warning' });
await import(pathToFileURL(out).href);
