import type { z } from 'zod';
import type { TPortSpec, TPortType } from './ports';
import type { TDecision, TNodeContext, TOrderIntent } from './context';

export type TNodeCategory = 'data' | 'indicators' | 'math' | 'logic' | 'ai' | 'risk' | 'orders';

export interface TLocalText {
  en: string;
  zh: string;
}

/** The JS value a port carries inside a step frame. */
export type TPortValue<T extends TPortType> = T extends 'number'
  ? number
  : T extends 'signal'
    ? boolean
    : T extends 'decision'
      ? TDecision | null
      : TOrderIntent | null;

type TPortValues<Ports extends Record<string, TPortSpec>> = {
  [K in keyof Ports]: TPortValue<Ports[K]['type']>;
};

/**
 * What `step` receives. The kernel allocates one frame per node instance and reuses it for
 * every bar: a step reads `frame.in`, updates `frame.state` and writes every output into
 * `frame.out`. Writing into a reused object instead of returning a new one keeps the hot loop
 * free of per-bar allocation (see docs/ARCHITECTURE.md, "Why steps write into frame.out").
 */
export interface TStepFrame<P, S, I, O> {
  /** the graph node's id (order nodes stamp it on their intents) */
  readonly nodeId: string;
  readonly params: P;
  state: S;
  readonly in: I;
  out: O;
  readonly ctx: TNodeContext;
}

/**
 * Node kinds, by what a step may depend on:
 * - `series`: only its inputs, params and own state (plus the bar for data nodes). These are
 *   computed as whole columns per feed chunk, a bar at a time, before the trading loop.
 * - `trading`: may read the position and account (`ctx`), e.g. orders and risk nodes. These run
 *   inside the trading loop, after fills for the bar are applied.
 */
export type TNodeKind = 'series' | 'trading';

export interface TNodeDefinition<
  P extends z.ZodType = z.ZodType,
  S = unknown,
  I extends Record<string, TPortSpec> = Record<string, TPortSpec>,
  O extends Record<string, TPortSpec> = Record<string, TPortSpec>,
> {
  /** stored in saved graphs: never rename */
  type: string;
  version: number;
  category: TNodeCategory;
  kind: TNodeKind;
  label: TLocalText;
  description: TLocalText;
  inputs: I;
  outputs: O;
  params: P;
  /** bars before the first meaningful output (TA-Lib's lookback) */
  warmup: (params: z.output<P>) => number;
  /** fresh per-symbol state */
  init: (params: z.output<P>) => S;
  step: (frame: TStepFrame<z.output<P>, S, TPortValues<I>, TPortValues<O>>) => void | Promise<void>;
  /** one-line summary of params for the canvas, e.g. "20" for SMA(20) */
  summary?: (params: z.output<P>) => string;
  /**
   * A risk guard whose `order` input is left unwired guards every order of the strategy
   * (e.g. max daily loss). Set on such nodes; the compiler then treats them as global.
   */
  globalGuard?: boolean;
  /**
   * Set on nodes whose step reads `ctx.bar` (data nodes). The kernel fills ctx.bar before such
   * a step in the column phase; other series nodes get only their inputs, which saves ~8 writes
   * per node per bar.
   */
  readsBar?: boolean;
  /**
   * For nodes whose output is simply one column of the bar (data.bar): the kernel then uses that
   * column as the node's output instead of stepping it bar by bar. `step` must give the same values.
   */
  barColumn?: (params: z.output<P>) => 'open' | 'high' | 'low' | 'close' | 'volume' | 'amount';
  /**
   * Optional column form of `step` for nodes on the hot path: one plain loop over bars
   * [from, to) that reads input columns and writes output columns (numbers as is, signals as
   * 1/0, an unwired optional input is null), carrying the same state object as `step`, so a
   * run may switch between the two at any bar. The kernel prefers it in the column phase
   * (~3× faster than stepping a frame per bar); the conformance suite checks it equals `step`.
   */
  batch?: (args: TBatchArgs<z.output<P>, S>) => void;
  /** A node whose step awaits (AI). The compiler runs plans that contain one in the async loop. */
  async?: boolean;
}

export interface TBatchArgs<P, S> {
  params: P;
  state: S;
  /** input columns in the order the node declares its inputs */
  inputs: ReadonlyArray<Float64Array | null>;
  /** output columns in the order the node declares its outputs */
  outputs: Float64Array[];
  from: number;
  to: number;
}

export type TAnyNodeDefinition = TNodeDefinition<z.ZodType, any, Record<string, TPortSpec>, Record<string, TPortSpec>>;

/** Identity with inference: one object per node holds schema and compute. */
export function defineNode<
  P extends z.ZodType,
  S,
  I extends Record<string, TPortSpec>,
  O extends Record<string, TPortSpec>,
>(def: TNodeDefinition<P, S, I, O>): TNodeDefinition<P, S, I, O> {
  return def;
}
