// Readable, unique ids: they appear in the CLI (`--param fast.period=5`) and in compiler messages.

/** "indicator.sma" -> "sma", "logic.crosses-above" -> "crossesAbove". */
export function baseIdForType(type: string): string {
  const last = type.split('.').pop() || 'node';
  const camel = last.replace(/[-_]+([a-z0-9])/gi, (_, c: string) => c.toUpperCase()).replace(/[^A-Za-z0-9]/g, '');
  const base = camel || 'node';
  return /^[0-9]/.test(base) ? `n${base}` : base;
}

/** base, base2, base3, ... the first not in `taken`; the chosen id is added to `taken`. */
export function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}${k}`;
  taken.add(id);
  return id;
}

/** e1, e2, ... after the highest numbered edge id already used. */
export function edgeIdAllocator(existing: Iterable<string>): () => string {
  const taken = new Set(existing);
  let next = 1;
  for (const id of taken) {
    const m = /^e(\d+)$/.exec(id);
    if (m) next = Math.max(next, Number(m[1]) + 1);
  }
  return () => {
    while (taken.has(`e${next}`)) next++;
    const id = `e${next++}`;
    taken.add(id);
    return id;
  };
}
