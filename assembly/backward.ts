// Backward of denseForward. dOut [n×m] becomes dPre = dOut ⊙ act'(pre) in place; then
// gW [k×m] (+)= xᵀ·dPre, gB [m] (+)= Σ_rows dPre, and dX [n×k] = dPre·wᵀ when dX != 0.
// Sums over rows are kept in registers (or in scratch between row tiles, backward-tiled.ts, the
// path most layers take) and added to gW/gB once, so splitting a batch into row
// chunks (accumulate) gives the same floats as adding per-chunk gradients in the same order —
// which is what keeps two-thread training identical to one thread.

import { GELU, LINEAR, RELU, LEAKY_SLOPE, geluBackward } from './activation';
import { denseForward } from './forward';
import { madd } from './madd';
import { SCRATCH, SCRATCH_FLOATS, backwardSingleOutput, backwardTiled, tiledBackwardFits, transpose } from './backward-tiled';

export function denseBackward(
  x: usize, w: usize, pre: usize, d: usize, gW: usize, gB: usize, dX: usize,
  n: i32, k: i32, m: i32, act: i32, accumulate: bool,
): void {
  if (act == GELU) {
    geluBackward(pre, d, n * m);
    act = LINEAR;
  }
  // The usual shapes: one pass per row tile (backward-tiled.ts); the loops below cover the rest
  // (layers too large for the scratch area, and 2–3 outputs); one output has its own pass.
  if (tiledBackwardFits(k, m, dX != 0)) {
    backwardTiled(x, w, pre, d, gW, gB, dX, n, k, m, act, accumulate);
    return;
  }
  if (m == 1) {
    backwardSingleOutput(x, w, pre, d, gW, gB, dX, n, k, act, accumulate);
    return;
  }
  activationAndBias(pre, d, gB, n, m, act, accumulate);
  if (m >= 4) weightGradientWide(x, d, gW, n, k, m, accumulate);
  else weightGradientNarrow(x, d, gW, n, k, m, accumulate);
  if (dX != 0) {
    if (k * m <= SCRATCH_FLOATS) {
      // dX = dPre·wᵀ as a forward product with a transposed copy of w: the register-blocked
      // forward kernel then does the work instead of one horizontal sum per output value.
      transpose(w, SCRATCH, k, m);
      denseForward(d, SCRATCH, 0, dX, dX, n, m, k, LINEAR);
    } else inputGradient(d, w, dX, n, k, m);
  }
}

/** dPre = d ⊙ act'(pre) in place (relu / leaky / linear) and gB (+)= Σ_rows dPre, in one pass. */
function activationAndBias(pre: usize, d: usize, gB: usize, n: i32, m: i32, act: i32, accumulate: bool): void {
  const rowY = <usize>m << 2;
  const zero = f32x4.splat(0);
  const slope = f32x4.splat(LEAKY_SLOPE);
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const jo = <usize>j << 2;
    let acc = f32x4.splat(0);
    let dp = d + jo, pp = pre + jo;
    for (let i = 0; i < n; i++) {
      let g = v128.load(dp);
      if (act != LINEAR) {
        const pos = f32x4.gt(v128.load(pp), zero);
        g = act == RELU ? v128.and(g, pos) : v128.bitselect(g, f32x4.mul(g, slope), pos);
        v128.store(dp, g);
      }
      acc = f32x4.add(acc, g);
      dp += rowY;
      pp += rowY;
    }
    addOrSet(gB + jo, acc, accumulate);
  }
  for (; j < m; j++) {
    const jo = <usize>j << 2;
    let s: f32 = 0;
    for (let i = 0; i < n; i++) {
      const off = <usize>i * rowY + jo;
      let g = load<f32>(d + off);
      if (act != LINEAR) {
        const pos = load<f32>(pre + off) > 0;
        g = pos ? g : act == RELU ? <f32>0 : g * LEAKY_SLOPE;
        store<f32>(d + off, g);
      }
      s += g;
    }
    addOrSetScalar(gB + jo, s, accumulate);
  }
}

@inline
function addOrSet(ptr: usize, v: v128, accumulate: bool): void {
  v128.store(ptr, accumulate ? f32x4.add(v128.load(ptr), v) : v);
}

@inline
function addOrSetScalar(ptr: usize, v: f32, accumulate: bool): void {
  store<f32>(ptr, accumulate ? load<f32>(ptr) + v : v);
}

/** gW = xᵀ·dPre for m ≥ 4: blocks of 4 gW rows × 8 columns, summing over the n batch rows. */
function weightGradientWide(x: usize, d: usize, gW: usize, n: i32, k: i32, m: i32, accumulate: bool): void {
  const rowX = <usize>k << 2;
  const rowY = <usize>m << 2;
  // Blocks of 4 gW rows; a last partial block reads its missing rows from the block's last valid
  // row (clamped) and drops them, so k = 7 costs two passes over dPre instead of four.
  for (let p = 0; p < k; p += 4) {
    const valid = min(4, k - p);
    const o1: usize = <usize>min(1, valid - 1) << 2, o2: usize = <usize>min(2, valid - 1) << 2, o3: usize = <usize>min(3, valid - 1) << 2;
    const po = <usize>p << 2;
    let j = 0;
    for (; j + 8 <= m; j += 8) {
      const jo = <usize>j << 2;
      let a00 = f32x4.splat(0), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
      let xp = x + po;
      let dp = d + jo;
      for (let i = 0; i < n; i++) {
        const d0 = v128.load(dp), d1 = v128.load(dp, 16);
        let s = v128.load32_splat(xp);
        a00 = madd(s, d0, a00); a01 = madd(s, d1, a01);
        s = v128.load32_splat(xp + o1);
        a10 = madd(s, d0, a10); a11 = madd(s, d1, a11);
        s = v128.load32_splat(xp + o2);
        a20 = madd(s, d0, a20); a21 = madd(s, d1, a21);
        s = v128.load32_splat(xp + o3);
        a30 = madd(s, d0, a30); a31 = madd(s, d1, a31);
        xp += rowX;
        dp += rowY;
      }
      const g = gW + <usize>p * rowY + jo;
      addOrSet(g, a00, accumulate); addOrSet(g + 16, a01, accumulate);
      if (valid > 1) { addOrSet(g + rowY, a10, accumulate); addOrSet(g + rowY + 16, a11, accumulate); }
      if (valid > 2) { addOrSet(g + 2 * rowY, a20, accumulate); addOrSet(g + 2 * rowY + 16, a21, accumulate); }
      if (valid > 3) { addOrSet(g + 3 * rowY, a30, accumulate); addOrSet(g + 3 * rowY + 16, a31, accumulate); }
    }
    for (; j + 4 <= m; j += 4) {
      const jo = <usize>j << 2;
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
      let xp = x + po;
      let dp = d + jo;
      for (let i = 0; i < n; i++) {
        const d0 = v128.load(dp);
        a0 = madd(v128.load32_splat(xp), d0, a0);
        a1 = madd(v128.load32_splat(xp + o1), d0, a1);
        a2 = madd(v128.load32_splat(xp + o2), d0, a2);
        a3 = madd(v128.load32_splat(xp + o3), d0, a3);
        xp += rowX;
        dp += rowY;
      }
      const g = gW + <usize>p * rowY + jo;
      addOrSet(g, a0, accumulate);
      if (valid > 1) addOrSet(g + rowY, a1, accumulate);
      if (valid > 2) addOrSet(g + 2 * rowY, a2, accumulate);
      if (valid > 3) addOrSet(g + 3 * rowY, a3, accumulate);
    }
    for (; j < m; j++) {
      for (let q = 0; q < valid; q++) weightGradientScalar(x, d, gW, n, k, m, p + q, j, accumulate);
    }
  }
}

@inline
function weightGradientScalar(x: usize, d: usize, gW: usize, n: i32, k: i32, m: i32, p: i32, j: i32, accumulate: bool): void {
  let s: f32 = 0;
  for (let i = 0; i < n; i++) {
    s += load<f32>(x + ((<usize>i * <usize>k + <usize>p) << 2)) * load<f32>(d + ((<usize>i * <usize>m + <usize>j) << 2));
  }
  addOrSetScalar(gW + ((<usize>p * <usize>m + <usize>j) << 2), s, accumulate);
}

/** gW = xᵀ·dPre for m < 4 (the logit layer): vectorised along k instead, one output column at a time. */
function weightGradientNarrow(x: usize, d: usize, gW: usize, n: i32, k: i32, m: i32, accumulate: bool): void {
  const rowX = <usize>k << 2;
  const rowY = <usize>m << 2;
  for (let j = 0; j < m; j++) {
    const jo = <usize>j << 2;
    let p = 0;
    for (; p + 4 <= k; p += 4) {
      const po = <usize>p << 2;
      let acc = f32x4.splat(0);
      for (let i = 0; i < n; i++) {
        acc = madd(v128.load(x + <usize>i * rowX + po), v128.load32_splat(d + <usize>i * rowY + jo), acc);
      }
      addOrSetScalar(gW + ((<usize>p * <usize>m + <usize>j) << 2), f32x4.extract_lane(acc, 0), accumulate);
      addOrSetScalar(gW + (((<usize>p + 1) * <usize>m + <usize>j) << 2), f32x4.extract_lane(acc, 1), accumulate);
      addOrSetScalar(gW + (((<usize>p + 2) * <usize>m + <usize>j) << 2), f32x4.extract_lane(acc, 2), accumulate);
      addOrSetScalar(gW + (((<usize>p + 3) * <usize>m + <usize>j) << 2), f32x4.extract_lane(acc, 3), accumulate);
    }
    for (; p < k; p++) weightGradientScalar(x, d, gW, n, k, m, p, j, accumulate);
  }
}

@inline
function hsum(v: v128): f32 {
  return (f32x4.extract_lane(v, 0) + f32x4.extract_lane(v, 1)) + (f32x4.extract_lane(v, 2) + f32x4.extract_lane(v, 3));
}

/** dX = dPre·wᵀ: each dX[i,p] is a dot product of a dPre row and a w row, both contiguous along m. */
function inputGradient(d: usize, w: usize, dX: usize, n: i32, k: i32, m: i32): void {
  const rowX = <usize>k << 2;
  const rowY = <usize>m << 2;
  const m4 = m & ~3;
  let i = 0;
  for (; i + 2 <= n; i += 2) {
    const d0 = d + <usize>i * rowY, d1 = d0 + rowY;
    const x0 = dX + <usize>i * rowX, x1 = x0 + rowX;
    let p = 0;
    for (; p + 4 <= k; p += 4) {
      const w0 = w + <usize>p * rowY, w1 = w0 + rowY, w2 = w1 + rowY, w3 = w2 + rowY;
      let a00 = f32x4.splat(0), a01 = a00, a02 = a00, a03 = a00, a10 = a00, a11 = a00, a12 = a00, a13 = a00;
      for (let j = 0; j < m4; j += 4) {
        const jo = <usize>j << 2;
        const u = v128.load(d0 + jo), v = v128.load(d1 + jo);
        let wv = v128.load(w0 + jo);
        a00 = madd(u, wv, a00); a10 = madd(v, wv, a10);
        wv = v128.load(w1 + jo);
        a01 = madd(u, wv, a01); a11 = madd(v, wv, a11);
        wv = v128.load(w2 + jo);
        a02 = madd(u, wv, a02); a12 = madd(v, wv, a12);
        wv = v128.load(w3 + jo);
        a03 = madd(u, wv, a03); a13 = madd(v, wv, a13);
      }
      let s00 = hsum(a00), s01 = hsum(a01), s02 = hsum(a02), s03 = hsum(a03);
      let s10 = hsum(a10), s11 = hsum(a11), s12 = hsum(a12), s13 = hsum(a13);
      for (let j = m4; j < m; j++) {
        const jo = <usize>j << 2;
        const u = load<f32>(d0 + jo), v = load<f32>(d1 + jo);
        const q0 = load<f32>(w0 + jo), q1 = load<f32>(w1 + jo), q2 = load<f32>(w2 + jo), q3 = load<f32>(w3 + jo);
        s00 += u * q0; s01 += u * q1; s02 += u * q2; s03 += u * q3;
        s10 += v * q0; s11 += v * q1; s12 += v * q2; s13 += v * q3;
      }
      const po = <usize>p << 2;
      store<f32>(x0 + po, s00); store<f32>(x0 + po, s01, 4); store<f32>(x0 + po, s02, 8); store<f32>(x0 + po, s03, 12);
      store<f32>(x1 + po, s10); store<f32>(x1 + po, s11, 4); store<f32>(x1 + po, s12, 8); store<f32>(x1 + po, s13, 12);
    }
    for (; p < k; p++) {
      store<f32>(x0 + (<usize>p << 2), dot(d0, w + <usize>p * rowY, m));
      store<f32>(x1 + (<usize>p << 2), dot(d1, w + <usize>p * rowY, m));
    }
  }
  for (; i < n; i++) {
    const d0 = d + <usize>i * rowY;
    const x0 = dX + <usize>i * rowX;
    for (let p = 0; p < k; p++) store<f32>(x0 + (<usize>p << 2), dot(d0, w + <usize>p * rowY, m));
  }
}

@inline
function dot(a: usize, b: usize, len: i32): f32 {
  let acc = f32x4.splat(0);
  let j = 0;
  for (; j + 4 <= len; j += 4) acc = madd(v128.load(a + (<usize>j << 2)), v128.load(b + (<usize>j << 2)), acc);
  let s = hsum(acc);
  for (; j < len; j++) s += load<f32>(a + (<usize>j << 2)) * load<f32>(b + (<usize>j << 2));
  return s;
}
