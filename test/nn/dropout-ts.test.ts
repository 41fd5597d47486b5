import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DROPOUT_STATE_WORDS, dropoutConstants, dropoutForwardTs, seedDropoutState } from '../../src/nn/dropout-ts.js';
import { createRng, rngFromState } from '../../src/random.js';

test('each lane of the dropout stream is xoshiro128** (the project Rng) from its four state words', () => {
  const state = new Int32Array(DROPOUT_STATE_WORDS);
  seedDropoutState(state, createRng(5));
  const lanes = [0, 1, 2, 3].map((j) => rngFromState([state[j] >>> 0, state[4 + j] >>> 0, state[8 + j] >>> 0, state[12 + j] >>> 0]));
  const n = 403;
  const keep = 0.35;
  const mask = new Float32Array(n);
  dropoutForwardTs(new Float32Array(n).fill(1), mask, n, keep, state);
  const { keepBelow, scale } = dropoutConstants(keep);
  for (let i = 0; i < n; i++) {
    const draw = lanes[i % 4].next() * 4294967296; // next() is the 32-bit draw / 2^32
    assert.equal(mask[i], draw >>> 8 < keepBelow ? scale : 0, `element ${i}`);
  }
  // The state after the call is each lane's generator after ⌈n/4⌉ draws: the tail step draws on
  // every lane, also those past n.
  lanes.slice(n % 4 === 0 ? 4 : n % 4).forEach((r) => r.next());
  for (let j = 0; j < 4; j++) assert.deepEqual([state[j] >>> 0, state[4 + j] >>> 0, state[8 + j] >>> 0, state[12 + j] >>> 0], lanes[j].state(), `lane ${j}`);
});

test('dropoutConstants: a 24-bit keep threshold and a float32 scale', () => {
  assert.deepEqual(dropoutConstants(0.5), { keepBelow: 8388608, scale: 2 });
  assert.equal(dropoutConstants(0.7).scale, Math.fround(1 / 0.7));
  assert.equal(dropoutConstants(1).keepBelow, 16777216, 'keep 1 keeps every 24-bit draw');
});

test('seedDropoutState: the same rng gives the same state, another seed another one', () => {
  const a = new Int32Array(DROPOUT_STATE_WORDS), b = new Int32Array(DROPOUT_STATE_WORDS), c = new Int32Array(DROPOUT_STATE_WORDS);
  seedDropoutState(a, createRng(1));
  seedDropoutState(b, createRng(1));
  seedDropoutState(c, createRng(2));
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});
