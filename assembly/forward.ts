// pre = x·w + b; out = act(pre). x [n×k], w [k×m], b [m], all row-major float32; b = 0 means no bias
// (the backward pass reuses these blocks for dX = dPre·wᵀ with a transposed w).
// Register blocking: 4 rows × 8 outputs (8 f32x4 accumulators) so each loaded weight vector is used
// four times and the accumulators stay in the 16 xmm registers V8 has on x64.

import { GELU, storeActivated, activateScalar, geluPass } from './activation';
import { madd } from './madd';
import { Floats7, Floats12, Floats32, Floats64, RuntimeStride } from './strides';

export function denseForward(x: usize, w: usize, b: usize, pre: usize, out: usize, n: i32, k: i32, m: i32, act: i32): void {
  if (m == 1) {
    forwardSingleOutput(x, w, b, pre, out, n, k, act);
    return;
  }
  // The default networks' input widths get their row stride as a compile-time constant (strides.ts).
  if (k == 64) forwardRows<Floats64>(x, w, b, pre, out, n, k, m, act);
  else if (k == 32) forwardRows<Floats32>(x, w, b, pre, out, n, k, m, act);
  else if (k == 12) forwardRows<Floats12>(x, w, b, pre, out, n, k, m, act);
  else if (k == 7) forwardRows<Floats7>(x, w, b, pre, out, n, k, m, act);
  else forwardRows<RuntimeStride>(x, w, b, pre, out, n, k, m, act);
  if (act == GELU) geluPass(pre, out, n * m);
}

/** All n rows: blocks of four, then the rest one by one. R: the x row stride (k floats), strides.ts. */
function forwardRows<R>(x: usize, w: usize, b: usize, pre: usize, out: usize, n: i32, k: i32, m: i32, act: i32): void {
  const rowX = <usize>k << 2;
  const rowY = <usize>m << 2;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    forwardRows4<R>(x + <usize>i * rowX, w, b, pre + <usize>i * rowY, out + <usize>i * rowY, k, m, act);
  }
  for (; i < n; i++) {
    forwardRow1(x + <usize>i * rowX, w, b, pre + <usize>i * rowY, out + <usize>i * rowY, k, m, act);
  }
}

function forwardRows4<R>(x: usize, w: usize, b: usize, pre: usize, out: usize, k: i32, m: i32, act: i32): void {
  const rowX = <usize>k << 2;
  const rowY = <usize>m << 2;
  // Row r of the four is read at xp + r·step + r·S: with a compile-time stride S the step is 0 and
  // every read is [xp + constant]; otherwise S is 0 and the step is the run-time stride.
  const S: usize = offsetof<R>();
  const step: usize = S != 0 ? 0 : rowX;
  const xEnd = x + rowX;
  let j = 0;
  for (; j + 8 <= m; j += 8) {
    const jo = <usize>j << 2;
    const b0 = b != 0 ? v128.load(b + jo) : f32x4.splat(0), b1 = b != 0 ? v128.load(b + jo, 16) : f32x4.splat(0);
    let a00 = b0, a01 = b1, a10 = b0, a11 = b1, a20 = b0, a21 = b1, a30 = b0, a31 = b1;
    let wp = w + jo;
    for (let xp = x; xp < xEnd; xp += 4) {
      const w0 = v128.load(wp), w1 = v128.load(wp, 16);
      let s = v128.load32_splat(xp);
      a00 = madd(s, w0, a00); a01 = madd(s, w1, a01);
      s = v128.load32_splat(xp + step, S);
      a10 = madd(s, w0, a10); a11 = madd(s, w1, a11);
      s = v128.load32_splat(xp + 2 * step, 2 * S);
      a20 = madd(s, w0, a20); a21 = madd(s, w1, a21);
      s = v128.load32_splat(xp + 3 * step, 3 * S);
      a30 = madd(s, w0, a30); a31 = madd(s, w1, a31);
      wp += rowY;
    }
    storeActivated(pre + jo, out + jo, a00, act); storeActivated(pre + jo + 16, out + jo + 16, a01, act);
    storeActivated(pre + rowY + jo, out + rowY + jo, a10, act); storeActivated(pre + rowY + jo + 16, out + rowY + jo + 16, a11, act);
    storeActivated(pre + 2 * rowY + jo, out + 2 * rowY + jo, a20, act); storeActivated(pre + 2 * rowY + jo + 16, out + 2 * rowY + jo + 16, a21, act);
    storeActivated(pre + 3 * rowY + jo, out + 3 * rowY + jo, a30, act); storeActivated(pre + 3 * rowY + jo + 16, out + 3 * rowY + jo + 16, a31, act);
  }
  for (; j + 4 <= m; j += 4) {
    const jo = <usize>j << 2;
    const b0 = b != 0 ? v128.load(b + jo) : f32x4.splat(0);
    let a0 = b0, a1 = b0, a2 = b0, a3 = b0;
    let wp = w + jo;
    for (let xp = x; xp < xEnd; xp += 4) {
      const w0 = v128.load(wp);
      a0 = madd(v128.load32_splat(xp), w0, a0);
      a1 = madd(v128.load32_splat(xp + step, S), w0, a1);
      a2 = madd(v128.load32_splat(xp + 2 * step, 2 * S), w0, a2);
      a3 = madd(v128.load32_splat(xp + 3 * step, 3 * S), w0, a3);
      wp += rowY;
    }
    storeActivated(pre + jo, out + jo, a0, act);
    storeActivated(pre + rowY + jo, out + rowY + jo, a1, act);
    storeActivated(pre + 2 * rowY + jo, out + 2 * rowY + jo, a2, act);
    storeActivated(pre + 3 * rowY + jo, out + 3 * rowY + jo, a3, act);
  }
  for (; j < m; j++) {
    for (let r = 0; r < 4; r++) {
      forwardScalar(x + <usize>r * rowX, w, b, pre + <usize>r * rowY, out + <usize>r * rowY, k, m, j, act);
    }
  }
}

function forwardRow1(x: usize, w: usize, b: usize, pre: usize, out: usize, k: i32, m: i32, act: i32): void {
  const rowY = <usize>m << 2;
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const jo = <usize>j << 2;
    let a = b != 0 ? v128.load(b + jo) : f32x4.splat(0);
    let wp = w + jo;
    for (let p = 0; p < k; p++) {
      a = madd(v128.load32_splat(x + (<usize>p << 2)), v128.load(wp), a);
      wp += rowY;
    }
    storeActivated(pre + jo, out + jo, a, act);
  }
  for (; j < m; j++) forwardScalar(x, w, b, pre, out, k, m, j, act);
}

/** One output column j of one row, scalar (column tails when m is not a multiple of 4). */
@inline
function forwardScalar(x: usize, w: usize, b: usize, pre: usize, out: usize, k: i32, m: i32, j: i32, act: i32): void {
  const jo = <usize>j << 2;
  let s: f32 = b != 0 ? load<f32>(b + jo) : 0;
  for (let p = 0; p < k; p++) s += load<f32>(x + (<usize>p << 2)) * load<f32>(w + ((<usize>p * <usize>m) << 2) + jo);
  store<f32>(pre + jo, s);
  store<f32>(out + jo, act == GELU ? s : activateScalar(s, act));
}

/**
 * m = 1 (the logit layer): a dot product per row, vectorised along k, four rows at a time so four
 * independent accumulator chains hide the multiply-add latency (one row at a time waited on each).
 */
function forwardSingleOutput(x: usize, w: usize, b: usize, pre: usize, out: usize, n: i32, k: i32, act: i32): void {
  const rowX = <usize>k << 2;
  const k4 = k & ~3;
  let i = 0;
  for (; i + 4 <= n; i += 4) {
    const x0 = x + <usize>i * rowX, x1 = x0 + rowX, x2 = x1 + rowX, x3 = x2 + rowX;
    let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
    for (let p = 0; p < k4; p += 4) {
      const po = <usize>p << 2;
      const wv = v128.load(w + po);
      a0 = madd(v128.load(x0 + po), wv, a0);
      a1 = madd(v128.load(x1 + po), wv, a1);
      a2 = madd(v128.load(x2 + po), wv, a2);
      a3 = madd(v128.load(x3 + po), wv, a3);
    }
    singleOutputRow(x0, w, b, pre, out, i, k, k4, a0, act);
    singleOutputRow(x1, w, b, pre, out, i + 1, k, k4, a1, act);
    singleOutputRow(x2, w, b, pre, out, i + 2, k, k4, a2, act);
    singleOutputRow(x3, w, b, pre, out, i + 3, k, k4, a3, act);
  }
  for (; i < n; i++) {
    const xr = x + <usize>i * rowX;
    let acc = f32x4.splat(0);
    for (let p = 0; p < k4; p += 4) {
      const po = <usize>p << 2;
      acc = madd(v128.load(xr + po), v128.load(w + po), acc);
    }
    singleOutputRow(xr, w, b, pre, out, i, k, k4, acc, act);
  }
}

/** Row i's logit from its vector accumulator (lanes summed as before: (0+1)+(2+3)), bias and k tail. */
@inline
function singleOutputRow(xr: usize, w: usize, b: usize, pre: usize, out: usize, i: i32, k: i32, k4: i32, acc: v128, act: i32): void {
  const bias: f32 = b != 0 ? load<f32>(b) : 0;
  let s = bias + ((f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1)) + (f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3)));
  for (let p = k4; p < k; p++) s += load<f32>(xr + (<usize>p << 2)) * load<f32>(w + (<usize>p << 2));
  const io = <usize>i << 2;
  store<f32>(pre + io, s);
  store<f32>(out + io, activateScalar(s, act));
}
