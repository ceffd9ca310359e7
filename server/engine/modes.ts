import type { TLlmPort } from '@/nodes/sdk';
import type { TBarColumns } from '@/server/data/bar-columns';
import type { TCostConfig, TInstrument, TMarketRules } from '@/server/markets/types';
import { historicalFeed } from './feeds/historical-feed';
import { simulatedClock, wallClock } from './clocks/clocks';
import { SimBroker, type TFillTiming } from './kernel/sim-broker';
import type { TBrokerPort, TFeed, TKernelPorts, TKernelSink } from './kernel/types';

/**
 * The only place where modes differ: which feed, broker, clock and LLM the kernel gets.
 *
 * | mode     | feed              | broker                 | clock     |
 * | backtest | historical bars   | simulated, market rules | simulated |
 * | paper    | live bars         | simulated, market rules | wall      |
 * | live     | live bars         | real (Futu OpenD, …)    | wall      |
 */
export interface TSimMarket {
  rules: readonly TMarketRules[];
  instruments: readonly TInstrument[];
  /** per symbol */
  costs: readonly TCostConfig[];
  fillTiming: TFillTiming;
}

export function backtestPorts(args: {
  symbols: readonly string[];
  bars: readonly TBarColumns[];
  market: TSimMarket;
  sink: TKernelSink;
  llm?: TLlmPort | null;
  chunkBars?: number;
  signal?: AbortSignal;
  runId?: string;
}): TKernelPorts {
  return {
    feed: historicalFeed(args.symbols, args.bars, args.chunkBars),
    broker: new SimBroker({ ...args.market, idPrefix: args.runId }),
    clock: simulatedClock(),
    llm: args.llm ?? null,
    sink: args.sink,
    signal: args.signal,
  };
}

export function paperPorts(args: { feed: TFeed; market: TSimMarket; sink: TKernelSink; llm?: TLlmPort | null; signal?: AbortSignal; traderId: string }): TKernelPorts {
  return {
    feed: args.feed,
    broker: new SimBroker({ ...args.market, idPrefix: args.traderId }),
    clock: wallClock(),
    llm: args.llm ?? null,
    sink: args.sink,
    signal: args.signal,
  };
}

export function livePorts(args: { feed: TFeed; broker: TBrokerPort; sink: TKernelSink; llm?: TLlmPort | null; signal?: AbortSignal }): TKernelPorts {
  return { feed: args.feed, broker: args.broker, clock: wallClock(), llm: args.llm ?? null, sink: args.sink, signal: args.signal };
}
