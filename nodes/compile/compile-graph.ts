import { z } from 'zod';
import { canConnect, migrateGraph, ZGraphSchema, type TAnyNodeDefinition, type TGraph } from '@/nodes/sdk';
import { getNodeDefinition } from '@/nodes/registry';
import type { TCompileError, TCompileResult, TPlan, TPlanNode } from './types';
import { findCycleNodes, topoSort } from './topo-sort';

/**
 * Validates a saved graph and turns it into a plan. Never throws on user input: every problem
 * becomes a per-node error so the editor can pin it on the canvas. All problems found are
 * reported together, not just the first.
 */
export interface TCompileOptions {
  /**
   * Compile a probe plan for inspecting one node's output series: keep only that node and what
   * feeds it (no orders needed), so the kernel computes exactly those columns and nothing trades.
   */
  probe?: string;
}

export function compileGraph(input: unknown, overrides: Record<string, Record<string, unknown>> = {}, options: TCompileOptions = {}): TCompileResult {
  const migrated = migrateGraph(input);
  if (!migrated.ok) return fail([graphError('invalid_graph', migrated.message, `图无效：${migrated.message}`)]);
  const parsed = ZGraphSchema.safeParse(migrated.graph);
  if (!parsed.success) return fail(parsed.error.issues.map((issue) => schemaIssueError(issue, migrated.graph)));
  const graph = parsed.data;

  const errors: TCompileError[] = [];
  const index = new Map<string, number>();
  const defs: Array<TAnyNodeDefinition | undefined> = [];
  const params: unknown[] = [];

  graph.nodes.forEach((node, i) => {
    if (index.has(node.id)) {
      errors.push(nodeError(node.id, 'duplicate_node_id', `two nodes share the id "${node.id}"`, `有两个节点使用了相同的 id "${node.id}"`));
      return;
    }
    index.set(node.id, i);
    const def = getNodeDefinition(node.type);
    defs[i] = def;
    if (!def) {
      errors.push(nodeError(node.id, 'unknown_node_type', `unknown node type "${node.type}"`, `未知的节点类型 "${node.type}"`));
      return;
    }
    const raw = { ...node.params, ...(overrides[node.id] ?? {}) };
    const result = def.params.safeParse(raw);
    if (result.success) params[i] = result.data;
    else for (const issue of result.error.issues) errors.push(paramError(node.id, def, issue));
  });

  // Edges: both ends exist, handles exist, types connect, one edge per input, one consumer per order output.
  const incoming = new Map<string, { edgeId: string; from: number; port: string }>();
  const orderConsumers = new Map<string, number>();
  for (const edge of graph.edges) {
    const s = index.get(edge.source);
    const t = index.get(edge.target);
    if (s === undefined || t === undefined) {
      const missing = s === undefined ? edge.source : edge.target;
      const pinned = s === undefined ? (t === undefined ? null : edge.target) : edge.source;
      errors.push({
        nodeId: pinned,
        code: 'dangling_edge',
        message: `edge "${edge.id}" points to a node that does not exist ("${missing}")`,
        messageZh: `连线 "${edge.id}" 指向不存在的节点（"${missing}"）`,
      });
      continue;
    }
    const sDef = defs[s];
    const tDef = defs[t];
    if (!sDef || !tDef) continue; // already reported as unknown type
    const out = sDef.outputs[edge.sourceHandle];
    const inp = tDef.inputs[edge.targetHandle];
    if (!out || !inp) {
      const [nodeId, handle, side, sideZh] = !out
        ? [edge.source, edge.sourceHandle, 'output', '输出']
        : [edge.target, edge.targetHandle, 'input', '输入'];
      errors.push({
        nodeId,
        code: 'dangling_edge',
        message: `edge "${edge.id}" uses ${side} "${handle}", which this node does not have`,
        messageZh: `连线 "${edge.id}" 使用了该节点不存在的${sideZh} "${handle}"`,
        field: handle,
      });
      continue;
    }
    const connect = canConnect(out.type, inp.type);
    if (!connect.ok) {
      errors.push({
        nodeId: edge.target,
        code: 'type_mismatch',
        message: `input "${edge.targetHandle}": ${connect.reason.en}`,
        messageZh: `输入 "${edge.targetHandle}"：${connect.reason.zh}`,
        field: edge.targetHandle,
      });
      continue;
    }
    const key = `${edge.target}\u0000${edge.targetHandle}`;
    if (incoming.has(key)) {
      errors.push({
        nodeId: edge.target,
        code: 'multiple_inputs',
        message: `input "${edge.targetHandle}" has more than one incoming edge`,
        messageZh: `输入 "${edge.targetHandle}" 有多条连线`,
        field: edge.targetHandle,
      });
      continue;
    }
    incoming.set(key, { edgeId: edge.id, from: s, port: edge.sourceHandle });
    if (out.type === 'order') {
      const okey = `${edge.source}\u0000${edge.sourceHandle}`;
      const n = (orderConsumers.get(okey) ?? 0) + 1;
      orderConsumers.set(okey, n);
      if (n === 2) {
        errors.push({
          nodeId: edge.source,
          code: 'order_fanout',
          message: `order output "${edge.sourceHandle}" feeds more than one node; an order can go one way only`,
          messageZh: `订单输出 "${edge.sourceHandle}" 连接了多个节点；一个订单只能走一条路径`,
          field: edge.sourceHandle,
        });
      }
    }
  }

  // Required inputs.
  graph.nodes.forEach((node, i) => {
    const def = defs[i];
    if (!def || index.get(node.id) !== i) return;
    for (const [name, spec] of Object.entries(def.inputs)) {
      const wired = incoming.has(`${node.id}\u0000${name}`);
      const needed = !spec.optional || (name === 'price' && (params[i] as { orderType?: string } | undefined)?.orderType === 'limit');
      if (needed && !wired) {
        errors.push({
          nodeId: node.id,
          code: 'required_input_missing',
          message: name === 'price' && spec.optional ? `a limit order needs a price wired into "price"` : `input "${name}" is not connected`,
          messageZh: name === 'price' && spec.optional ? `限价单需要连接"限价"输入` : `输入 "${name}" 未连接`,
          field: name,
        });
      }
    }
  });

  // Cycles.
  const adjacency: number[][] = graph.nodes.map(() => []);
  for (const [key, { from }] of incoming) adjacency[from].push(index.get(key.split('\u0000')[0])!);
  for (const i of findCycleNodes(adjacency)) {
    errors.push(nodeError(graph.nodes[i].id, 'cycle', 'this node is part of a loop; data must flow one way', '该节点处于环路中；数据只能单向流动'));
  }

  const probe = options.probe === undefined ? undefined : index.get(options.probe);
  if (options.probe !== undefined && probe === undefined) {
    errors.push(graphError('invalid_graph', `there is no node "${options.probe}" to inspect`, `没有可查看的节点 "${options.probe}"`));
  }
  const hasOrderOutput = defs.some((d) => d && Object.values(d.outputs).some((o) => o.type === 'order'));
  if (!hasOrderOutput && options.probe === undefined) {
    errors.push(graphError('no_order_output', 'the strategy has no order node (buy, sell, target…): it could never trade', '策略没有订单节点（买入、卖出、目标仓位…），永远不会交易'));
  }
  if (errors.length > 0) return fail(errors);

  return { ok: true, plan: buildPlan(graph, defs as TAnyNodeDefinition[], params, index, incoming, adjacency, orderConsumers, probe) };
}

function buildPlan(
  graph: TGraph,
  defs: TAnyNodeDefinition[],
  params: unknown[],
  index: Map<string, number>,
  incoming: Map<string, { from: number; port: string }>,
  adjacency: number[][],
  orderConsumers: Map<string, number>,
  probe?: number,
): TPlan {
  const order = topoSort(adjacency);
  // Keep what can reach an order output (order producers, their ancestors) and global guards;
  // a probe plan keeps the probed node and its ancestors only.
  const keep = new Uint8Array(graph.nodes.length);
  const stack: number[] = [];
  if (probe !== undefined) {
    keep[probe] = 1;
    stack.push(probe);
  } else {
    defs.forEach((def, i) => {
      if (Object.values(def.outputs).some((o) => o.type === 'order')) {
        keep[i] = 1;
        stack.push(i);
      }
    });
  }
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (const name of Object.keys(defs[i].inputs)) {
      const src = incoming.get(`${graph.nodes[i].id}\u0000${name}`);
      if (src && !keep[src.from]) {
        keep[src.from] = 1;
        stack.push(src.from);
      }
    }
  }

  const position = new Map<number, number>();
  const nodes: TPlanNode[] = [];
  for (const i of order) {
    if (!keep[i]) continue;
    const node = graph.nodes[i];
    const def = defs[i];
    const inputs = Object.entries(def.inputs).map(([name, spec]) => {
      const src = incoming.get(`${node.id}\u0000${name}`);
      return {
        name,
        type: spec.type,
        source: src ? { node: position.get(src.from)!, port: src.port, type: defs[src.from].outputs[src.port].type } : null,
      };
    });
    const upstream = inputs.filter((x) => x.source).map((x) => nodes[x.source!.node]);
    const phase = def.kind === 'trading' || upstream.some((u) => u.phase === 'trading') ? 'trading' : 'series';
    const warmup = def.warmup(params[i] as never) + Math.max(0, ...upstream.map((u) => u.warmup));
    const globalGuard = def.globalGuard === true && inputs.some((x) => x.type === 'order' && x.source === null);
    position.set(i, nodes.length);
    nodes.push({
      id: node.id,
      def,
      params: params[i],
      inputs,
      outputs: Object.entries(def.outputs).map(([name, spec]) => ({ name, type: spec.type })),
      phase,
      globalGuard,
      warmup,
    });
  }

  const orderSinks: TPlan['orderSinks'] = [];
  nodes.forEach((n, k) => {
    if (probe !== undefined) return; // a probe plan never trades
    if (n.globalGuard) return; // a global guard's output is the guarded order, not a new one
    for (const o of n.outputs) if (o.type === 'order' && !orderConsumers.has(`${n.id}\u0000${o.name}`)) orderSinks.push({ node: k, port: o.name });
  });

  return {
    nodes,
    orderSinks,
    warmup: Math.max(0, ...nodes.map((n) => n.warmup)),
    async: nodes.some((n) => n.def.async === true),
    pruned: graph.nodes.filter((_, i) => !keep[i]).map((n) => n.id),
  };
}

function fail(errors: TCompileError[]): TCompileResult {
  return { ok: false, errors };
}

function graphError(code: TCompileError['code'], message: string, messageZh: string): TCompileError {
  return { nodeId: null, code, message, messageZh };
}

function nodeError(nodeId: string, code: TCompileError['code'], message: string, messageZh: string): TCompileError {
  return { nodeId, code, message, messageZh };
}

function paramError(nodeId: string, def: TAnyNodeDefinition, issue: z.core.$ZodIssue): TCompileError {
  const field = issue.path.join('.') || '(params)';
  return {
    nodeId,
    code: 'invalid_param',
    message: `${def.label.en}: parameter "${field}": ${issue.message}`,
    messageZh: `${def.label.zh}：参数 "${field}" 无效：${issue.message}`,
    field,
  };
}

/** Maps a schema issue (e.g. nodes[3].position.x) to the node it is about when it can. */
function schemaIssueError(issue: z.core.$ZodIssue, graph: unknown): TCompileError {
  const path = issue.path;
  let nodeId: string | null = null;
  if (path[0] === 'nodes' && typeof path[1] === 'number') {
    const raw = (graph as { nodes?: Array<{ id?: unknown }> }).nodes?.[path[1]];
    if (raw && typeof raw.id === 'string') nodeId = raw.id;
  }
  const where = path.join('.');
  return {
    nodeId,
    code: 'invalid_graph',
    message: `${where || 'graph'}: ${issue.message}`,
    messageZh: `${where || '图'}：格式错误（${issue.message}）`,
    field: where,
  };
}
