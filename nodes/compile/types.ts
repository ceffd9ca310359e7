import type { TAnyNodeDefinition, TPortType } from '@/nodes/sdk';

export type TCompileErrorCode =
  | 'invalid_graph'
  | 'duplicate_node_id'
  | 'unknown_node_type'
  | 'invalid_param'
  | 'dangling_edge'
  | 'type_mismatch'
  | 'multiple_inputs'
  | 'order_fanout'
  | 'required_input_missing'
  | 'cycle'
  | 'no_order_output';

/** One problem, pinned to a node where there is one (null = the graph as a whole). */
export interface TCompileError {
  nodeId: string | null;
  code: TCompileErrorCode;
  message: string;
  messageZh: string;
  /** the param or port concerned, when there is one */
  field?: string;
}

export interface TPlanInput {
  name: string;
  type: TPortType;
  /** index into plan.nodes and the output port, or null when unwired */
  source: { node: number; port: string; type: TPortType } | null;
}

export interface TPlanNode {
  id: string;
  def: TAnyNodeDefinition;
  params: unknown;
  inputs: TPlanInput[];
  outputs: Array<{ name: string; type: TPortType }>;
  /**
   * 'series' nodes run as whole columns before the trading loop; 'trading' nodes run inside it:
   * nodes of kind 'trading' and every node downstream of one.
   */
  phase: 'series' | 'trading';
  /** a guard node with its order input unwired: applied to every order of the strategy */
  globalGuard: boolean;
  /** cumulative warm-up: bars before this node's first meaningful output */
  warmup: number;
}

export interface TPlan {
  /** kept nodes in topological order */
  nodes: TPlanNode[];
  /** order outputs nobody consumes: their intents go to the broker */
  orderSinks: Array<{ node: number; port: string }>;
  /** bars before every kept node has a meaningful output; trading starts here */
  warmup: number;
  /** true when a node awaits (AI): the kernel then awaits each trading step */
  async: boolean;
  /** ids of nodes dropped because nothing they feed reaches an order */
  pruned: string[];
}

export type TCompileResult = { ok: true; plan: TPlan } | { ok: false; errors: TCompileError[] };
