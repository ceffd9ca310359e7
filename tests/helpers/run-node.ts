import type { TAnyNodeDefinition, TNodeContext, TOrderIntent, TPortType } from '@/nodes/sdk';

/** A seeded PRNG so every conformance run sees the same inputs. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface TNodeSeries {
  /** per input name, one value per bar */
  inputs: Record<string, unknown[]>;
  bars: Array<{ open: number; high: number; low: number; close: number; volume: number; amount: number; time: number }>;
}

/** Random but plausible inputs: prices as a random walk, signals ~30% true, occasional orders. */
export function randomSeries(def: TAnyNodeDefinition, length: number, seed = 7): TNodeSeries {
  const rand = seeded(seed);
  let price = 100;
  const bars = Array.from({ length }, (_, i) => {
    const open = price;
    price = Math.max(1, price * (1 + (rand() - 0.5) * 0.06));
    const high = Math.max(open, price) * (1 + rand() * 0.02);
    const low = Math.min(open, price) * (1 - rand() * 0.02);
    return { open, high, low, close: price, volume: Math.floor(1000 + rand() * 1e5), amount: NaN, time: Date.UTC(2020, 0, 1) + i * 86_400_000 };
  });
  const inputs: Record<string, unknown[]> = {};
  for (const [name, spec] of Object.entries(def.inputs)) {
    inputs[name] = bars.map((b, i) => valueFor(spec.type, name, b, i, rand));
  }
  return { inputs, bars };
}

function valueFor(type: TPortType, name: string, bar: TNodeSeries['bars'][number], i: number, rand: () => number): unknown {
  if (type === 'number') {
    if (name in bar) return bar[name as keyof typeof bar];
    return i < 3 ? NaN : bar.close * (0.9 + rand() * 0.2); // a few NaN bars like upstream warm-up
  }
  if (type === 'signal') return rand() < 0.3;
  if (type === 'decision') return rand() < 0.5 ? null : { action: rand() < 0.5 ? 'BUY' : 'SELL', confidence: rand(), reasoning: 'r' };
  const order: TOrderIntent = { side: rand() < 0.5 ? 'buy' : 'sell', qty: 1 + Math.floor(rand() * 100), type: 'market', limitPrice: NaN, nodeId: 'src', reason: 'test', reduceOnly: rand() < 0.3 };
  return rand() < 0.4 ? order : null;
}

/** Steps one node over the series with a fresh state; returns a snapshot of its outputs per bar. */
export async function runNode(def: TAnyNodeDefinition, params: unknown, series: TNodeSeries, length = series.bars.length): Promise<string[]> {
  const position = { qty: 100, avgPrice: 100, sellable: 100, entryIndex: 0, highSinceEntry: 120, lastExitIndex: -1 };
  const account = { cash: 50_000, equity: 100_000, dayStartEquity: 101_000, tradingDay: 0, openPositions: 1 };
  const bar = { index: 0, ...series.bars[0] };
  const ctx: TNodeContext = { symbol: 'TEST', bar, position, account, llm: null };
  const frame = {
    nodeId: 'n1',
    params,
    state: def.init(params as never),
    in: {} as Record<string, unknown>,
    out: {} as Record<string, unknown>,
    ctx,
  };
  const snapshots: string[] = [];
  for (let i = 0; i < length; i++) {
    Object.assign(bar, series.bars[i], { index: i });
    account.tradingDay = i;
    for (const name of Object.keys(def.inputs)) frame.in[name] = series.inputs[name][i];
    await def.step(frame as never);
    snapshots.push(JSON.stringify(frame.out, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v)));
  }
  return snapshots;
}
