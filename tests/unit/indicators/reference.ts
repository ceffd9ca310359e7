/**
 * A second, deliberately plain implementation of each definition (whole arrays, direct sums,
 * no streaming tricks) to check the streaming kernels against on long real series. NaN marks
 * "no value", as in the nodes.
 */

const nan = (n: number) => new Array<number>(n).fill(NaN);

export function smaRef(x: number[], n: number, start = 0): number[] {
  const out = nan(x.length);
  for (let i = start + n - 1; i < x.length; i++) {
    let s = 0;
    for (let j = i - n + 1; j <= i; j++) s += x[j];
    out[i] = s / n;
  }
  return out;
}

/** TA-Lib EMA over x from its first non-NaN value: SMA seed, then the recursion. */
export function emaRef(x: number[], n: number): number[] {
  const out = nan(x.length);
  const start = x.findIndex((v) => v === v);
  if (start < 0 || start + n > x.length) return out;
  let e = 0;
  for (let j = start; j < start + n; j++) e += x[j];
  e /= n;
  out[start + n - 1] = e;
  const k = 2 / (n + 1);
  for (let i = start + n; i < x.length; i++) {
    e = (x[i] - e) * k + e;
    out[i] = e;
  }
  return out;
}

export function wmaRef(x: number[], n: number): number[] {
  const out = nan(x.length);
  const div = (n * (n + 1)) / 2;
  for (let i = n - 1; i < x.length; i++) {
    let s = 0;
    for (let w = 1; w <= n; w++) s += w * x[i - n + w];
    out[i] = s / div;
  }
  return out;
}

export function demaRef(x: number[], n: number): number[] {
  const e1 = emaRef(x, n);
  const e2 = emaRef(e1, n);
  return e1.map((v, i) => 2 * v - e2[i]);
}

export function temaRef(x: number[], n: number): number[] {
  const e1 = emaRef(x, n);
  const e2 = emaRef(e1, n);
  const e3 = emaRef(e2, n);
  return e1.map((v, i) => 3 * v - 3 * e2[i] + e3[i]);
}

export function rsiRef(x: number[], n: number): number[] {
  const out = nan(x.length);
  let g = 0;
  let l = 0;
  for (let i = 1; i < x.length; i++) {
    const d = x[i] - x[i - 1];
    const up = d > 0 ? d : 0;
    const down = d < 0 ? -d : 0;
    if (i <= n) {
      g += up;
      l += down;
      if (i < n) continue;
      g /= n;
      l /= n;
    } else {
      g = (g * (n - 1) + up) / n;
      l = (l * (n - 1) + down) / n;
    }
    out[i] = Math.abs(g + l) < 1e-8 ? 0 : (100 * g) / (g + l);
  }
  return out;
}

function windowMax(x: number[], i: number, n: number): number {
  let m = -Infinity;
  for (let j = i - n + 1; j <= i; j++) m = Math.max(m, x[j]);
  return m;
}
function windowMin(x: number[], i: number, n: number): number {
  let m = Infinity;
  for (let j = i - n + 1; j <= i; j++) m = Math.min(m, x[j]);
  return m;
}

export function stochRsiRef(x: number[], n: number, fk: number, fd: number): { k: number[]; d: number[] } {
  const r = rsiRef(x, n);
  const k = nan(x.length);
  for (let i = n + fk - 1; i < x.length; i++) {
    const hi = windowMax(r, i, fk);
    const lo = windowMin(r, i, fk);
    k[i] = hi === lo ? 0 : (100 * (r[i] - lo)) / (hi - lo);
  }
  const d = smaRef(k, fd, n + fk - 1);
  const first = n + fk + fd - 2;
  return { k: k.map((v, i) => (i < first ? NaN : v)), d };
}

export function trangeRef(h: number[], l: number[], c: number[]): number[] {
  return h.map((hi, i) => (i === 0 ? NaN : Math.max(hi - l[i], Math.abs(hi - c[i - 1]), Math.abs(l[i] - c[i - 1]))));
}

export function atrRef(h: number[], l: number[], c: number[], n: number): number[] {
  const tr = trangeRef(h, l, c);
  const out = nan(h.length);
  let a = 0;
  for (let i = 1; i < h.length; i++) {
    if (i <= n) {
      a += tr[i];
      if (i === n) out[i] = a = a / n;
    } else out[i] = a = (a * (n - 1) + tr[i]) / n;
  }
  return out;
}

/** Wilder +DI/−DI straight from the definition. */
export function diRef(h: number[], l: number[], c: number[], n: number): { plus: number[]; minus: number[] } {
  const plus = nan(h.length);
  const minus = nan(h.length);
  let p = 0;
  let m = 0;
  let t = 0;
  for (let i = 1; i < h.length; i++) {
    const up = h[i] - h[i - 1];
    const down = l[i - 1] - l[i];
    const pdm = up > 0 && up > down ? up : 0;
    const mdm = down > 0 && down > up ? down : 0;
    const tr = Math.max(h[i] - l[i], Math.abs(h[i] - c[i - 1]), Math.abs(l[i] - c[i - 1]));
    if (i < n) {
      p += pdm;
      m += mdm;
      t += tr;
      continue;
    }
    p = p - p / n + pdm;
    m = m - m / n + mdm;
    t = t - t / n + tr;
    plus[i] = Math.abs(t) < 1e-8 ? 0 : (100 * p) / t;
    minus[i] = Math.abs(t) < 1e-8 ? 0 : (100 * m) / t;
  }
  return { plus, minus };
}

export function rocRef(x: number[], n: number): number[] {
  return x.map((v, i) => (i < n ? NaN : x[i - n] === 0 ? 0 : (v / x[i - n] - 1) * 100));
}

export function momRef(x: number[], n: number): number[] {
  return x.map((v, i) => (i < n ? NaN : v - x[i - n]));
}

/** two-pass standard deviation (population, or sample when ddof = 1) */
export function stddevRef(x: number[], n: number, ddof = 0): number[] {
  const out = nan(x.length);
  for (let i = n - 1; i < x.length; i++) {
    let s = 0;
    for (let j = i - n + 1; j <= i; j++) s += x[j];
    const mean = s / n;
    let q = 0;
    for (let j = i - n + 1; j <= i; j++) q += (x[j] - mean) ** 2;
    out[i] = Math.sqrt(q / (n - ddof));
  }
  return out;
}

export function aroonRef(h: number[], l: number[], n: number): { up: number[]; down: number[] } {
  const up = nan(h.length);
  const down = nan(h.length);
  for (let i = n; i < h.length; i++) {
    let hi = i - n;
    let lo = i - n;
    for (let j = i - n; j <= i; j++) {
      if (h[j] >= h[hi]) hi = j; // ties: the most recent
      if (l[j] <= l[lo]) lo = j;
    }
    up[i] = (100 * (n - (i - hi))) / n;
    down[i] = (100 * (n - (i - lo))) / n;
  }
  return { up, down };
}

export function ultoscRef(h: number[], l: number[], c: number[], p1: number, p2: number, p3: number): number[] {
  const out = nan(h.length);
  const bp = h.map((_, i) => (i === 0 ? NaN : c[i] - Math.min(l[i], c[i - 1])));
  const tr = trangeRef(h, l, c);
  const avg = (i: number, p: number) => {
    let a = 0;
    let b = 0;
    for (let j = i - p + 1; j <= i; j++) {
      a += bp[j];
      b += tr[j];
    }
    return b === 0 ? 0 : a / b;
  };
  const longest = Math.max(p1, p2, p3);
  for (let i = longest; i < h.length; i++) out[i] = (100 * (4 * avg(i, p1) + 2 * avg(i, p2) + avg(i, p3))) / 7;
  return out;
}

export function mfiRef(h: number[], l: number[], c: number[], v: number[], n: number): number[] {
  const tp = h.map((hi, i) => (hi + l[i] + c[i]) / 3);
  const out = nan(h.length);
  for (let i = n; i < h.length; i++) {
    let pos = 0;
    let neg = 0;
    for (let j = i - n + 1; j <= i; j++) {
      if (tp[j] > tp[j - 1]) pos += tp[j] * v[j];
      else if (tp[j] < tp[j - 1]) neg += tp[j] * v[j];
    }
    out[i] = pos + neg < 1 ? 0 : (100 * pos) / (pos + neg);
  }
  return out;
}

export function vwapSessionRef(h: number[], l: number[], c: number[], v: number[], time: number[]): number[] {
  const out = nan(h.length);
  let pv = 0;
  let vv = 0;
  for (let i = 0; i < h.length; i++) {
    if (i === 0 || Math.floor(time[i] / 86_400_000) !== Math.floor(time[i - 1] / 86_400_000)) pv = vv = 0;
    const tp = (h[i] + l[i] + c[i]) / 3;
    pv += tp * v[i];
    vv += v[i];
    out[i] = vv > 0 ? pv / vv : tp;
  }
  return out;
}

export function vwapRollingRef(h: number[], l: number[], c: number[], v: number[], n: number): number[] {
  const out = nan(h.length);
  for (let i = n - 1; i < h.length; i++) {
    let pv = 0;
    let vv = 0;
    for (let j = i - n + 1; j <= i; j++) {
      pv += ((h[j] + l[j] + c[j]) / 3) * v[j];
      vv += v[j];
    }
    out[i] = vv > 0 ? pv / vv : (h[i] + l[i] + c[i]) / 3;
  }
  return out;
}

export function donchianRef(h: number[], l: number[], n: number): { upper: number[]; middle: number[]; lower: number[] } {
  const upper = h.map((_, i) => (i < n - 1 ? NaN : windowMax(h, i, n)));
  const lower = l.map((_, i) => (i < n - 1 ? NaN : windowMin(l, i, n)));
  return { upper, lower, middle: upper.map((u, i) => (u + lower[i]) / 2) };
}

/** TDX: RSV over the bars available (up to n), K/D = SMA(·,m,1) from 50, J = 3K − 2D. */
export function kdjRef(h: number[], l: number[], c: number[], n: number, m1: number, m2: number): { k: number[]; d: number[]; j: number[] } {
  const k: number[] = [];
  const d: number[] = [];
  let K = 50;
  let D = 50;
  for (let i = 0; i < c.length; i++) {
    const from = Math.max(0, i - n + 1);
    const hh = Math.max(...h.slice(from, i + 1));
    const ll = Math.min(...l.slice(from, i + 1));
    const rsv = hh === ll ? 0 : ((c[i] - ll) / (hh - ll)) * 100;
    K = (1 * rsv + (m1 - 1) * K) / m1;
    D = (1 * K + (m2 - 1) * D) / m2;
    k.push(K);
    d.push(D);
  }
  return { k, d, j: k.map((v, i) => 3 * v - 2 * d[i]) };
}

/** TDX SMA(X,N,M) / EMA(X,N) = SMA(X,N+1,2), both seeded with the first value. */
export function cnSmaRef(x: number[], n: number, m: number): number[] {
  const out: number[] = [];
  let y = NaN;
  for (const v of x) {
    y = y !== y ? v : (m * v + (n - m) * y) / n;
    out.push(y);
  }
  return out;
}

export function tdxMacdRef(x: number[], fast: number, slow: number, signal: number): { dif: number[]; dea: number[]; macd: number[] } {
  const f = cnSmaRef(x, fast + 1, 2);
  const s = cnSmaRef(x, slow + 1, 2);
  const dif = f.map((v, i) => v - s[i]);
  const dea = cnSmaRef(dif, signal + 1, 2);
  return { dif, dea, macd: dif.map((v, i) => 2 * (v - dea[i])) };
}
