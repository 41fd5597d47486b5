// The backward of a dense layer a tile of rows at a time, for the layer shapes of the default
// network. Per tile, dPre = dOut ⊙ act'(pre) and its column sums, the tile's share of gW = xᵀ·dPre
// and dX = dPre·wᵀ all run while the tile (a few KiB) is in L1; the untiled loops (backward.ts)
// stream the whole chunk's dPre from L2 once per block of gW and once more per pass.
//
// The partial sums of gW and gB stay in the scratch area between tiles. Every value's sum still runs
// over the rows in order, starting from zero, so the floats are exactly those of the untiled loops,
// and a chunk's gradient is added to gW/gB once at the end: splitting a batch into chunks (or over
// threads, src/nn/parallel/) gives the same floats as one pass.

import { LINEAR, RELU, LEAKY_SLOPE } from './activation';
import { denseForward } from './forward';
import { madd } from './madd';

/**
 * Scratch in the first 64 KiB of memory, which the JavaScript allocator never hands out
 * (src/nn/kernels-wasm.ts HEAP_BASE), above the compiler's static data (1024..~7 KiB;
 * scripts/build-wasm.mjs fails the build if it ever reaches SCRATCH). Each kernels instance has
 * its own memory, so no sharing between threads.
 */
export const SCRATCH: usize = 16384;
export const SCRATCH_FLOATS: i32 = (65536 - 16384) >> 2;
/** Bytes of x and dPre per tile: well inside a 32–48 KiB L1 with wᵀ and dX beside them. */
const TILE_BYTES: i32 = 16384;

/** Whether backwardTiled's partial sums (and wᵀ when dX is wanted) fit in the scratch area. */
export function tiledBackwardFits(k: i32, m: i32, withDX: bool): bool {
  return m >= 4 && (k * m + 4) * (withDX ? 2 : 1) + m <= SCRATCH_FLOATS;
}

/** dOut → dPre in place, gW (+)= xᵀ·dPre, gB (+)= Σ dPre, dX = dPre·wᵀ if dX != 0; act is not GELU. */
export function backwardTiled(
  x: usize, w: usize, pre: usize, d: usize, gW: usize, gB: usize, dX: usize,
  n: i32, k: i32, m: i32, act: i32, accumulate: bool,
): void {
  const sW = SCRATCH;
  const sB = sW + (<usize>(k * m) << 2);
  const wT = (sB + (<usize>m << 2) + 15) & ~(<usize>15);
  memory.fill(sW, 0, <usize>(k * m + m) << 2);
  if (dX != 0) transpose(w, wT, k, m);
  const rowX = <usize>k << 2;
  const rowY = <usize>m << 2;
  const tile = max(8, (TILE_BYTES / ((k + m) << 2)) & ~3);
  for (let r0 = 0; r0 < n; r0 += tile) {
    const rows = min(tile, n - r0);
    const dt = d + <usize>r0 * rowY;
    activationAndBias(pre + <usize>r0 * rowY, dt, sB, rows, m, act);
    weightGradient(x + <usize>r0 * rowX, dt, sW, rows, k, m);
    // dX = dPre·wᵀ as a forward product with the transposed copy: the register-blocked forward
    // kernel then does the work instead of one horizontal sum per output value.
    if (dX != 0) denseForward(dt, wT, 0, dX + <usize>r0 * rowX, dX + <usize>r0 * rowX, rows, m, k, LINEAR);
  }
  finish(sW, gW, k * m, accumulate);
  finish(sB, gB, m, accumulate);
}

/** wT [m×k] = transpose of w [k×m]. */
export function transpose(w: usize, wT: usize, k: i32, m: i32): void {
  for (let p = 0; p < k; p++) {
    for (let j = 0; j < m; j++) {
      store<f32>(wT + ((<usize>j * <usize>k + <usize>p) << 2), load<f32>(w + ((<usize>p * <usize>m + <usize>j) << 2)));
    }
  }
}

/** g = sum (set) or g + sum (accumulate), over len values. */
function finish(sum: usize, g: usize, len: i32, accumulate: bool): void {
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const off = <usize>i << 2;
    const v = v128.load(sum + off);
    v128.store(g + off, accumulate ? f32x4.add(v128.load(g + off), v) : v);
  }
  for (; i < len; i++) {
    const off = <usize>i << 2;
    const v = load<f32>(sum + off);
    store<f32>(g + off, accumulate ? load<f32>(g + off) + v : v);
  }
}

/** dPre = d ⊙ act'(pre) in place over a tile (relu / leaky / linear), column sums added into sB. */
function activationAndBias(pre: usize, d: usize, sB: usize, n: i32, m: i32, act: i32): void {
  const rowY = <usize>m << 2;
  const zero = f32x4.splat(0);
  const slope = f32x4.splat(LEAKY_SLOPE);
  let j = 0;
  for (; j + 4 <= m; j += 4) {
    const jo = <usize>j << 2;
    let acc = v128.load(sB + jo);
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
    v128.store(sB + jo, acc);
  }
  for (; j < m; j++) {
    const jo = <usize>j << 2;
    let s = load<f32>(sB + jo);
    for (let i = 0; i < n; i++) {
      const off = <usize>i * rowY + jo;
      let g = load<f32>(d + off);
      if (act != LINEAR) {
        g = load<f32>(pre + off) > 0 ? g : act == RELU ? <f32>0 : g * LEAKY_SLOPE;
        store<f32>(d + off, g);
      }
      s += g;
    }
    store<f32>(sB + jo, s);
  }
}

/** sW += xᵀ·dPre over a tile: blocks of 4 gW rows × 8 (then 4) columns, summing over the tile's rows. */
function weightGradient(x: usize, d: usize, sW: usize, n: i32, k: i32, m: i32): void {
  const rowX = <usize>k << 2;
  const rowY = <usize>m << 2;
  // A last partial block of gW rows reads its missing x columns from the block's last valid one
  // (clamped) and drops them, so k = 7 costs two passes over the tile instead of four.
  for (let p = 0; p < k; p += 4) {
    const valid = min(4, k - p);
    const o1: usize = <usize>min(1, valid - 1) << 2, o2: usize = <usize>min(2, valid - 1) << 2, o3: usize = <usize>min(3, valid - 1) << 2;
    const s0 = sW + <usize>p * rowY;
    const s1 = s0 + (o1 >> 2) * rowY, s2 = s0 + (o2 >> 2) * rowY, s3 = s0 + (o3 >> 2) * rowY;
    const po = <usize>p << 2;
    let j = 0;
    for (; j + 8 <= m; j += 8) {
      const jo = <usize>j << 2;
      let a00 = v128.load(s0 + jo), a01 = v128.load(s0 + jo, 16), a10 = v128.load(s1 + jo), a11 = v128.load(s1 + jo, 16);
      let a20 = v128.load(s2 + jo), a21 = v128.load(s2 + jo, 16), a30 = v128.load(s3 + jo), a31 = v128.load(s3 + jo, 16);
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
      // Stores from the last valid row down, so a clamped duplicate never overwrites a real sum.
      if (valid > 3) { v128.store(s3 + jo, a30); v128.store(s3 + jo, a31, 16); }
      if (valid > 2) { v128.store(s2 + jo, a20); v128.store(s2 + jo, a21, 16); }
      if (valid > 1) { v128.store(s1 + jo, a10); v128.store(s1 + jo, a11, 16); }
      v128.store(s0 + jo, a00); v128.store(s0 + jo, a01, 16);
    }
    for (; j + 4 <= m; j += 4) {
      const jo = <usize>j << 2;
      let a0 = v128.load(s0 + jo), a1 = v128.load(s1 + jo), a2 = v128.load(s2 + jo), a3 = v128.load(s3 + jo);
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
      if (valid > 3) v128.store(s3 + jo, a3);
      if (valid > 2) v128.store(s2 + jo, a2);
      if (valid > 1) v128.store(s1 + jo, a1);
      v128.store(s0 + jo, a0);
    }
    for (; j < m; j++) {
      for (let q = 0; q < valid; q++) {
        const so = sW + ((<usize>(p + q) * <usize>m + <usize>j) << 2);
        let s = load<f32>(so);
        for (let i = 0; i < n; i++) {
          s += load<f32>(x + ((<usize>i * <usize>k + <usize>(p + q)) << 2)) * load<f32>(d + ((<usize>i * <usize>m + <usize>j) << 2));
        }
        store<f32>(so, s);
      }
    }
  }
}

/**
 * m = 1 (the logit layer): dPre and its sum in one pass over the rows, then gW (+)= Σ x·dPre and
 * dX[i, :] = dPre[i]·w sixteen columns at a time, the sums in registers (one pass over the rows per
 * sixteen columns; every sum still runs over the rows in order from zero, as the one-pass loop that
 * kept them in scratch did: 8.4 → 5.0 µs per 1024 rows of the default network). act is not GELU.
 */
export function backwardSingleOutput(
  x: usize, w: usize, pre: usize, d: usize, gW: usize, gB: usize, dX: usize,
  n: i32, k: i32, act: i32, accumulate: bool,
): void {
  let bias: f32 = 0;
  for (let i = 0; i < n; i++) {
    const io = <usize>i << 2;
    let g = load<f32>(d + io);
    if (act != LINEAR) {
      g = load<f32>(pre + io) > 0 ? g : act == RELU ? <f32>0 : g * LEAKY_SLOPE;
      store<f32>(d + io, g);
    }
    bias += g;
  }
  const k4 = k & ~3;
  let p = 0;
  for (; p + 16 <= k4; p += 16) singleOutputColumns16(x, w, d, gW, dX, n, k, p, accumulate);
  for (; p < k4; p += 4) singleOutputColumns4(x, w, d, gW, dX, n, k, p, accumulate);
  for (; p < k; p++) {
    const po = <usize>p << 2;
    const wp = load<f32>(w + po);
    let s: f32 = 0;
    for (let i = 0; i < n; i++) {
      const g = load<f32>(d + (<usize>i << 2));
      const off = <usize>i * (<usize>k << 2) + po;
      s += load<f32>(x + off) * g;
      if (dX != 0) store<f32>(dX + off, g * wp);
    }
    store<f32>(gW + po, accumulate ? load<f32>(gW + po) + s : s);
  }
  store<f32>(gB, accumulate ? load<f32>(gB) + bias : bias);
}

/** Columns p..p+16 of the logit layer's gW and dX (backwardSingleOutput). */
function singleOutputColumns16(x: usize, w: usize, d: usize, gW: usize, dX: usize, n: i32, k: i32, p: i32, accumulate: bool): void {
  const rowX = <usize>k << 2;
  const po = <usize>p << 2;
  const w0 = v128.load(w + po), w1 = v128.load(w + po, 16), w2 = v128.load(w + po, 32), w3 = v128.load(w + po, 48);
  const zero = f32x4.splat(0);
  let a0 = zero, a1 = zero, a2 = zero, a3 = zero;
  let xp = x + po, dp = dX + po;
  for (let i = 0; i < n; i++) {
    const gs = v128.load32_splat(d + (<usize>i << 2));
    a0 = madd(v128.load(xp), gs, a0); a1 = madd(v128.load(xp, 16), gs, a1);
    a2 = madd(v128.load(xp, 32), gs, a2); a3 = madd(v128.load(xp, 48), gs, a3);
    if (dX != 0) {
      v128.store(dp, f32x4.mul(gs, w0)); v128.store(dp, f32x4.mul(gs, w1), 16);
      v128.store(dp, f32x4.mul(gs, w2), 32); v128.store(dp, f32x4.mul(gs, w3), 48);
    }
    xp += rowX;
    dp += rowX;
  }
  addOrSet(gW + po, a0, accumulate); addOrSet(gW + po + 16, a1, accumulate);
  addOrSet(gW + po + 32, a2, accumulate); addOrSet(gW + po + 48, a3, accumulate);
}

/** Columns p..p+4 of the logit layer's gW and dX. */
function singleOutputColumns4(x: usize, w: usize, d: usize, gW: usize, dX: usize, n: i32, k: i32, p: i32, accumulate: bool): void {
  const rowX = <usize>k << 2;
  const po = <usize>p << 2;
  const wv = v128.load(w + po);
  let a = f32x4.splat(0);
  let xp = x + po, dp = dX + po;
  for (let i = 0; i < n; i++) {
    const gs = v128.load32_splat(d + (<usize>i << 2));
    a = madd(v128.load(xp), gs, a);
    if (dX != 0) v128.store(dp, f32x4.mul(gs, wv));
    xp += rowX;
    dp += rowX;
  }
  addOrSet(gW + po, a, accumulate);
}

/** g = v, or g + v when accumulating (four lanes). */
@inline
function addOrSet(g: usize, v: v128, accumulate: bool): void {
  v128.store(g, accumulate ? f32x4.add(v128.load(g), v) : v);
}
