import { ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';
import type { TDb } from '@/server/db';
import type { TMetrics } from '@/server/engine/metrics/compute-metrics';
import type { TEquitySeries, TStoredParams } from '@/server/services/backtest/schemas';
import { logicSignature } from './graph-facts';
import type { TTemplateReference } from './schemas';

const CURVE_POINTS = 120;
/** Recent runs looked at: enough for "the one I just ran", bounded so publishing stays quick. */
const RUNS_CONSIDERED = 20;

function parse<T>(json: string | null): T | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as T;
  } catch {
    return null;
  }
}

/** Growth of 1 at ≤ 120 evenly spaced points, first and last exact, like the built-ins' curves. */
export function growthCurve(series: Pick<TEquitySeries, 'times' | 'equity'>, initialCash: number): Array<[string, number]> {
  const n = Math.min(series.times.length, series.equity.length);
  if (n === 0 || !(initialCash > 0)) return [];
  const count = Math.min(CURVE_POINTS, n);
  const out: Array<[string, number]> = [];
  for (let k = 0; k < count; k++) {
    const i = count === 1 ? 0 : Math.round((k * (n - 1)) / (count - 1));
    // engine times are exchange-local wall clock encoded as UTC: the UTC date is the trading date
    out.push([new Date(series.times[i]).toISOString().slice(0, 10), Math.round((series.equity[i] / initialCash) * 10_000) / 10_000]);
  }
  return out;
}

/**
 * The author's most recent finished backtest of this strategy that ran the same logic as the graph
 * being published (layout may differ), as the template's reference; null when there is none.
 * Only numbers leave: symbol, dates, metrics and the growth curve — no trades, no AI transcripts.
 */
export async function findReferenceRun(db: TDb, input: { ownerId: string; strategyId: string; graph: TGraph }): Promise<TTemplateReference | null> {
  const want = logicSignature(input.graph);
  const runs = await db.backtestRun.findMany({
    where: { ownerId: input.ownerId, strategyId: input.strategyId, status: 'succeeded' },
    orderBy: { createdAt: 'desc' },
    take: RUNS_CONSIDERED,
    select: { id: true, graphJson: true, paramsJson: true, metricsJson: true },
  });
  for (const run of runs) {
    const graph = ZGraphSchema.safeParse(parse(run.graphJson));
    if (!graph.success || logicSignature(graph.data) !== want) continue;
    const params = parse<TStoredParams>(run.paramsJson);
    const metrics = parse<TMetrics>(run.metricsJson);
    const result = await db.backtestResult.findUnique({ where: { runId: run.id }, select: { equityJson: true } });
    const equity = parse<TEquitySeries>(result?.equityJson ?? null);
    const first = params?.resolved?.[0];
    if (!params || !metrics || !equity || !first) continue;
    return {
      symbol: first.symbol,
      market: first.market,
      timeframe: params.timeframe,
      from: first.from.slice(0, 10),
      to: first.to.slice(0, 10),
      metrics: {
        totalReturn: metrics.totalReturn,
        annualReturn: metrics.annualReturn,
        maxDrawdown: metrics.maxDrawdown,
        sharpe: metrics.sharpe,
        trades: metrics.trades,
        winRate: metrics.winRate,
      },
      buyAndHoldReturn: null,
      curve: growthCurve(equity, params.initialCash),
    };
  }
  return null;
}
