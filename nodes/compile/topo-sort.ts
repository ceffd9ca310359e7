/** Kahn's algorithm; ties broken by original order so plans are deterministic. */
export function topoSort(adjacency: number[][]): number[] {
  const n = adjacency.length;
  const indegree = new Int32Array(n);
  for (const targets of adjacency) for (const t of targets) indegree[t]++;
  const ready: number[] = [];
  for (let i = 0; i < n; i++) if (indegree[i] === 0) ready.push(i);
  const order: number[] = [];
  while (ready.length > 0) {
    ready.sort((a, b) => a - b);
    const i = ready.shift()!;
    order.push(i);
    for (const t of adjacency[i]) if (--indegree[t] === 0) ready.push(t);
  }
  return order;
}

/** Nodes that lie on a cycle (in a strongly connected component of size > 1, or a self-loop). */
export function findCycleNodes(adjacency: number[][]): number[] {
  const n = adjacency.length;
  const indexOf = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const result: number[] = [];
  let counter = 0;

  // Iterative Tarjan: graphs come from users and may be deep.
  for (let root = 0; root < n; root++) {
    if (indexOf[root] !== -1) continue;
    const work: Array<[number, number]> = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const [v, edge] = frame;
      if (edge === 0 && indexOf[v] === -1) {
        indexOf[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      if (edge < adjacency[v].length) {
        frame[1]++;
        const w = adjacency[v][edge];
        if (indexOf[w] === -1) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], indexOf[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === indexOf[v]) {
        const component: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          component.push(w);
        } while (w !== v);
        if (component.length > 1 || adjacency[v].includes(v)) result.push(...component);
      }
    }
  }
  return result.sort((a, b) => a - b);
}
