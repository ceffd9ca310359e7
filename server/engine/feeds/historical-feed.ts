import { sliceBarColumns, type TBarColumns } from '@/server/data/bar-columns';
import type { TFeed, TFeedChunk } from '../kernel/types';

/**
 * Bars known up front. `chunkBars` splits the run into slices so progress can be reported and
 * a cancel noticed between slices; without it the whole series is one chunk (the fastest path).
 * A replayed "live" feed for parity tests is the same data with chunkBars = 1.
 */
export function historicalFeed(symbols: readonly string[], bars: readonly TBarColumns[], chunkBars?: number): TFeed {
  return {
    symbols,
    expectedBars: bars.map((b) => b.length),
    async *chunks(): AsyncIterable<TFeedChunk> {
      const total = Math.max(...bars.map((b) => b.length));
      if (!chunkBars || chunkBars >= total) {
        yield { bars: [...bars] };
        return;
      }
      // Slice by time so that every chunk covers the same time window for every symbol.
      const cursor = bars.map(() => 0);
      const times = [...new Set(bars.flatMap((b) => Array.from(b.time)))].sort((a, b) => a - b);
      for (let start = 0; start < times.length; start += chunkBars) {
        const until = times[Math.min(times.length, start + chunkBars) - 1];
        yield {
          bars: bars.map((b, s) => {
            const from = cursor[s];
            let to = from;
            while (to < b.length && b.time[to] <= until) to++;
            cursor[s] = to;
            return sliceBarColumns(b, from, to);
          }),
        };
      }
    },
  };
}
