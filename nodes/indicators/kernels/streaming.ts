/**
 * Streaming building blocks shared by the indicator nodes. Each keeps its numbers in
 * preallocated typed arrays and does O(1) (amortised) work per value, and each reproduces
 * TA-Lib's floating-point order of operations where TA-Lib has the same quantity, so that
 * nodes built from them match TA-Lib bit for bit rather than merely "closely".
 */

/** TA-Lib's "is zero" test (TA_IS_ZERO): |v| < 1e-8. */
export function taIsZero(v: number): boolean {
  return v > -1e-8 && v < 1e-8;
}

/**
 * TA-Lib EMA: seeded with the SMA of the first `period` values, then
 * ema = (x − ema) × k + ema. NaN until the seed is complete.
 */
export class TaEma {
  readonly k: number;
  count = 0;
  sum = 0;
  value = NaN;

  constructor(
    readonly period: number,
    k = 2 / (period + 1),
  ) {
    this.k = k;
  }

  push(x: number): number {
    if (this.count < this.period) {
      this.sum += x;
      if (++this.count === this.period) this.value = this.sum / this.period;
      return this.value;
    }
    this.value = (x - this.value) * this.k + this.value;
    return this.value;
  }
}

/**
 * Running-total SMA in TA-Lib's order (total − leaving + entering, then ÷ n). NaN until full.
 */
export class RunningSma {
  /** public for the column (batch) forms, which run the same arithmetic on locals */
  readonly buf: Float64Array;
  next = 0;
  count = 0;
  sum = 0;

  constructor(readonly period: number) {
    this.buf = new Float64Array(period);
  }

  push(x: number): number {
    const p = this.period;
    if (this.count === p) this.sum -= this.buf[this.next];
    else this.count++;
    this.sum += x;
    this.buf[this.next] = x;
    this.next = this.next + 1 === p ? 0 : this.next + 1;
    return this.count === p ? this.sum / p : NaN;
  }
}

/**
 * Rolling maximum (or minimum) of the last `period` values. Like TA-Lib's MAX/MIN/STOCH/AROON
 * it remembers where the extreme is and rescans the window only when that bar leaves it: O(1)
 * amortised on market data, one store per value otherwise. Among equal extremes the newest
 * wins, so `ago` matches TA-Lib's AROON (most recent bar on ties).
 */
export class RollingMax {
  /** ring of the window; fields are public for the column (batch) forms, see `rollingSteady` */
  readonly buf: Float64Array;
  /** ring slot of the next value */
  pos = 0;
  extreme = NaN;
  /** values pushed since the extreme (0 = the newest is the extreme) */
  age = 0;
  /** number of values pushed so far */
  seen = 0;

  constructor(readonly period: number) {
    this.buf = new Float64Array(period);
  }

  push(x: number): void {
    const n = this.period;
    this.buf[this.pos] = x;
    this.pos = this.pos + 1 === n ? 0 : this.pos + 1;
    this.seen++;
    this.age++;
    if (this.seen === 1 || this.age >= n) {
      // the extreme left the window (or there is none yet): rescan oldest → newest, ties → newest
      const count = this.seen < n ? this.seen : n;
      let k = this.pos - count;
      if (k < 0) k += n;
      let best = this.buf[k];
      let bestAge = count - 1;
      for (let a = count - 2; a >= 0; a--) {
        k = k + 1 === n ? 0 : k + 1;
        const v = this.buf[k];
        if (v >= best) {
          best = v;
          bestAge = a;
        }
      }
      this.extreme = best;
      this.age = bestAge;
    } else if (x >= this.extreme) {
      this.extreme = x;
      this.age = 0;
    }
  }

  get full(): boolean {
    return this.seen >= this.period;
  }

  /** the extreme of the window (of what was seen while not yet full) */
  get value(): number {
    return this.seen > 0 ? this.extreme : NaN;
  }

  /** how many values ago the extreme was pushed (0 = the newest) */
  get ago(): number {
    return this.seen > 0 ? this.age : NaN;
  }
}

/**
 * The rescan of a full RollingMax window (its ring `buf` of size n, `pos` the slot of the
 * next value): oldest → newest, ties → newest, exactly as `push` does. Returns the extreme's
 * age and leaves the extreme in RESCAN[0]; for column forms that keep the window in locals.
 */
export const RESCAN = new Float64Array(1);
export function rescanFull(buf: Float64Array, pos: number, n: number): number {
  let k = pos;
  let best = buf[k];
  let bestAge = n - 1;
  for (let a = n - 2; a >= 0; a--) {
    k = k + 1 === n ? 0 : k + 1;
    const v = buf[k];
    if (v >= best) {
      best = v;
      bestAge = a;
    }
  }
  RESCAN[0] = best;
  return bestAge;
}

/** Rolling minimum: a rolling maximum of −x (negation is exact, and ties still go to the newest). */
export class RollingMin {
  /** the maximum of −x that this minimum reads */
  readonly max: RollingMax;

  constructor(readonly period: number) {
    this.max = new RollingMax(period);
  }

  push(x: number): void {
    this.max.push(-x);
  }

  get seen(): number {
    return this.max.seen;
  }

  get full(): boolean {
    return this.max.full;
  }

  get value(): number {
    return -this.max.value;
  }

  get ago(): number {
    return this.max.ago;
  }
}

/** A fixed-size ring of the last `size` values; `ago(0)` is the newest. */
export class Ring {
  readonly buf: Float64Array;
  head = -1;
  count = 0;

  constructor(readonly size: number) {
    this.buf = new Float64Array(size);
  }

  push(x: number): void {
    this.head = this.head + 1 === this.size ? 0 : this.head + 1;
    this.buf[this.head] = x;
    if (this.count < this.size) this.count++;
  }

  /** the value that the next push overwrites (the oldest once full) */
  get oldest(): number {
    const i = this.head + 1 === this.size ? 0 : this.head + 1;
    return this.buf[i];
  }

  ago(k: number): number {
    if (k >= this.count) return NaN;
    const i = this.head - k;
    return this.buf[i < 0 ? i + this.size : i];
  }
}

/** TA-Lib's true range for one bar given the previous close. */
export function trueRange(high: number, low: number, prevClose: number): number {
  let range = high - low;
  let t = Math.abs(high - prevClose);
  if (t > range) range = t;
  t = Math.abs(low - prevClose);
  if (t > range) range = t;
  return range;
}

/** Bars of steady-state work in the first, short call that `primeFeedback` makes. */
const FEEDBACK_PREFIX = 64;

/**
 * Wraps a column form so that its first long call is split in two: the bars up to `lead` (the
 * warm-up) plus a few steady ones, then the rest. Why: V8 allocates a function's feedback
 * vector only once its first call is under way, so in a first call over a long column the code
 * ahead of the hot loop (the state loaded into locals) has no type feedback when that loop gets
 * the function optimised. The optimised code then either deoptimises on the next call (and at
 * times stayed in baseline code for a whole 1M-bar run) or carries the doubles untyped, boxing
 * a heap number per bar: 1.5–4× slower, varying from process to process (KAMA, SMA, MACD,
 * BBANDS and SAR all showed it). The short call records feedback for the whole function; a
 * column form carries its state across calls, so the split cannot change a value.
 */
export function primeFeedback<A extends { from: number; to: number }>(lead: (args: A) => number, batch: (args: A) => void): (args: A) => void {
  let primed = false;
  return (args) => {
    if (!primed) {
      const cut = args.from + lead(args) + FEEDBACK_PREFIX;
      if (cut < args.to) {
        primed = true;
        batch({ ...args, to: cut });
        batch({ ...args, from: cut });
        return;
      }
    }
    batch(args);
  };
}
