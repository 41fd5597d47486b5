// Dropout masks, shared by every engine: the state of four xoshiro128** streams (one per SIMD lane
// of the wasm kernel, assembly/dropout.ts), how it is seeded, the keep threshold, and the plain
// TypeScript kernel that is the reference for the wasm one, value for value.
//
// state: 16 int32, word w of lane j at index 4·w + j. Element i of a call uses lane i % 4 at step
// ⌊i / 4⌋ and is kept when (draw >>> 8) < keepBelow, then scaled by 1/keep (a float32).

import { rngFromState, type Rng } from '../random.js';

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

/**
 * out[i] *= mask[i] = (kept ? scale : 0) for i < n; advances the state ⌈n / 4⌉ steps. Each lane is the
 * project's own xoshiro128** (src/random.ts), resumed from its four words and saved back.
 */
export function dropoutForwardTs(out: Float32Array, mask: Float32Array, n: number, keep: number, state: Int32Array): void {
  const { keepBelow, scale } = dropoutConstants(keep);
  const steps = Math.ceil(n / 4);
  for (let lane = 0; lane < 4; lane++) {
    const rng = rngFromState([state[lane] >>> 0, state[4 + lane] >>> 0, state[8 + lane] >>> 0, state[12 + lane] >>> 0]);
    for (let step = 0; step < steps; step++) {
      const draw = rng.next() * 4294967296; // next() is the 32-bit draw divided by 2^32, exactly
      const i = 4 * step + lane;
      if (i < n) {
        const m = draw >>> 8 < keepBelow ? scale : 0;
        mask[i] = m;
        out[i] *= m;
      }
    }
    rng.state().forEach((word, w) => (state[4 * w + lane] = word | 0));
  }
}
