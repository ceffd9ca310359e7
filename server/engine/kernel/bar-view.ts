import type { TAiBar, TBarView } from '@/nodes/sdk';
import type { TBarColumns } from '@/server/data/bar-columns';

/**
 * ctx.bar as a window onto the bar columns: the kernel moves `index` and the getters read the
 * columns, so advancing a bar is one store instead of eight.
 */
export class BarView implements TBarView {
  index = 0;

  constructor(public columns: TBarColumns) {}

  get time(): number {
    return this.columns.time[this.index];
  }
  get open(): number {
    return this.columns.open[this.index];
  }
  get high(): number {
    return this.columns.high[this.index];
  }
  get low(): number {
    return this.columns.low[this.index];
  }
  get close(): number {
    return this.columns.close[this.index];
  }
  get volume(): number {
    return this.columns.volume[this.index];
  }
  get amount(): number {
    return this.columns.amount[this.index];
  }

  /**
   * Up to `count` bars ending at `index`, oldest first. The columns may already hold the rest
   * of the feed chunk, so this must never read past `index`. Allocates: for AI nodes, which ask
   * rarely, not for hot loops.
   */
  recent(count: number): TAiBar[] {
    const c = this.columns;
    const from = Math.max(0, this.index - Math.max(1, Math.floor(count)) + 1);
    const out: TAiBar[] = [];
    for (let k = from; k <= this.index; k++) {
      out.push({ time: c.time[k], open: c.open[k], high: c.high[k], low: c.low[k], close: c.close[k], volume: c.volume[k] });
    }
    return out;
  }
}
