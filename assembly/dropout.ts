// Inverted dropout on a layer's output, masks drawn in the kernel: four xoshiro128** streams, one
// per SIMD lane, so one step of the generator gives the mask of four consecutive values. Drawing
// them one at a time in JavaScript took half of a tuning trial when dropout was on (18 of 20 trials
// sample a dropout > 0). src/nn/dropout-ts.ts is the reference, value for value.
//
// state: 16 u32 at a byte offset, word w of lane j at index 4·w + j (four v128 loads).
// Element i uses lane i % 4 at step ⌊i / 4⌋; it is kept when (draw >>> 8) < keepBelow, a 24-bit
// threshold (keep·2^24 rounded), and then scaled by `scale` (1/keep as a float32). A tail of n % 4
// values still takes a whole step: the state after a call depends only on ⌈n / 4⌉.

export function dropoutForward(out: usize, mask: usize, n: i32, keepBelow: i32, scale: f32, state: usize): void {
  let s0 = v128.load(state);
  let s1 = v128.load(state, 16);
  let s2 = v128.load(state, 32);
  let s3 = v128.load(state, 48);
  const threshold = i32x4.splat(keepBelow);
  const kept = f32x4.splat(scale);
  const five = i32x4.splat(5);
  const nine = i32x4.splat(9);
  for (let i = 0; i < n; i += 4) {
    // xoshiro128**: draw = rotl(s1·5, 7)·9, then the state update, lane by lane.
    const a = i32x4.mul(s1, five);
    const draw = i32x4.mul(v128.or(i32x4.shl(a, 7), i32x4.shr_u(a, 25)), nine);
    const t = i32x4.shl(s1, 9);
    s2 = v128.xor(s2, s0);
    s3 = v128.xor(s3, s1);
    s1 = v128.xor(s1, s2);
    s0 = v128.xor(s0, s3);
    s2 = v128.xor(s2, t);
    s3 = v128.or(i32x4.shl(s3, 11), i32x4.shr_u(s3, 21));
    // Both sides are below 2^24, so the signed compare is the unsigned one.
    const m = v128.and(i32x4.lt_s(i32x4.shr_u(draw, 8), threshold), kept);
    const off = <usize>i << 2;
    if (i + 4 <= n) {
      v128.store(mask + off, m);
      v128.store(out + off, f32x4.mul(v128.load(out + off), m));
    } else {
      storeTail(out + off, mask + off, m, n - i);
    }
  }
  v128.store(state, s0);
  v128.store(state, s1, 16);
  v128.store(state, s2, 32);
  v128.store(state, s3, 48);
}

/** The first `rest` (1–3) lanes of a mask step: nothing past element n is touched. */
function storeTail(out: usize, mask: usize, m: v128, rest: i32): void {
  store<f32>(mask, f32x4.extract_lane(m, 0));
  store<f32>(out, load<f32>(out) * f32x4.extract_lane(m, 0));
  if (rest > 1) {
    store<f32>(mask + 4, f32x4.extract_lane(m, 1));
    store<f32>(out + 4, load<f32>(out + 4) * f32x4.extract_lane(m, 1));
  }
  if (rest > 2) {
    store<f32>(mask + 8, f32x4.extract_lane(m, 2));
    store<f32>(out + 8, load<f32>(out + 8) * f32x4.extract_lane(m, 2));
  }
}
