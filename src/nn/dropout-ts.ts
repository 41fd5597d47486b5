// Dropout masks, shared by every engine: the state of four xoshiro128** streams (one per SIMD lane
// of the wasm kernel, assembly/dropout.ts), how it is seeded, the keep threshold, and the plain
// TypeScript kernel that is the reference for the wasm one, value for value.
//
// state: 16 int32, word w of lane j at index 4·w + j. Element i of a call uses lane i % 4 at step
// ⌊i / 4⌋ and is kept when (draw >>> 8) < keepBelow, then scaled by 1/keep (a float32).

import type { Rng } from '../random.js';

export const DROPOUT_STATE_WORDS = 16;

/** The 24-bit keep threshold and the float32 scale of inverted dropout keeping a fraction `keep`. */
export function dropoutConstants(keep: number): { keepBelow: number; scale: number } {
  return { keepBelow: Math.round(keep * 16777216), scale: Math.fround(1 / keep) };
}

/** Four lanes from four forks of rng (a fork's state is never all zero, which xoshiro needs). */
export function seedDropoutState(state: Int32Array, rng: Rng): void {
  for (let lane = 0; lane < 4; lane++) {
    const words = rng.fork().state();
    for (let w = 0; w < 4; w++) state[4 * w + lane] = words[w] | 0;
  }
}

/** out[i] *= mask[i] = (kept ? scale : 0) for i < n; advances the state ⌈n / 4⌉ steps. */
export function dropoutForwardTs(out: Float32Array, mask: Float32Array, n: number, keep: number, state: Int32Array): void {
  const { keepBelow, scale } = dropoutConstants(keep);
  for (let lane = 0; lane < 4; lane++) {
    let a = state[lane] >>> 0, b = state[4 + lane] >>> 0, c = state[8 + lane] >>> 0, d = state[12 + lane] >>> 0;
    for (let i = lane; i < n + ((4 - (n % 4)) % 4); i += 4) {
      const x = Math.imul(b, 5) >>> 0;
      const draw = Math.imul(((x << 7) | (x >>> 25)) >>> 0, 9) >>> 0;
      const t = (b << 9) >>> 0;
      c = (c ^ a) >>> 0;
      d = (d ^ b) >>> 0;
      b = (b ^ c) >>> 0;
      a = (a ^ d) >>> 0;
      c = (c ^ t) >>> 0;
      d = ((d << 11) | (d >>> 21)) >>> 0;
      if (i < n) {
        const m = draw >>> 8 < keepBelow ? scale : 0;
        mask[i] = m;
        out[i] *= m;
      }
    }
    state[lane] = a | 0;
    state[4 + lane] = b | 0;
    state[8 + lane] = c | 0;
    state[12 + lane] = d | 0;
  }
}
