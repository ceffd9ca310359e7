/**
 * A fixed-size ring buffer of the last `size` values, for streaming window nodes.
 * `ago(0)` is the newest value, `ago(size - 1)` the oldest kept.
 */
export class RollingWindow {
  private readonly buf: Float64Array;
  private head = -1;
  count = 0;

  constructor(readonly size: number) {
    this.buf = new Float64Array(size);
  }

  push(value: number): void {
    this.head = this.head + 1 === this.size ? 0 : this.head + 1;
    this.buf[this.head] = value;
    if (this.count < this.size) this.count++;
  }

  get full(): boolean {
    return this.count === this.size;
  }

  ago(k: number): number {
    if (k >= this.count) return NaN;
    const i = this.head - k;
    return this.buf[i < 0 ? i + this.size : i];
  }

  max(): number {
    let m = -Infinity;
    for (let i = 0; i < this.count; i++) if (this.buf[i] > m) m = this.buf[i];
    return m;
  }

  min(): number {
    let m = Infinity;
    for (let i = 0; i < this.count; i++) if (this.buf[i] < m) m = this.buf[i];
    return m;
  }
}
