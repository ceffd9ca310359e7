// Node inspection: the output series of one node over a symbol's bars, computed by the one kernel
// on a probe plan (the node and what feeds it; nothing trades). Only series-phase nodes can be
// inspected this way: a trading-phase node's value depends on fills and AI answers, which only
// the run itself had.
import { costsFor } from '@/server/markets/types';
import { getMarketRules } from '@/server/markets';
import { compileGraph, type TCompileError } from './compile';
import { runKernel } from './kernel/run-kernel';
import { backtestPorts } from './modes';
import type { TBacktestSymbol } from './run-backtest';

export type TInspectOutcome =
  | { ok: true; outputs: Array<{ name: string; type: string; values: Float64Array }>; warmup: number }
  | { ok: false; reason: 'trading_phase' }
  | { ok: false; reason: 'compile'; errors: TCompileError[] };

export async function inspectNode(request: {
  graph: unknown;
  overrides?: Record<string, Record<string, unknown>>;
  nodeId: string;
  symbol: TBacktestSymbol;
}): Promise<TInspectOutcome> {
  const compiled = compileGraph(request.graph, request.overrides, { probe: request.nodeId });
  if (!compiled.ok) return { ok: false, reason: 'compile', errors: compiled.errors };
  const plan = compiled.plan;
  const k = plan.nodes.findIndex((n) => n.id === request.nodeId);
  const node = plan.nodes[k];
  if (node.phase !== 'series') return { ok: false, reason: 'trading_phase' };

  const rules = getMarketRules(request.symbol.market);
  if (!rules) throw new Error(`market "${request.symbol.market}" has no rules`);
  const length = request.symbol.bars.length;
  // Numbers and signals (1/0) only: other port types (decisions, orders) have nothing to plot.
  const plotted = node.outputs.map((o, index) => ({ ...o, index })).filter((o) => o.type === 'number' || o.type === 'signal');
  const values = plotted.map(() => new Float64Array(length).fill(NaN));
  const ports = backtestPorts({
    symbols: [request.symbol.symbol],
    bars: [request.symbol.bars],
    market: {
      rules: [rules],
      instruments: [request.symbol.instrument ?? rules.inferInstrument(request.symbol.symbol)],
      costs: [costsFor(rules)],
      fillTiming: 'next-open',
    },
    sink: {
      series(_symbol, from, to, read) {
        plotted.forEach((o, j) => {
          const out = values[j];
          for (let i = from; i < to; i++) out[i] = read(k, o.index, i);
        });
      },
    },
  });
  await runKernel(plan, ports, { initialCash: 1 });
  return { ok: true, outputs: plotted.map((o, j) => ({ name: o.name, type: o.type, values: values[j] })), warmup: node.warmup };
}
