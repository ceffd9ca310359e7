/**
 * The yardsticks for the indicator kernels: each formula written once more as a plain loop over
 * Float64Arrays, with TA-Lib's conventions (and its order of operations where that decides the
 * last bit), no node machinery, no state objects. These are what a careful person would write
 * by hand for one indicator; the bench checks each kernel against them (1e-9 after warm-up)
 * and times both. Outputs are NaN before the first value, like the nodes.
 *
 * Each writes into output columns the caller allocated once, as the engine's kernels do: a
 * fresh 8 MB column per call would time this VM's first-touch page faults (~20 ms), not the
 * formula. Scratch state is a few scalars or a window-sized ring, never a whole column.
 */

export function handSma(x: Float64Array, p: number, out: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    if (i >= p) sum -= x[i - p];
    sum += x[i];
    out[i] = i >= p - 1 ? sum / p : NaN;
  }
}

/** EMA seeded with the SMA of the first p values. */
export function handEma(x: Float64Array, p: number, out: Float64Array): void {
  const k = 2 / (p + 1);
  let e = 0;
  for (let i = 0; i < x.length; i++) {
    if (i < p) {
      e += x[i];
      if (i === p - 1) e /= p;
      out[i] = i === p - 1 ? e : NaN;
    } else out[i] = e = (x[i] - e) * k + e;
  }
}

/** Wilder RSI: plain means of the first p gains/losses, then (v·(p−1) + today)/p; 0 on flat prices. */
export function handRsi(x: Float64Array, p: number, out: Float64Array): void {
  out[0] = NaN;
  let g = 0;
  let l = 0;
  for (let i = 1; i < x.length; i++) {
    const d = x[i] - x[i - 1];
    if (i <= p) {
      if (d < 0) l -= d;
      else g += d;
      if (i < p) {
        out[i] = NaN;
        continue;
      }
      g /= p;
      l /= p;
    } else {
      g *= p - 1;
      l *= p - 1;
      if (d < 0) l -= d;
      else g += d;
      g /= p;
      l /= p;
    }
    const t = g + l;
    out[i] = t > -1e-8 && t < 1e-8 ? 0 : 100 * (g / t);
  }
}

/** MACD line, signal and histogram with TA-Lib's seeding: both EMAs start on the slow EMA's first bar. */
export function handMacd(x: Float64Array, fast: number, slow: number, signal: number, macd: Float64Array, sig: Float64Array, hist: Float64Array): void {
  const kf = 2 / (fast + 1);
  const ks = 2 / (slow + 1);
  const kg = 2 / (signal + 1);
  let ef = 0;
  let es = 0;
  let eg = 0;
  const skip = slow - fast;
  for (let i = 0; i < x.length; i++) {
    macd[i] = sig[i] = hist[i] = NaN;
    const v = x[i];
    if (i < slow) {
      es += v;
      if (i >= skip) ef += v;
      if (i < slow - 1) continue;
      es /= slow;
      ef /= fast;
    } else {
      es = (v - es) * ks + es;
      ef = (v - ef) * kf + ef;
    }
    const m = ef - es;
    const j = i - (slow - 1);
    if (j < signal) {
      eg += m;
      if (j < signal - 1) continue;
      eg /= signal;
    } else eg = (m - eg) * kg + eg;
    macd[i] = m;
    sig[i] = eg;
    hist[i] = m - eg;
  }
}

/** Bollinger bands: SMA middle ± dev·σ, population σ from running Σx and Σx² (below 1e-8 → 0). */
export function handBbands(x: Float64Array, p: number, dev: number, up: Float64Array, mid: Float64Array, lo: Float64Array): void {
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < x.length; i++) {
    if (i >= p) {
      const old = x[i - p];
      sum -= old;
      sumSq -= old * old;
    }
    const v = x[i];
    sum += v;
    sumSq += v * v;
    if (i < p - 1) {
      up[i] = mid[i] = lo[i] = NaN;
      continue;
    }
    const m = sum / p;
    const variance = sumSq / p - m * m;
    const sd = variance < 1e-8 ? 0 : Math.sqrt(variance);
    mid[i] = m;
    up[i] = m + sd * dev;
    lo[i] = m - sd * dev;
  }
}

function tr(h: number, l: number, pc: number): number {
  let r = h - l;
  const a = Math.abs(h - pc);
  if (a > r) r = a;
  const b = Math.abs(l - pc);
  if (b > r) r = b;
  return r;
}

/** Wilder ATR: first value the mean of the true ranges of bars 1..p. */
export function handAtr(h: Float64Array, l: Float64Array, c: Float64Array, p: number, out: Float64Array): void {
  out[0] = NaN;
  let a = 0;
  for (let i = 1; i < c.length; i++) {
    const t = tr(h[i], l[i], c[i - 1]);
    if (i <= p) {
      a += t;
      if (i < p) {
        out[i] = NaN;
        continue;
      }
      a /= p;
    } else a = (a * (p - 1) + t) / p;
    out[i] = a;
  }
}

/** ADX: Wilder-smoothed ±DM and TR (sums of bars 1..p−1, then v − v/p + today), DX, ADX = mean of the first p DX, then Wilder. */
export function handAdx(h: Float64Array, l: Float64Array, c: Float64Array, p: number, out: Float64Array): void {
  let pdm = 0;
  let mdm = 0;
  let str = 0;
  let sumDx = 0;
  let adx = NaN;
  out[0] = NaN;
  for (let i = 1; i < c.length; i++) {
    out[i] = NaN;
    const diffP = h[i] - h[i - 1];
    const diffM = l[i - 1] - l[i];
    const t = tr(h[i], l[i], c[i - 1]);
    if (i < p) {
      if (diffM > 0 && diffP < diffM) mdm += diffM;
      else if (diffP > 0 && diffP > diffM) pdm += diffP;
      str += t;
      continue;
    }
    mdm -= mdm / p;
    pdm -= pdm / p;
    if (diffM > 0 && diffP < diffM) mdm += diffM;
    else if (diffP > 0 && diffP > diffM) pdm += diffP;
    str = str - str / p + t;
    let dx = NaN;
    if (!(str > -1e-8 && str < 1e-8)) {
      const mdi = 100 * (mdm / str);
      const pdi = 100 * (pdm / str);
      const s = mdi + pdi;
      if (!(s > -1e-8 && s < 1e-8)) dx = 100 * (Math.abs(mdi - pdi) / s);
    }
    const k = i - p + 1; // 1 on bar p
    if (k <= p) {
      if (dx === dx) sumDx += dx;
      if (k < p) continue;
      adx = sumDx / p;
    } else if (dx === dx) adx = (adx * (p - 1) + dx) / p;
    out[i] = adx;
  }
}

/**
 * STOCH: fast %K over fk bars (0 on a zero range), slow %K = SMA(fast %K, sk), slow %D =
 * SMA(slow %K, sd); %K shown only where %D exists. The highest high and lowest low are read
 * straight from the columns: the extreme's index is remembered and the window rescanned only
 * when it leaves (TA-Lib's way).
 */
export function handStoch(h: Float64Array, l: Float64Array, c: Float64Array, fk: number, sk: number, sd: number, kOut: Float64Array, dOut: Float64Array): void {
  const fastRing = new Float64Array(sk);
  const slowRing = new Float64Array(sd);
  let hiAt = -1;
  let loAt = -1;
  let hi = 0;
  let lo = 0;
  let sumK = 0;
  let sumD = 0;
  let ra = 0;
  let rb = 0;
  for (let i = 0; i < c.length; i++) {
    kOut[i] = dOut[i] = NaN;
    const start = i - fk + 1;
    if (start < 0) continue;
    if (hiAt < start) {
      hiAt = start;
      hi = h[start];
      for (let j = start + 1; j <= i; j++) if (h[j] >= hi) hi = h[(hiAt = j)];
    } else if (h[i] >= hi) hi = h[(hiAt = i)];
    if (loAt < start) {
      loAt = start;
      lo = l[start];
      for (let j = start + 1; j <= i; j++) if (l[j] <= lo) lo = l[(loAt = j)];
    } else if (l[i] <= lo) lo = l[(loAt = i)];
    const diff = (hi - lo) / 100;
    const f = diff !== 0 ? (c[i] - lo) / diff : 0;
    const a = start; // index of this fast %K
    if (a >= sk) sumK -= fastRing[ra];
    fastRing[ra] = f;
    ra = ra + 1 === sk ? 0 : ra + 1;
    sumK += f;
    if (a < sk - 1) continue;
    const k = sumK / sk;
    const b = a - (sk - 1);
    if (b >= sd) sumD -= slowRing[rb];
    slowRing[rb] = k;
    rb = rb + 1 === sd ? 0 : rb + 1;
    sumD += k;
    if (b < sd - 1) continue;
    kOut[i] = k;
    dOut[i] = sumD / sd;
  }
}

/** CCI: TP = (H+L+C)/3; (TP − mean) / (0.015 · mean |TP − mean|) over p bars; 0 when either part is 0. */
export function handCci(h: Float64Array, l: Float64Array, c: Float64Array, p: number, out: Float64Array): void {
  const ring = new Float64Array(p);
  let slot = 0;
  for (let i = 0; i < c.length; i++) {
    const tp = (h[i] + l[i] + c[i]) / 3;
    ring[slot] = tp;
    slot = slot + 1 === p ? 0 : slot + 1;
    if (i < p - 1) {
      out[i] = NaN;
      continue;
    }
    let avg = 0;
    for (let j = 0; j < p; j++) avg += ring[j];
    avg /= p;
    let dev = 0;
    for (let j = 0; j < p; j++) dev += Math.abs(ring[j] - avg);
    const d = tp - avg;
    out[i] = d !== 0 && dev !== 0 ? d / (0.015 * (dev / p)) : 0;
  }
}

/** KAMA (TA-Lib): ER over p bars, sc = (ER·(2/3 − 2/31) + 2/31)², started from the previous price. */
export function handKama(x: Float64Array, p: number, out: Float64Array): void {
  const n = x.length;
  const slowest = 2 / 31;
  const diff = 2 / 3 - slowest;
  for (let i = 0; i < p && i < n; i++) out[i] = NaN;
  if (n <= p) return;
  let sumRoc1 = 0;
  for (let i = 1; i <= p; i++) sumRoc1 += Math.abs(x[i - 1] - x[i]);
  let kama = x[p - 1];
  for (let i = p; i < n; i++) {
    if (i > p) {
      sumRoc1 -= Math.abs(x[i - p - 1] - x[i - p]);
      sumRoc1 += Math.abs(x[i] - x[i - 1]);
    }
    const roc = x[i] - x[i - p];
    const er = sumRoc1 <= roc || (sumRoc1 > -1e-8 && sumRoc1 < 1e-8) ? 1 : Math.abs(roc / sumRoc1);
    let sc = er * diff + slowest;
    sc *= sc;
    out[i] = kama = (x[i] - kama) * sc + kama;
  }
}

/** Parabolic SAR (TA-Lib): direction from bar 1's directional movement, SAR kept outside the last two bars. */
export function handSar(h: Float64Array, l: Float64Array, accel: number, max: number, out: Float64Array): void {
  const n = h.length;
  out[0] = NaN;
  if (n < 2) return;
  if (accel > max) accel = max;
  const diffP = h[1] - h[0];
  const diffM = l[0] - l[1];
  let isLong = !(diffM > 0 && diffP < diffM);
  let ep = isLong ? h[1] : l[1];
  let sar = isLong ? l[0] : h[0];
  let af = accel;
  let ph = h[1];
  let pl = l[1];
  for (let i = 1; i < n; i++) {
    const hi = h[i];
    const lo = l[i];
    if (isLong) {
      if (lo <= sar) {
        isLong = false;
        sar = ep;
        if (sar < ph) sar = ph;
        if (sar < hi) sar = hi;
        out[i] = sar;
        af = accel;
        ep = lo;
        sar = sar + af * (ep - sar);
        if (sar < ph) sar = ph;
        if (sar < hi) sar = hi;
      } else {
        out[i] = sar;
        if (hi > ep) {
          ep = hi;
          af += accel;
          if (af > max) af = max;
        }
        sar = sar + af * (ep - sar);
        if (sar > pl) sar = pl;
        if (sar > lo) sar = lo;
      }
    } else if (hi >= sar) {
      isLong = true;
      sar = ep;
      if (sar > pl) sar = pl;
      if (sar > lo) sar = lo;
      out[i] = sar;
      af = accel;
      ep = hi;
      sar = sar + af * (ep - sar);
      if (sar > pl) sar = pl;
      if (sar > lo) sar = lo;
    } else {
      out[i] = sar;
      if (lo < ep) {
        ep = lo;
        af += accel;
        if (af > max) af = max;
      }
      sar = sar + af * (ep - sar);
      if (sar < ph) sar = ph;
      if (sar < hi) sar = hi;
    }
    ph = hi;
    pl = lo;
  }
}

/** KDJ (TDX): RSV over the last n bars (those there are at the start), K = SMA(RSV,m1,1), D = SMA(K,m2,1) from 50, J = 3K − 2D. */
export function handKdj(h: Float64Array, l: Float64Array, c: Float64Array, n: number, m1: number, m2: number, K: Float64Array, D: Float64Array, J: Float64Array): void {
  let hiAt = -1;
  let loAt = -1;
  let hi = 0;
  let lo = 0;
  let k = 50;
  let d = 50;
  for (let i = 0; i < c.length; i++) {
    const start = i - n + 1 > 0 ? i - n + 1 : 0;
    if (hiAt < start) {
      hiAt = start;
      hi = h[start];
      for (let j = start + 1; j <= i; j++) if (h[j] >= hi) hi = h[(hiAt = j)];
    } else if (h[i] >= hi) hi = h[(hiAt = i)];
    if (loAt < start) {
      loAt = start;
      lo = l[start];
      for (let j = start + 1; j <= i; j++) if (l[j] <= lo) lo = l[(loAt = j)];
    } else if (l[i] <= lo) lo = l[(loAt = i)];
    const range = hi - lo;
    const rsv = range !== 0 ? ((c[i] - lo) / range) * 100 : 0;
    k = (rsv + (m1 - 1) * k) / m1;
    d = (k + (m2 - 1) * d) / m2;
    K[i] = k;
    D[i] = d;
    J[i] = 3 * k - 2 * d;
  }
}
