import { allocBarColumns, type TBarColumns } from '@/server/data/bar-columns';

const FIELDS = ['time', 'open', 'high', 'low', 'close', 'volume', 'amount'] as const;

/**
 * The bars of one symbol seen so far. A historical feed hands over its arrays as they are
 * (zero copy when the first chunk is the whole series); a live feed appends and the buffer
 * grows by doubling.
 */
export class BarBuffer {
  columns: TBarColumns = allocBarColumns(0);
  length = 0;

  /** `expected`: bars the feed announced; the first chunk is adopted as is when it has them all */
  constructor(private readonly expected: number) {}

  append(chunk: TBarColumns): void {
    if (chunk.length === 0) return;
    if (this.length === 0 && chunk.length >= this.expected) {
      this.columns = { ...chunk };
      this.length = chunk.length;
      return;
    }
    if (this.capacity === 0) this.columns = allocBarColumns(Math.max(16, this.expected, chunk.length));
    const needed = this.length + chunk.length;
    if (needed > this.capacity) this.grow(needed);
    for (const f of FIELDS) this.columns[f].set(chunk[f], this.length);
    this.length = needed;
    this.columns.length = needed;
  }

  private get capacity(): number {
    return this.columns.time.length;
  }

  private grow(needed: number): void {
    let next = Math.max(16, this.capacity * 2);
    while (next < needed) next *= 2;
    const grown = allocBarColumns(next);
    for (const f of FIELDS) grown[f].set(this.columns[f].subarray(0, this.length));
    grown.length = this.length;
    this.columns = grown;
  }
}
