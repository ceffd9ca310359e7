import type { TLlmPort } from '@/nodes/sdk';
import { createMemoryCacheStore } from '@/server/ai/cache/decision-cache-store';
import { createLlmClient } from '@/server/ai/client/create-llm-client';
import { createLlmPort } from '@/server/ai/decide/create-llm-port';
import { createProviderDirectory } from '@/server/ai/providers/create-provider-directory';
import { runBacktest } from '@/server/engine/run-backtest';
import { formatBarTime } from '@/server/data/bar-columns';
import { getTemplate } from '@/templates';
import { loadMarketBars } from '../helpers/bars';
import type { TGoldenCase } from './golden-cases';

/**
 * The LLM port for a graph with AI nodes: no providers configured, so "auto" resolves to the
 * heuristic analyst (fixed rules, deterministic); null for graphs without AI nodes.
 */
export function goldenLlm(graph: unknown): TLlmPort | null {
  const nodes = (graph as { nodes?: Array<{ type: string }> }).nodes ?? [];
  if (!nodes.some((n) => n.type.startsWith('ai.'))) return null;
  return createLlmPort({ client: createLlmClient(), directory: createProviderDirectory([], null), cache: createMemoryCacheStore() });
}

/** Runs one golden case and returns the parts that are pinned. */
export async function runGoldenCase(c: TGoldenCase) {
  const graph = getTemplate(c.template)!.graph;
  const outcome = await runBacktest({
    graph,
    llm: goldenLlm(graph),
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
