// Recent imports and syncs with their outcome, newest first, for the Data page.
import type { TDb } from '@/server/db';
import type { TRowErrorDto } from './row-errors';

export type TImportDto = {
  id: string;
  kind: string;
  symbol: string;
  timeframe: string;
  adjustment: string;
  source: string;
  status: string;
  progress: number;
  rowsRead: number;
  rowsWritten: number;
  rowsSkipped: number;
  errorCode: string | null;
  error: { provider?: string; code?: string; params?: Record<string, string | number>; message?: string; refreshed?: boolean; mappingProblems?: { code: string; field: string }[] } | null;
  rowErrors: TRowErrorDto[];
  startedAt: string;
  finishedAt: string | null;
};

export async function listImports(db: TDb, input: { limit: number; symbol?: string }): Promise<TImportDto[]> {
  const rows = await db.marketDataImport.findMany({ where: input.symbol ? { symbol: input.symbol } : {}, orderBy: { startedAt: 'desc' }, take: input.limit });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    symbol: r.symbol,
    timeframe: r.timeframe,
    adjustment: r.adjustment,
    source: r.source,
    status: r.status,
    progress: r.progress,
    rowsRead: r.rowsRead,
    rowsWritten: r.rowsWritten,
    rowsSkipped: r.rowsSkipped,
    errorCode: r.errorCode,
    error: r.errorJson ? JSON.parse(r.errorJson) : null,
    rowErrors: r.rowErrorsJson ? (JSON.parse(r.rowErrorsJson) as TRowErrorDto[]).slice(0, 50) : [],
    startedAt: r.startedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
}
