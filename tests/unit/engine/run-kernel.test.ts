import { describe, expect, it } from 'vitest';
import { runBacktest, type TBacktestRequest, type TBacktestResult } from '@/server/engine/run-backtest';
import { sliceBarColumns } from '@/server/data/bar-columns';
import { graph, smaCrossGraph } from '../../helpers/graphs';
import { flatBars, loadMarketBars, makeBars } from '../../helpers/bars';

async function backtest(request: Partial<TBacktestRequest> & Pick<TBacktestRequest, 'graph' | 'symbols'>): Promise<TBacktestResult> {
  const outcome = await runBacktest({ initialCash: 100_000, costs: { commissionRate: 0 }, ...request });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
  return outcome.result;
}

/** Buys `qty` shares on bar `k` (a signal from bar index == k). */
function buyOnBar(k: number, qty: number, extra: Record<string, unknown> = {}) {
  return graph(
    [
      ['idx', 'data.bar-index'],
      ['k', 'data.constant', { value: k }],
      ['at', 'logic.eq'],
      ['buy', 'orders.buy', { size: 'shares', amount: qty, ...extra }],
    ],
    [['idx.index', 'at.a'], ['k.value', 'at.b'], ['at.value', 'buy.when']],
  );
}

const spy = loadMarketBars('SPY.US_daily.csv');

describe('runKernel', () => {
  it('cannot look ahead: a run on the first N bars equals the first N bars of the full run', async () => {
    const full = await backtest({ graph: smaCrossGraph(), symbols: [{ symbol: 'SPY.US', market: 'us', bars: spy }] });
    for (const n of [200, 1000, 1777]) {
      const part = await backtest({ graph: smaCrossGraph(), symbols: [{ symbol: 'SPY.US', market: 'us', bars: sliceBarColumns(spy, 0, n) }] });
      expect(Array.from(part.equity)).toEqual(Array.from(full.equity.subarray(0, n)));
      const before = (fills: TBacktestResult['fills']) => fills.filter((f) => f.time <= spy.time[n - 1]);
      expect(part.fills).toEqual(before(full.fills));
    }
  });

  it('gives identical fills and equity whether bars arrive at once or one by one (paper = backtest)', async () => {
    const base = { graph: smaCrossGraph(), symbols: [{ symbol: 'SPY.US', market: 'us' as const, bars: sliceBarColumns(spy, 0, 600) }] };
    const whole = await backtest(base);
    const oneByOne = await backtest({ ...base, chunkBars: 1 });
    expect(oneByOne.fills).toEqual(whole.fills);
    expect(Array.from(oneByOne.equity)).toEqual(Array.from(whole.equity));
    expect(whole.fills.length).toBeGreaterThan(4);
  });

  it('gives the same run across the kernel’s 2,048-bar column blocks, whatever the chunking', async () => {
    // 2,519 bars: one block boundary inside a single chunk, others inside 700-bar chunks
    const base = { graph: smaCrossGraph(), symbols: [{ symbol: 'SPY.US', market: 'us' as const, bars: spy }] };
    const whole = await backtest(base);
    for (const chunkBars of [1, 700]) {
      const chunked = await backtest({ ...base, chunkBars });
      expect(chunked.fills).toEqual(whole.fills);
      expect(Array.from(chunked.equity)).toEqual(Array.from(whole.equity));
    }
    expect(Array.from(whole.times)).toEqual(Array.from(spy.time));
    // a node that reads the bar (data.bar-index) sees the true bar index in a later block
    const late = await backtest({ graph: buyOnBar(2100, 1), symbols: base.symbols });
    expect(late.fills.map((f) => f.time)).toEqual([spy.time[2101]]);
  });

  it('fills at the next open by default, or at the signal bar’s close', async () => {
    const bars = makeBars([
      [10, 11, 9, 10],
      [10, 11, 9, 10.5],
      [12, 13, 11, 12.5],
      [13, 14, 12, 13],
    ]);
    const next = await backtest({ graph: buyOnBar(1, 100), symbols: [{ symbol: 'X', market: 'us', bars }] });
    expect(next.fills).toMatchObject([{ side: 'buy', qty: 100, price: 12, time: bars.time[2] }]);
    const close = await backtest({ graph: buyOnBar(1, 100), symbols: [{ symbol: 'X', market: 'us', bars }], fillTiming: 'close' });
    expect(close.fills).toMatchObject([{ side: 'buy', qty: 100, price: 10.5, time: bars.time[1] }]);
    // equity: cash 100000 − 1200 + 100 × 13 at the last close
    expect(next.metrics.finalEquity).toBe(100_100);
  });

  it('applies commission with a minimum and slippage against the trader', async () => {
    const bars = makeBars([
      [10, 11, 9, 10],
      [10, 11, 9, 10],
      [20, 21, 19, 20],
    ]);
    const r = await backtest({ graph: buyOnBar(0, 10), symbols: [{ symbol: 'X', market: 'us', bars }], costs: { commissionRate: 0.001, minCommission: 1, slippageBps: 50 } });
    expect(r.fills[0].price).toBeCloseTo(10.05, 12);
    expect(r.fills[0].fee).toBe(1); // 0.1% of 100.5 = 0.1005 < minimum 1
  });

  it('limit buys fill at the limit when the bar trades through it, and expire when it does not', async () => {
    const limitGraph = (price: number) => {
      const g = buyOnBar(0, 10, { orderType: 'limit' });
      g.nodes.push({ id: 'p', type: 'data.constant', params: { value: price }, position: { x: 0, y: 0 } });
      g.edges.push({ id: 'ep', source: 'p', sourceHandle: 'value', target: 'buy', targetHandle: 'price' });
      return g;
    };
    const bars = makeBars([
      [10, 10.5, 9.5, 10],
      [10, 10.2, 9.1, 9.8],
    ]);
    const touched = await backtest({ graph: limitGraph(9.5), symbols: [{ symbol: 'X', market: 'us', bars }] });
    expect(touched.fills).toMatchObject([{ price: 9.5, qty: 10 }]);
    const missed = await backtest({ graph: limitGraph(9), symbols: [{ symbol: 'X', market: 'us', bars }] });
    expect(missed.fills).toEqual([]);
    expect(missed.orderEvents).toMatchObject([{ status: 'expired', reason: 'limit 9 not reached', nodeId: 'buy' }]);
    const below = await backtest({ graph: limitGraph(11), symbols: [{ symbol: 'X', market: 'us', bars }] });
    expect(below.fills).toMatchObject([{ price: 10 }]); // marketable on arrival: fills at the open
  });

  it('rejects a buy that costs more than the cash, with the reason', async () => {
    const r = await backtest({ graph: buyOnBar(0, 5000), symbols: [{ symbol: 'X', market: 'us', bars: flatBars(3, 100) }] });
    expect(r.fills).toEqual([]);
    expect(r.orderEvents[0]).toMatchObject({ status: 'rejected', nodeId: 'buy' });
    expect(r.orderEvents[0].reason).toContain('insufficient cash');
  });

  it('a stop loss sells the whole position when the close falls below entry by the percent', async () => {
    const g = buyOnBar(0, 100);
    g.nodes.push({ id: 'stop', type: 'risk.stop-loss', params: { percent: 5 }, position: { x: 0, y: 0 } });
    const bars = makeBars([
      [100, 101, 99, 100],
      [100, 101, 99, 100],
      [99, 100, 96, 96], // −4%: holds
      [96, 96, 94, 94.9], // −5.1%: exit signalled
      [95, 96, 93, 94], // sold at this open
      [94, 95, 93, 94],
    ]);
    const r = await backtest({ graph: g, symbols: [{ symbol: 'X', market: 'us', bars }] });
    expect(r.fills.map((f) => [f.side, f.qty, f.price])).toEqual([
      ['buy', 100, 100],
      ['sell', 100, 95],
    ]);
    expect(r.trades).toMatchObject([{ qty: 100, entryPrice: 100, exitPrice: 95, pnl: -500, bars: 3 }]);
  });

  it('take profit and trailing stop exit on their own rules', async () => {
    const rising = makeBars([
      [100, 101, 99, 100],
      [100, 101, 99, 100],
      [104, 111, 103, 110], // exactly +10%: take profit signal; high since entry 110
      [110, 111, 100, 101], // trailing 8% from 110 = 101.2: signal
      [101, 102, 100, 101],
    ]);
    const tp = buyOnBar(0, 10);
    tp.nodes.push({ id: 'tp', type: 'risk.take-profit', params: { percent: 10 }, position: { x: 0, y: 0 } });
    expect((await backtest({ graph: tp, symbols: [{ symbol: 'X', market: 'us', bars: rising }] })).fills.map((f) => f.price)).toEqual([100, 110]);
    const trail = buyOnBar(0, 10);
    trail.nodes.push({ id: 'trail', type: 'risk.trailing-stop', params: { percent: 8 }, position: { x: 0, y: 0 } });
    expect((await backtest({ graph: trail, symbols: [{ symbol: 'X', market: 'us', bars: rising }] })).fills.map((f) => f.price)).toEqual([100, 101]);
  });

  it('max daily loss stops new buys for the rest of the day, but not exits', async () => {
    // Intraday bars: buy on bar 0, price falls 5% by bar 2, a second buy on bar 3 is blocked.
    const g = graph(
      [
        ['idx', 'data.bar-index'],
        ['k0', 'data.constant', { value: 0 }],
        ['k3', 'data.constant', { value: 3 }],
        ['at0', 'logic.eq'],
        ['at3', 'logic.eq'],
        ['either', 'logic.or'],
        ['buy', 'orders.buy', { size: 'shares', amount: 500 }],
        ['halt', 'risk.max-daily-loss', { percent: 2 }],
      ],
      [['idx.index', 'at0.a'], ['k0.value', 'at0.b'], ['idx.index', 'at3.a'], ['k3.value', 'at3.b'], ['at0.value', 'either.a'], ['at3.value', 'either.b'], ['either.value', 'buy.when']],
    );
    const bars = makeBars(
      [
        [100, 100, 100, 100],
        [100, 100, 95, 95],
        [95, 95, 94, 94],
        [94, 95, 94, 95],
        [95, 95, 95, 95],
      ],
      Date.UTC(2024, 0, 2, 9, 30),
      60_000,
    );
    const r = await backtest({ graph: g, symbols: [{ symbol: 'X', market: 'us', bars }] });
    expect(r.fills.map((f) => f.side)).toEqual(['buy']);
  });

  it('cooldown blocks buys for n bars after an exit', async () => {
    // Hold 10 shares whenever flat, close whenever held: with a 3-bar cooldown re-entries are spaced out.
    const every = graph(
      [
        ['t', 'data.constant', { value: 1 }],
        ['one', 'data.constant', { value: 1 }],
        ['yes', 'logic.eq'],
        ['buy', 'orders.target-shares', { shares: 10 }],
        ['sell', 'orders.close-position'],
        ['cool', 'risk.cooldown', { bars: 3 }],
      ],
      [['t.value', 'yes.a'], ['one.value', 'yes.b'], ['yes.value', 'buy.when'], ['yes.value', 'sell.when']],
    );
    const r = await backtest({ graph: every, symbols: [{ symbol: 'X', market: 'us', bars: flatBars(14) }] });
    const buys = r.fills.filter((f) => f.side === 'buy').map((f) => (f.time - r.times[0]) / 86_400_000);
    const sells = r.fills.filter((f) => f.side === 'sell').map((f) => (f.time - r.times[0]) / 86_400_000);
    // buy fills bar 1, sell fills bar 2 (exit index 2); buys blocked on bars 3..5 decisions; next buy decided bar 6, fills bar 7
    expect(buys.slice(0, 2)).toEqual([1, 7]);
    expect(sells[0]).toBe(2);
  });

  it('shares one cash account across symbols and skips a suspended symbol’s missing day', async () => {
    const a = flatBars(5, 10);
    const bFull = flatBars(5, 20);
    // B is suspended on day 2 (index 2): drop that bar
    const keep = [0, 1, 3, 4];
    const b = makeBars(keep.map(() => [20, 20.2, 19.8, 20] as [number, number, number, number]));
    keep.forEach((k, j) => (b.time[j] = bFull.time[k]));
    const g = graph(
      [['idx', 'data.bar-index'], ['k', 'data.constant', { value: 1 }], ['at', 'logic.eq'], ['buy', 'orders.target-percent', { percent: 40 }]],
      [['idx.index', 'at.a'], ['k.value', 'at.b'], ['at.value', 'buy.when']],
    );
    const r = await backtest({
      graph: g,
      symbols: [
        { symbol: 'A', market: 'us', bars: a },
        { symbol: 'B', market: 'us', bars: b },
      ],
    });
    // both decide on their own bar 1 (day 1); A fills day 2; B has no bar on day 2 and fills on day 3
    expect(r.fills.map((f) => [f.symbol, (f.time - a.time[0]) / 86_400_000, f.qty])).toEqual([
      ['A', 2, 4000],
      ['B', 3, 2000],
    ]);
    expect(r.times.length).toBe(5);
    expect(r.metrics.finalEquity).toBeCloseTo(100_000, 6);
  });

  it('reports progress and can be cancelled between chunks', async () => {
    const controller = new AbortController();
    const seen: number[] = [];
    const r = await backtest({
      graph: smaCrossGraph(),
      symbols: [{ symbol: 'SPY.US', market: 'us', bars: spy }],
      chunkBars: 500,
      onProgress: (done) => {
        seen.push(done);
        if (done >= 1000) controller.abort();
      },
      signal: controller.signal,
    });
    expect(seen.slice(0, 2)).toEqual([500, 1000]);
    expect(r.cancelled).toBe(true);
    expect(r.times.length).toBe(1000);
  });
});

describe('position-aware nodes', () => {
  it('data.position lets a graph enter only when flat; a wired percent sizes the order', async () => {
    // Enter every bar while flat, at a wired 50%; never top up while long.
    const g = graph(
      [
        ['pos', 'data.position'],
        ['half', 'data.constant', { value: 50 }],
        ['enter', 'orders.target-percent', { percent: 95 }],
      ],
      [['pos.flat', 'enter.when'], ['half.value', 'enter.percent']],
    );
    const r = await backtest({ graph: g, symbols: [{ symbol: 'X', market: 'us', bars: flatBars(10, 100) }] });
    expect(r.fills.map((f) => [f.side, f.qty])).toEqual([['buy', 500]]);
  });

  it('risk.stop-price exits when the close reaches a wired level; a second exit on the same bar is not a rejection', async () => {
    const g = buyOnBar(0, 10);
    g.nodes.push(
      { id: 'level', type: 'data.constant', params: { value: 95 }, position: { x: 0, y: 0 } },
      { id: 'stop', type: 'risk.stop-price', params: {}, position: { x: 0, y: 0 } },
      { id: 'sl', type: 'risk.stop-loss', params: { percent: 4 }, position: { x: 0, y: 0 } },
    );
    g.edges.push({ id: 'el', source: 'level', sourceHandle: 'value', target: 'stop', targetHandle: 'stop' });
    const bars = makeBars([
      [100, 101, 99, 100],
      [100, 101, 99, 100],
      [99, 99, 94, 94.5], // both the price stop (≤ 95) and the 4% stop loss fire
      [94, 95, 93, 94],
    ]);
    const r = await backtest({ graph: g, symbols: [{ symbol: 'X', market: 'us', bars }] });
    expect(r.fills.map((f) => [f.side, f.qty, f.price])).toEqual([
      ['buy', 10, 100],
      ['sell', 10, 94],
    ]);
    expect(r.orderEvents).toMatchObject([{ status: 'expired', reason: 'the position is already being sold by an earlier order' }]);
  });
});
