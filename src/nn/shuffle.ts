// The per-epoch shuffle of training rows, kept off the clock: the same Fisher–Yates permutation as
// Rng.shuffle (xoshiro128** from src/random.ts, j = ⌊u·(i+1)⌋ with u = next/2³²) for the same
// generator state, but monomorphic over an Int32Array with the four state words in locals. Rng.shuffle
// is generic over any array and takes 7–20 ms for 200k rows, 5–15% of a whole training epoch at
// batch 1024; this takes about 1 ms.

/** A generator state [a, b, c, d] the shuffle advances in place (from Rng.state()). */
export type ShuffleState = Uint32Array;

export function shuffleState(words: readonly [number, number, number, number]): ShuffleState {
  return Uint32Array.from(words);
}

/** perm[0..n) = 0..n-1, then shuffled; the state moves on exactly as Rng.shuffle would move it. */
export function shuffleIndices(perm: Int32Array, n: number, state: ShuffleState): void {
  for (let i = 0; i < n; i++) perm[i] = i;
  let a = state[0] | 0, b = state[1] | 0, c = state[2] | 0, d = state[3] | 0;
  for (let i = n - 1; i > 0; i--) {
    // xoshiro128**: result = rotl(b·5, 7)·9; then the state update, all in 32-bit integers.
    const r5 = Math.imul(b, 5);
    const result = Math.imul((r5 << 7) | (r5 >>> 25), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    const j = Math.floor((result / 4294967296) * (i + 1));
    const v = perm[i];
    perm[i] = perm[j];
    perm[j] = v;
  }
  state[0] = a;
  state[1] = b;
  state[2] = c;
  state[3] = d;
}
