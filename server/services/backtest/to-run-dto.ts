import type { TMetrics } from '@/server/engine/metrics/compute-metrics';
import type { TRunDetail, TRunError, TRunStatus, TRunSummary, TStoredParams } from './schemas';
import { RUN_STATUSES } from './schemas';

type TRunRow = {
  id: string;
  strategyId: string | null;
  paramsJson: string;
  status: string;
  progress: number;
  barsDone: number;
  barsTotal: number | null;
  metricsJson: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  strategy?: { name: string } | null;
};

/** A JSON column of a run row, or null when empty or unreadable. */
export function parseJson<T>(text: string | null): T | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

export function parseParams(text: string): TStoredParams {
  return parseJson<TStoredParams>(text) ?? ({ symbols: [], resolved: [], timeframe: '1d', initialCash: 0, fillTiming: 'next-open', costs: {} } as unknown as TStoredParams);
}

/** An error column holds JSON written by this service; anything else (older rows) is shown as text. */
export function parseRunError(text: string | null): TRunError | null {
  if (!text) return null;
  const parsed = parseJson<TRunError>(text);
  if (parsed && typeof parsed === 'object' && typeof parsed.code === 'string') return parsed;
  return { code: 'engine_failed', message: text };
}

export function toRunSummary(row: TRunRow): TRunSummary {
  const params = parseParams(row.paramsJson);
  return {
    id: row.id,
    strategyId: row.strategyId,
    strategyName: row.strategy?.name ?? null,
    status: (RUN_STATUSES as readonly string[]).includes(row.status) ? (row.status as TRunStatus) : 'failed',
    progress: row.progress,
    barsDone: row.barsDone,
    barsTotal: row.barsTotal,
    symbols: (params.resolved?.length ? params.resolved : params.symbols).map((s) => s.symbol),
    timeframe: params.timeframe,
    from: params.from ?? params.resolved?.[0]?.from ?? null,
    to: params.to ?? params.resolved?.[0]?.to ?? null,
    initialCash: params.initialCash,
    metrics: parseJson<TMetrics>(row.metricsJson),
    error: parseRunError(row.error),
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function toRunDetail(row: TRunRow & { graphJson: string | null }): TRunDetail {
  return { ...toRunSummary(row), params: parseParams(row.paramsJson), graph: parseJson(row.graphJson) };
}

/** Columns a run list needs (never the graph or results). */
export const RUN_SUMMARY_SELECT = {
  id: true,
  strategyId: true,
  paramsJson: true,
  status: true,
  progress: true,
  barsDone: true,
  barsTotal: true,
  metricsJson: true,
  error: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  strategy: { select: { name: true } },
} as const;
