// The epoch shuffle: the very permutations of Rng.shuffle for the same generator state, and the
// state moved on as Rng.shuffle moves it, so training runs are unchanged by the faster loop.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, rngFromState } from '../../src/random.js';
import { shuffleIndices, shuffleState } from '../../src/nn/shuffle.js';

test('shuffleIndices gives Rng.shuffle\'s permutations, epoch after epoch', () => {
  for (const seed of [1, 42, -7, 2 ** 40]) {
    const rng = createRng(seed);
    const state = shuffleState(rng.state());
    const reference = rngFromState(rng.state());
    for (const n of [1000, 1, 2, 37, 1000]) {
      const fast = new Int32Array(n + 5).fill(-1);
      shuffleIndices(fast, n, state);
      const slow = Int32Array.from({ length: n }, (_, i) => i);
      reference.shuffle(slow);
      assert.deepEqual(Array.from(fast.subarray(0, n)), Array.from(slow), `seed ${seed}, n ${n}`);
      assert.deepEqual(Array.from(fast.subarray(n)), [-1, -1, -1, -1, -1], 'nothing past n is touched');
      assert.deepEqual(Array.from(state), reference.state(), 'the state advanced as Rng.shuffle advances it');
    }
  }
});

test('a shuffle is a permutation and another state gives another one', () => {
  const n = 5000;
  const a = new Int32Array(n), b = new Int32Array(n);
  shuffleIndices(a, n, shuffleState([1, 2, 3, 4]));
  shuffleIndices(b, n, shuffleState([5, 6, 7, 8]));
  assert.deepEqual(Array.from(a).sort((x, y) => x - y), Array.from({ length: n }, (_, i) => i));
  assert.notDeepEqual(Array.from(a), Array.from(b));
});
