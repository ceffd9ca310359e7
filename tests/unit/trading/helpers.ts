import fs from 'node:fs';
import path from 'node:path';
import type { TBarColumns } from '@/server/data/bar-columns';
import { parseBarsCsv } from '@/server/data/parse-bars-csv';
import { replayBarSource } from '@/server/trading/feeds/bar-source';
import { MemoryTraderStore } from '@/server/trading/memory-trader-store';
import { runTrader, type TTraderDeps } from '@/server/trading/run-trader';
import { marketHours } from '@/server/trading/scheduler/market-hours';
import { barSlotsOn } from '@/server/trading/scheduler/bar-schedule';
import { SimulatedTimer } from '@/server/trading/scheduler/timer';
import { toUtcTime } from '@/server/trading/scheduler/zoned-time';
import { NO_RISK_LIMITS, type TTraderSpec } from '@/server/trading/types';

export function barsFile(rel: string): TBarColumns {
  const parsed = parseBarsCsv(fs.readFileSync(path.join(process.cwd(), rel)), { skipBadRows: true });
  if (!parsed.ok) throw new Error(rel);
  return parsed.bars;
}

export function spec(overrides: Partial<TTraderSpec> & Pick<TTraderSpec, 'graph' | 'market' | 'symbols' | 'timeframe'>): TTraderSpec {
  return { id: 'T1', initialCash: 100_000, risk: NO_RISK_LIMITS, costs: { commissionRate: 0 }, activeFrom: null, ...overrides };
}

/** A simulated-time start just before the first replayed bar's close, so that bar is the first live one. */
export function startBefore(s: TTraderSpec, firstBarTime: number): number {
  const hours = marketHours(s.market);
  const slot = barSlotsOn(hours, s.timeframe, firstBarTime).find((x) => x.close >= firstBarTime)!;
  return toUtcTime(hours.timezone, slot.close) - 60_000;
}

/** Runs a paper trader in simulated time on replayed bars until the last one. */
export async function runPaper(s: TTraderSpec, series: Record<string, TBarColumns>, extra: Partial<TTraderDeps> & { store?: MemoryTraderStore; startUtc?: number } = {}) {
  const store = extra.store ?? new MemoryTraderStore();
  const all = Object.values(series);
  const first = Math.min(...all.map((b) => b.time[0]));
  const last = Math.max(...all.map((b) => b.time[b.length - 1]));
  const timer = new SimulatedTimer(extra.startUtc ?? startBefore(s, first));
  const result = await runTrader(s, { store, source: replayBarSource(series), timer, delayMs: 1000, until: last, ...extra });
  return { store, result, timer };
}
