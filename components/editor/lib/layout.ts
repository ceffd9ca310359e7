// Auto-layout: a simple layered layout. Columns by topological depth (longest path from a
// source), so data flows left to right; inside a column, each node aims at the average height of
// the nodes feeding it (sources aim at what they feed), and overlaps are pushed apart.

export interface TLayoutNode {
  id: string;
  width?: number;
  height?: number;
}

export interface TLayoutEdge {
  source: string;
  target: string;
}

export interface TLayoutOptions {
  columnGap?: number;
  rowGap?: number;
  origin?: { x: number; y: number };
  /** size of a node not yet measured */
  defaultWidth?: number;
  defaultHeight?: number;
  /** positions are rounded to this grid */
  grid?: number;
}

export type TPositions = Map<string, { x: number; y: number }>;

/** Longest-path depth per node. Nodes on a loop (not a valid graph, but drawable) get one past their placed inputs. */
export function topoDepths(nodes: readonly TLayoutNode[], edges: readonly TLayoutEdge[]): Map<string, number> {
  const ids = new Set(nodes.map((n) => n.id));
  const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const succs = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const indegree = new Map<string, number>(nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    if (!ids.has(e.source) || !ids.has(e.target) || e.source === e.target) continue;
    preds.get(e.target)!.push(e.source);
    succs.get(e.source)!.push(e.target);
    indegree.set(e.target, indegree.get(e.target)! + 1);
  }
  const depth = new Map<string, number>();
  const queue = nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) depth.set(id, 0);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i];
    for (const next of succs.get(id)!) {
      depth.set(next, Math.max(depth.get(next) ?? 0, depth.get(id)! + 1));
      const left = indegree.get(next)! - 1;
      indegree.set(next, left);
      if (left === 0) queue.push(next);
    }
  }
  const sorted = new Set(queue);
  for (const n of nodes) {
    if (sorted.has(n.id)) continue;
    const placed = preds.get(n.id)!.filter((p) => depth.has(p));
    depth.set(n.id, placed.length > 0 ? Math.max(...placed.map((p) => depth.get(p)!)) + 1 : 0);
  }
  return depth;
}

export function layeredLayout(nodes: readonly TLayoutNode[], edges: readonly TLayoutEdge[], opts: TLayoutOptions = {}): TPositions {
  const columnGap = opts.columnGap ?? 60;
  const rowGap = opts.rowGap ?? 30;
  const origin = opts.origin ?? { x: 0, y: 0 };
  const grid = opts.grid ?? 1;
  const width = (n: TLayoutNode) => n.width ?? opts.defaultWidth ?? 200;
  const height = (n: TLayoutNode) => n.height ?? opts.defaultHeight ?? 80;
  const snap = (v: number) => Math.round(v / grid) * grid;

  const depth = topoDepths(nodes, edges);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const columns: TLayoutNode[][] = [];
  for (const n of nodes) (columns[depth.get(n.id)!] ??= []).push(n);
  const preds = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  const succs = new Map<string, string[]>(nodes.map((n) => [n.id, []]));
  for (const e of edges) {
    if (!byId.has(e.source) || !byId.has(e.target)) continue;
    preds.get(e.target)!.push(e.source);
    succs.get(e.source)!.push(e.target);
  }

  const centerY = new Map<string, number>();
  const place = (column: TLayoutNode[], desired: (n: TLayoutNode, index: number) => number) => {
    const wanted = column.map((n, i) => ({ n, want: desired(n, i), i }));
    wanted.sort((a, b) => a.want - b.want || a.i - b.i);
    let bottom = -Infinity;
    for (const { n, want } of wanted) {
      const top = Math.max(want - height(n) / 2, bottom + rowGap);
      centerY.set(n.id, top + height(n) / 2);
      bottom = top + height(n);
    }
  };
  const mean = (ids: string[]) => ids.reduce((s, id) => s + centerY.get(id)!, 0) / ids.length;
  const stacked = (column: TLayoutNode[]) => {
    let y = 0;
    return new Map(column.map((n) => {
      const c = y + height(n) / 2;
      y += height(n) + rowGap;
      return [n.id, c];
    }));
  };

  // Left to right: each node aims at the middle of its inputs.
  columns.forEach((column, d) => {
    const fallback = stacked(column);
    place(column, (n) => {
      const placedPreds = preds.get(n.id)!.filter((p) => centerY.has(p) && depth.get(p)! < d);
      return placedPreds.length > 0 ? mean(placedPreds) : fallback.get(n.id)!;
    });
  });
  // Right to left, for nodes with no inputs: move them next to what they feed.
  for (let d = columns.length - 2; d >= 0; d--) {
    const column = columns[d];
    if (!column.some((n) => preds.get(n.id)!.length === 0)) continue;
    place(column, (n) => {
      const s = succs.get(n.id)!;
      return preds.get(n.id)!.length === 0 && s.length > 0 ? mean(s) : centerY.get(n.id)!;
    });
  }

  const top = Math.min(...nodes.map((n) => centerY.get(n.id)! - height(n) / 2));
  const positions: TPositions = new Map();
  let x = origin.x;
  for (const column of columns) {
    if (!column) continue;
    for (const n of column) positions.set(n.id, { x: snap(x), y: snap(origin.y + centerY.get(n.id)! - height(n) / 2 - top) });
    x += Math.max(...column.map(width)) + columnGap;
  }
  return positions;
}
