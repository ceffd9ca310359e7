import { defineConfig } from 'vitest/config';
import path from 'node:path';

// vitest 5's reporter calls Map.groupBy (Node ≥ 21) when it prints failures; Node 20 lacks it,
// so without this a failing test would crash the reporter instead of showing the failure.
const mapWithGroupBy = Map as unknown as { groupBy?: unknown };
if (typeof mapWithGroupBy.groupBy !== 'function') {
  mapWithGroupBy.groupBy = <K, V>(items: Iterable<V>, key: (item: V, index: number) => K) => {
    const groups = new Map<K, V[]>();
    let index = 0;
    for (const item of items) {
      const k = key(item, index++);
      const group = groups.get(k);
      if (group) group.push(item);
      else groups.set(k, [item]);
    }
    return groups;
  };
}

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/golden/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
