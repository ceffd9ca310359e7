// Node inspection: one node's output series over the bars a run traded, for plotting under the
// K-line. Recomputed on demand by the engine from the run's own graph, params and bars (a probe
// plan: the node and what feeds it), so nothing per node is stored with a run.
import type { TDb } from '@/server/db';
import type { TMarketDataReader } from '@/server/data/market-data';
import { inspectNode } from '@/server/engine/inspect-node';
import { getNodeDefinition } from '@/nodes/registry';
import { AppError } from '@/server/services/errors';
import { MAX_CHART_BARS } from './get-run-bars';
import { loadBacktestSymbols } from './resolve-symbols';
import type { TNodeSeriesDto } from './schemas';
import { parseJson, parseParams } from './to-run-dto';

export async function inspectRunNode(db: TDb, deps: { reader: TMarketDataReader }, input: { ownerId: string; id: string; symbol: string; nodeId: string }): Promise<TNodeSeriesDto> {
  const run = await db.backtestRun.findFirst({ where: { id: input.id, ownerId: input.ownerId }, select: { paramsJson: true, graphJson: true } });
  if (!run) throw new AppError('not_found');
  const graph = parseJson<{ nodes?: Array<{ id: string; type: string }> }>(run.graphJson);
  const node = graph?.nodes?.find((n) => n.id === input.nodeId);
  if (!node) throw new AppError('not_found', 'nodeId');
  const params = parseParams(run.paramsJson);
  const wanted = params.symbols.find((s, k) => s.symbol === input.symbol || params.resolved?.[k]?.symbol === input.symbol);
  if (!wanted) throw new AppError('not_found', 'symbol');
  const [loaded] = await loadBacktestSymbols(deps.reader, { ...params, symbols: [wanted] });

  const outcome = await inspectNode({
    graph,
    overrides: params.overrides,
    nodeId: input.nodeId,
    symbol: { symbol: loaded.resolved.symbol, market: loaded.resolved.market, bars: loaded.bars, instrument: loaded.instrument },
  });
  // The run's graph compiled when it ran, so a failure here is the engine's, not the user's.
  if (!outcome.ok && outcome.reason === 'compile') throw new AppError('internal_error', 'nodeId');

  const bars = loaded.bars;
  const from = Math.max(0, bars.length - MAX_CHART_BARS);
  const def = getNodeDefinition(node.type);
  return {
    nodeId: input.nodeId,
    symbol: loaded.resolved.symbol,
    times: Array.from(bars.time.subarray(from)),
    outputs: outcome.ok
      ? outcome.outputs.map((o) => ({
          name: o.name,
          type: o.type,
          label: def?.outputs[o.name]?.label ?? { en: o.name, zh: o.name },
          values: Array.from(o.values.subarray(from), (v) => (Number.isFinite(v) ? v : null)),
        }))
      : [],
    unavailable: outcome.ok ? null : 'trading_phase',
    truncated: from > 0,
  };
}
