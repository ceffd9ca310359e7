import type { TPlan } from '../compile';

/**
 * Output columns of the series-phase nodes of one symbol: numbers and signals (1/0) in
 * Float64Arrays, anything else in plain arrays. Grown by doubling as a live feed appends bars.
 */
export type TColumn = Float64Array | unknown[];

export class SeriesColumns {
  /** columns[node][outputIndex]; empty for trading-phase nodes */
  readonly columns: TColumn[][];
  capacity: number;

  constructor(
    private readonly plan: TPlan,
    capacity: number,
  ) {
    this.capacity = Math.max(16, capacity);
    this.columns = plan.nodes.map((node) =>
      node.phase === 'series' ? node.outputs.map((o) => this.alloc(o.type === 'number' || o.type === 'signal', this.capacity)) : [],
    );
  }

  ensure(length: number): void {
    if (length <= this.capacity) return;
    let next = this.capacity;
    while (next < length) next *= 2;
    this.plan.nodes.forEach((node, k) => {
      this.columns[k] = this.columns[k].map((col, o) => {
        const numeric = node.outputs[o].type === 'number' || node.outputs[o].type === 'signal';
        const grown = this.alloc(numeric, next);
        if (numeric) (grown as Float64Array).set(col as Float64Array);
        else for (let i = 0; i < col.length; i++) (grown as unknown[])[i] = (col as unknown[])[i];
        return grown;
      });
    });
    this.capacity = next;
  }

  /** No NaN fill: the column phase writes every index before anything reads it. */
  private alloc(numeric: boolean, length: number): TColumn {
    return numeric ? new Float64Array(length) : new Array<unknown>(length).fill(null);
  }
}
