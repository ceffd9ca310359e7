import { runBacktest } from '@/server/engine/run-backtest';
import { formatBarTime } from '@/server/data/bar-columns';
import { getTemplate } from '@/templates';
import { loadMarketBars } from '../helpers/bars';
import type { TGoldenCase } from './golden-cases';

/** Runs one golden case and returns the parts that are pinned. */
export async function runGoldenCase(c: TGoldenCase) {
  const outcome = await runBacktest({
    graph: getTemplate(c.template)!.graph,
    symbols: [{ symbol: c.symbol, market: c.market, bars: loadMarketBars(c.file) }],
    initialCash: c.cash,
    costs: { commissionRate: c.commission, takerFee: c.commission, makerFee: c.commission },
  });
  if (!outcome.ok) throw new Error(`golden case ${c.name} does not compile`);
  const r = outcome.result;
  const day = (t: number) => formatBarTime(t, false);
  return {
    metrics: r.metrics,
    trades: r.trades.map((t) => ({ ...t, entryTime: day(t.entryTime), exitTime: day(t.exitTime) })),
    fills: r.fills.length,
    rejected: r.orderEvents.filter((e) => e.status === 'rejected').length,
    equityPoints: r.equity.length,
  };
}
