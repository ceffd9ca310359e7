import type { TTraderStatus } from '@/server/trading/types';
import type { TTraderSummary } from './schemas';

interface TTraderRow {
  id: string;
  name: string;
  strategyId: string;
  strategyVersion: number;
  market: string;
  symbolsJson: string;
  timeframe: string;
  brokerKind: string;
  dataSource: string;
  status: string;
  statusReason: string;
  initialCash: number;
  equity: number | null;
  lastBarTime: number | null;
  createdAt: Date;
}

export function toTraderSummary(row: TTraderRow, sparkline: number[]): TTraderSummary {
  const pnl = row.equity === null ? null : row.equity - row.initialCash;
  return {
    id: row.id,
    name: row.name,
    strategyId: row.strategyId,
    strategyVersion: row.strategyVersion,
    market: row.market,
    symbols: JSON.parse(row.symbolsJson) as string[],
    timeframe: row.timeframe,
    brokerKind: row.brokerKind,
    dataSource: row.dataSource,
    status: row.status as TTraderStatus,
    statusReason: row.statusReason,
    initialCash: row.initialCash,
    equity: row.equity,
    pnl,
    pnlPct: pnl === null ? null : (pnl / row.initialCash) * 100,
    lastBarTime: row.lastBarTime,
    sparkline,
    createdAt: row.createdAt.toISOString(),
  };
}

/** At most `n` points, evenly picked, always keeping the last. */
export function thin<T>(points: T[], n: number): T[] {
  if (points.length <= n) return points;
  const out: T[] = [];
  const step = (points.length - 1) / (n - 1);
  for (let k = 0; k < n; k++) out.push(points[Math.round(k * step)]);
  return out;
}
