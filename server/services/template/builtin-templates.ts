// The built-in templates (templates/*.json) with their reference backtests
// (templates/reference-results.json, written by scripts/update-template-references.mjs and pinned
// by the golden tests), as gallery DTOs. Read once per process: they ship with the code.
import { migrateGraph } from '@/nodes/sdk/migrate-graph';
import { ZGraphSchema, type TGraph } from '@/nodes/sdk/graph-schema';
import { getTemplate, TEMPLATES, type TTemplate } from '@/templates';
import referenceResults from '@/templates/reference-results.json';
import { graphUsesAi } from './graph-facts';
import type { TTemplateCard, TTemplateDetail, TTemplateReference } from './schemas';

type TStoredReference = {
  symbol: string;
  market: string;
  timeframe: string;
  from: string;
  to: string;
  metrics: { totalReturn: number; annualReturn?: number; maxDrawdown: number; sharpe: number; trades: number; winRate?: number };
  buyAndHoldReturn?: number;
  equityCurve: Array<[string, number]>;
};

const REFERENCES = referenceResults as unknown as Record<string, TStoredReference | undefined>;

function toReference(r: TStoredReference | undefined): TTemplateReference | null {
  if (!r) return null;
  return {
    symbol: r.symbol,
    market: r.market,
    timeframe: r.timeframe,
    from: r.from,
    to: r.to,
    metrics: {
      totalReturn: r.metrics.totalReturn,
      annualReturn: r.metrics.annualReturn ?? null,
      maxDrawdown: r.metrics.maxDrawdown,
      sharpe: r.metrics.sharpe,
      trades: r.metrics.trades,
      winRate: r.metrics.winRate ?? null,
    },
    buyAndHoldReturn: r.buyAndHoldReturn ?? null,
    curve: r.equityCurve,
  };
}

/** A template file's graph in the current saved format (files may be written in an older one). */
export function builtinGraph(t: TTemplate): TGraph {
  const migrated = migrateGraph(t.graph);
  if (!migrated.ok) throw new Error(`built-in template ${t.id}: ${migrated.message}`);
  return ZGraphSchema.parse(migrated.graph);
}

function card(t: TTemplate, counts: { uses: number; forks: number }): TTemplateCard {
  return {
    id: t.id,
    kind: 'builtin',
    visibility: 'builtin',
    title: t.title,
    description: t.description,
    tags: t.tags,
    markets: t.markets,
    usesAi: graphUsesAi(builtinGraph(t)),
    reference: toReference(REFERENCES[t.id]),
    author: null,
    uses: counts.uses,
    forks: counts.forks,
    version: 1,
    updatedAt: null,
    mine: false,
  };
}

export function builtinCards(counts: ReadonlyMap<string, { uses: number; forks: number }>): TTemplateCard[] {
  return TEMPLATES.map((t) => card(t, counts.get(t.id) ?? { uses: 0, forks: 0 }));
}

export function builtinDetail(id: string, counts: { uses: number; forks: number }): TTemplateDetail | null {
  const t = getTemplate(id);
  if (!t) return null;
  return { ...card(t, counts), idea: t.idea, suggested: t.suggested, graph: builtinGraph(t), hasAiCache: false, owner: null };
}

export function isBuiltinTemplateId(id: string): boolean {
  return getTemplate(id) !== undefined;
}

export const BUILTIN_TEMPLATE_IDS: readonly string[] = TEMPLATES.map((t) => t.id);
