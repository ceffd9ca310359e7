import type { TAiSnapshot, TAnyNodeDefinition } from '@/nodes/sdk';
import { macd } from '@/nodes/indicators/macd';
import { rsi } from '@/nodes/indicators/rsi';
import { runSeriesNode } from '@/nodes/indicators/run-series';
import { sma } from '@/nodes/indicators/sma';
import type { TBarColumns } from '@/server/data/bar-columns';

/**
 * The market a Debate Arena debate argues about: the bars up to the chosen time (the last bar
 * at or before it; "now" = the latest bar) and a standard set of indicators computed with the
 * same nodes a strategy uses, so an Arena debate and an AI Debate node see comparable data.
 * No position: the Arena asks "should one buy", not "should this account".
 */
export function arenaSnapshot(args: { symbol: string; bars: TBarColumns; at?: number; count?: number }): TAiSnapshot | null {
  const { bars, symbol } = args;
  let index = bars.length - 1;
  if (args.at !== undefined) while (index >= 0 && bars.time[index] > args.at) index--;
  if (index < 0) return null;
  const count = Math.max(1, Math.min(200, args.count ?? 20));
  const upTo = index + 1;
  const close = bars.close.subarray(0, upTo);
  const last = (def: unknown, params: Record<string, unknown>, output: string) => runSeriesNode(def as TAnyNodeDefinition, params, { source: close }, upTo)[output][index];
  const from = Math.max(0, index - count + 1);
  return {
    symbol,
    time: bars.time[index],
    barIndex: index,
    bars: Array.from({ length: upTo - from }, (_, k) => {
      const i = from + k;
      return { time: bars.time[i], open: bars.open[i], high: bars.high[i], low: bars.low[i], close: bars.close[i], volume: bars.volume[i] };
    }),
    values: [
      { label: 'RSI(14)', value: last(rsi, { period: 14 }, 'value') },
      { label: 'SMA(20)', value: last(sma, { period: 20 }, 'value') },
      { label: 'MACD hist(12,26,9)', value: last(macd, {}, 'hist') },
    ],
    position: { qty: 0, avgPrice: 0, sellable: 0 },
    account: { cash: NaN, equity: NaN },
  };
}
