import type { TLlmPort, TOrderIntent, TSide } from '@/nodes/sdk';
import type { TBarColumns } from '@/server/data/bar-columns';
import type { Portfolio } from './portfolio';

/**
 * The ports of the one kernel. Backtest, paper and live differ only in which implementations
 * are passed in (server/engine/modes.ts); the kernel never asks which mode it runs in.
 */

/** New bars, per symbol, in time order. A historical feed yields a few big chunks; a live feed one bar at a time. */
export interface TFeedChunk {
  /** indexed like TFeed.symbols; a symbol with no new bars has length 0 */
  bars: TBarColumns[];
}

export interface TFeed {
  symbols: readonly string[];
  /** bars per symbol when known up front (historical feeds): used to size buffers and report progress */
  expectedBars?: readonly number[];
  chunks(): AsyncIterable<TFeedChunk>;
}

export interface TClockPort {
  /** the kernel reports each bar time it processes; a simulated clock follows it, a wall clock ignores it */
  onBar(localTimeMs: number): void;
  now(): number;
}

/** Read-only access to the bars seen so far, for brokers that fill against them. */
export interface TBarAccess {
  bars(symbol: number): TBarColumns;
}

export interface TBrokerPort {
  /** called once before the first bar */
  attach(args: { portfolio: Portfolio; market: TBarAccess; sink: TKernelSink }): void;
  /** a bar of `symbol` has arrived (index `i`): fill what was waiting for its open */
  onBarOpen(symbol: number, i: number): void;
  /** an order intent decided on bar i */
  submit(symbol: number, i: number, intent: TOrderIntent): void;
  /** all nodes have stepped on bar i: fill what fills at this bar's close */
  onBarClose(symbol: number, i: number): void;
}

export interface TFill {
  /** deterministic client order id: trader/run, symbol, bar time, node */
  orderId: string;
  time: number;
  symbol: string;
  side: TSide;
  qty: number;
  price: number;
  fee: number;
  feeParts: Record<string, number>;
  reason: string;
}

export interface TTrade {
  symbol: string;
  side: 'long';
  entryTime: number;
  exitTime: number;
  qty: number;
  entryPrice: number;
  exitPrice: number;
  /** net of fees */
  pnl: number;
  fees: number;
  bars: number;
}

export interface TOrderEvent {
  time: number;
  symbol: string;
  side: TSide;
  qty: number;
  status: 'rejected' | 'expired';
  reason: string;
  nodeId: string;
}

export interface TKernelSink {
  fill?(fill: TFill): void;
  trade?(trade: TTrade): void;
  order?(event: TOrderEvent): void;
  /** called between chunks: bars processed so far (all symbols), total when known */
  progress?(done: number, total: number | undefined): void;
  /**
   * Node inspection: called after the column phase has computed bars [from, to) of a symbol;
   * `read(node, output, i)` is the value of plan node `node`'s output at bar i (NaN for
   * non-numeric outputs). Only valid during the call: columns may be reused for the next bars.
   */
  series?(symbol: number, from: number, to: number, read: (node: number, output: number, i: number) => number): void;
}

export interface TKernelPorts {
  feed: TFeed;
  broker: TBrokerPort;
  clock: TClockPort;
  llm: TLlmPort | null;
  sink: TKernelSink;
  /** checked between chunks */
  signal?: AbortSignal;
}
