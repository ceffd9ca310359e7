// The sma-crossover template on bundled A-share and HK bars with each market's rules, every fill's
// fee lines pinned (tests/golden/backtests/markets/*.json), and every fill's fees worked out again
// here, independently, from the published rates by date:
//   CN-A: commission max(0.025% × value, 5 CNY); stamp duty on sells 0.1% (0.05% from 2023-08-28);
//         transfer fee 0.002% of value on both exchanges from 2015-08-01, 0.001% from 2022-04-29.
//   HK:   commission 0.025%; stamp duty 0.1% (0.13% from 2021-08-01, 0.1% from 2023-11-17) of
//         value rounded up to the dollar; trading fee 0.005% + HK$0.50 per trade (0.00565%, no
//         per-trade fee from 2023); SFC levy 0.0027%; AFRC levy 0.00015% from 2022; CCASS 0.002%
//         (min 2, max 100). Levies and fees to the cent.
// Lots (100 shares) and T+1 are checked on the fills too. Regenerate the pinned files on purpose
// only: UPDATE_GOLDEN=1 with this file, and explain the change in the commit.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBarTime } from '@/server/data/bar-columns';
import { runBacktest } from '@/server/engine/run-backtest';
import { getTemplate } from '@/templates';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';

const DIR = path.join(process.cwd(), 'tests/golden/backtests/markets');
const day = (t: number) => formatBarTime(t, false);
const cents = (x: number) => Math.round(x * 100 + 1e-9) / 100;

const CASES = [
  { name: 'sma-crossover.600519.SH', file: '600519.SH_daily.csv', symbol: '600519.SH', market: 'cn-a' as const },
  { name: 'sma-crossover.300750.SZ', file: '300750.SZ_daily.csv', symbol: '300750.SZ', market: 'cn-a' as const },
  { name: 'sma-crossover.00700.HK', file: '00700.HK_daily.csv', symbol: '00700.HK', market: 'hk' as const },
];

type TFillLine = { time: string; side: string; qty: number; price: number; fee: number; feeParts: Record<string, number> };

function expectedCnFees(f: TFillLine): Record<string, number> | null {
  if (f.time < '2015-08-01') return null; // earlier tables (par-value transfer fees, older duties) are unit-tested on their own
  const value = f.qty * f.price;
  const stampRate = f.time >= '2023-08-28' ? 0.0005 : 0.001;
  const transferRate = f.time >= '2022-04-29' ? 0.00001 : 0.00002;
  return { commission: cents(Math.max(value * 0.00025, 5)), stampDuty: f.side === 'sell' ? cents(value * stampRate) : 0, transferFee: cents(value * transferRate) };
}

function expectedHkFees(f: TFillLine): Record<string, number> | null {
  if (f.time < '2014-11-01') return null; // older levy rates (SFC 0.005%→0.003%, the investor compensation levy) are unit-tested on their own
  const value = f.qty * f.price;
  const stampRate = f.time >= '2023-11-17' ? 0.001 : f.time >= '2021-08-01' ? 0.0013 : 0.001;
  const parts: Record<string, number> = {
    commission: cents(value * 0.00025),
    stampDuty: Math.ceil(value * stampRate - 1e-9),
    tradingFee: cents(value * (f.time >= '2023-01-01' ? 0.0000565 : 0.00005)),
    sfcLevy: cents(value * 0.000027),
    ccassFee: cents(Math.min(Math.max(value * 0.00002, 2), 100)),
  };
  if (f.time < '2023-01-01') parts.tradingSystemFee = 0.5;
  if (f.time >= '2022-01-01') parts.afrcLevy = cents(value * 0.0000015);
  return parts;
}

/** A bundled file as the app imports it: rows the source got wrong (e.g. two 00700 rows with high < low) are skipped. */
function bundledBars(file: string) {
  const parsed = parseBarsCsv(fs.readFileSync(path.join(process.cwd(), 'data/market', file)), { skipBadRows: true });
  if (!parsed.ok) throw new Error(`bundled file ${file} does not parse`);
  return parsed.bars;
}

async function run(c: (typeof CASES)[number]) {
  const outcome = await runBacktest({
    graph: getTemplate('sma-crossover')!.graph,
    symbols: [{ symbol: c.symbol, market: c.market, bars: bundledBars(c.file) }],
    initialCash: 1_000_000,
    costs: { commissionRate: 0.00025 },
  });
  if (!outcome.ok) throw new Error(`${c.name} does not compile`);
  const r = outcome.result;
  const fills: TFillLine[] = r.fills.map((f) => ({ time: day(f.time), side: f.side, qty: f.qty, price: f.price, fee: f.fee, feeParts: f.feeParts }));
  const feeTotals: Record<string, number> = {};
  for (const f of fills) for (const [k, v] of Object.entries(f.feeParts)) feeTotals[k] = cents((feeTotals[k] ?? 0) + v);
  return {
    metrics: { finalEquity: r.metrics.finalEquity, totalReturn: r.metrics.totalReturn, trades: r.metrics.trades, fees: r.metrics.fees, maxDrawdown: r.metrics.maxDrawdown },
    feeTotals,
    fills,
    orderEvents: r.orderEvents.map((e) => ({ time: day(e.time), side: e.side, qty: e.qty, status: e.status, reason: e.reason })),
  };
}

describe('sma-crossover under A-share and HK rules, every fee line', () => {
  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const got = await run(c);
    const file = path.join(DIR, `${c.name}.json`);
    if (process.env.UPDATE_GOLDEN === '1') {
      fs.mkdirSync(DIR, { recursive: true });
      fs.writeFileSync(file, `${JSON.stringify(got, null, 1)}\n`);
    }
    const pinned = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(got.fills.length).toBeGreaterThan(10);
    expect(got).toEqual(pinned);

    const held = new Map<string, number>(); // shares bought per day, for T+1
    let position = 0;
    for (const f of got.fills) {
      // lots: buys in 100s; a sell is a multiple of 100 or the whole remainder
      if (f.side === 'buy') expect(f.qty % 100, `${f.time} buy ${f.qty}`).toBe(0);
      else expect(f.qty % 100 === 0 || f.qty === position, `${f.time} sell ${f.qty}`).toBe(true);
      if (c.market === 'cn-a' && f.side === 'sell') expect(held.has(f.time), `T+1: ${f.time} sells shares bought that day`).toBe(false);
      if (f.side === 'buy') held.set(f.time, f.qty);
      position += f.side === 'buy' ? f.qty : -f.qty;

      const want = c.market === 'hk' ? expectedHkFees(f) : expectedCnFees(f);
      if (!want) continue;
      expect(f.feeParts, `${c.name} ${f.time} ${f.side} ${f.qty}@${f.price}`).toEqual(want);
      expect(f.fee).toBeCloseTo(Object.values(want).reduce((a, b) => a + b, 0), 9);
    }
    expect(position).toBeGreaterThanOrEqual(0);
  });
});
