/**
 * THE parity test: one graph as a backtest, and as a paper trader fed the same bars one at a
 * time by the scheduler in simulated time through the live feed, the trader's broker decorators
 * and its journal — identical orders, fills and equity.
 */
import { describe, expect, it } from 'vitest';
import { rangeBarColumns, sliceBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import { runBacktest, type TBacktestResult } from '@/server/engine/run-backtest';
import type { TMarketId } from '@/server/markets';
import type { TTraderSpec } from '@/server/trading/types';
import { smaCrossGraph } from '../../helpers/graphs';
import { barsFile, runPaper, spec } from './helpers';

async function backtest(s: TTraderSpec, series: Record<string, TBarColumns>, market: TMarketId): Promise<TBacktestResult> {
  const outcome = await runBacktest({
    graph: s.graph,
    symbols: s.symbols.map((symbol) => ({ symbol, market, bars: series[symbol] })),
    initialCash: s.initialCash,
    costs: s.costs,
    runId: s.id,
  });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

async function expectParity(s: TTraderSpec, series: Record<string, TBarColumns>) {
  const bt = await backtest(s, series, s.market);
  const first = Math.min(...Object.values(series).map((b) => b.time[0]));
  const paper = await runPaper({ ...s, activeFrom: first }, series);
  // equity, bar by bar: the kernel's own curve and the snapshots the trader persisted
  expect(Array.from(paper.result.equity)).toEqual(Array.from(bt.equity));
  expect(Array.from(paper.result.times)).toEqual(Array.from(bt.times));
  const saved = [...paper.store.equity.values()].sort((a, b) => a.time - b.time);
  expect(saved.map((p) => p.equity)).toEqual(Array.from(bt.equity));
  // fills, with the same deterministic client order ids
  const fills = [...paper.store.fills.values()].sort((a, b) => a.time - b.time || a.clientOrderId.localeCompare(b.clientOrderId));
  const btFills = [...bt.fills].sort((a, b) => a.time - b.time || a.orderId.localeCompare(b.orderId));
  expect(fills.map((f) => [f.clientOrderId, f.time, f.side, f.qty, f.price, f.fee])).toEqual(btFills.map((f) => [f.orderId, f.time, f.side, f.qty, f.price, f.fee]));
  // orders: every backtest order (filled, rejected or expired) is a trader order with the same outcome
  const orders = [...paper.store.orders.values()];
  expect(orders.filter((o) => o.status === 'filled').length).toBe(bt.fills.length);
  expect(orders.filter((o) => o.status === 'rejected' || o.status === 'expired').map((o) => [o.symbol, o.status, o.statusReason]).sort()).toEqual(
    bt.orderEvents.map((e) => [e.symbol, e.status, e.reason]).sort(),
  );
  expect(orders.every((o) => o.stage === 'broker')).toBe(true);
  expect(paper.store.lastBarTime).toBe(bt.times[bt.times.length - 1]);
  return { bt, paper };
}

describe('paper trader = backtest (parity)', () => {
  it('SPY daily, SMA(10/30) crossover, 600 bars: identical orders, fills and equity', async () => {
    const spy = sliceBarColumns(barsFile('data/market/SPY.US_daily.csv'), 0, 600);
    const { bt } = await expectParity(spec({ graph: smaCrossGraph(), market: 'us', symbols: ['SPY.US'], timeframe: '1d', costs: { commissionRate: 0.0005 } }), { 'SPY.US': spy });
    expect(bt.fills.length).toBeGreaterThan(6);
  });

  it('two A-shares on the CN calendar (lots, T+1, 5 CNY minimum commission, price limits): identical', async () => {
    const from = Date.UTC(2019, 0, 1);
    const to = Date.UTC(2020, 11, 31);
    const series = {
      '600519.SH': rangeBarColumns(barsFile('data/market/600519.SH_daily.csv'), from, to),
      '601318.SH': rangeBarColumns(barsFile('data/market/601318.SH_daily.csv'), from, to),
    };
    const { bt } = await expectParity(spec({ graph: smaCrossGraph(5, 20), market: 'cn-a', symbols: ['600519.SH', '601318.SH'], timeframe: '1d', initialCash: 1_000_000, costs: {} }), series);
    expect(new Set(bt.fills.map((f) => f.symbol)).size).toBe(2);
  });

  it('CN-A 5-minute bars stamped at their close, across the lunch break and a night: identical', async () => {
    const etf = barsFile('tests/fixtures/markets/510300.SH_5min_2022-01-18_19.csv');
    const { bt } = await expectParity(spec({ graph: smaCrossGraph(3, 8), market: 'cn-a', symbols: ['510300.SH'], timeframe: '5m', barStamp: 'close', costs: {} }), { '510300.SH': etf });
    expect(bt.fills.length).toBeGreaterThan(2);
  });
});
