import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, fromInternal, internalBounds, sampleUniform, toInternal, type Distribution } from '../../src/tune/distributions.js';

test('log float: internal space is the natural log, and the round trip is exact enough', () => {
  const d: Distribution = { type: 'float', low: 1e-4, high: 1e-1, log: true };
  assert.deepEqual(internalBounds(d), [Math.log(1e-4), Math.log(1e-1)]);
  assert.ok(Math.abs((fromInternal(d, toInternal(d, 0.003)) as number) - 0.003) < 1e-15);
});

test('int: half a unit of padding on each side, rounding and clamping on the way back', () => {
  const d: Distribution = { type: 'int', low: 1, high: 4, log: false };
  assert.deepEqual(internalBounds(d), [0.5, 4.5]);
  assert.equal(fromInternal(d, 0.5), 1);
  assert.equal(fromInternal(d, 4.49), 4);
  assert.equal(fromInternal(d, 9), 4);
  assert.equal(fromInternal(d, 2.6), 3);
  const dl: Distribution = { type: 'int', low: 16, high: 256, log: true };
  const [lo, hi] = internalBounds(dl);
  assert.equal(fromInternal(dl, lo), 16);
  assert.equal(fromInternal(dl, hi), 256);
});

test('categorical: index space, any value type', () => {
  const d: Distribution = { type: 'categorical', choices: ['relu', 512, true] };
  assert.equal(toInternal(d, 512), 1);
  assert.equal(fromInternal(d, 2.2), true);
  assert.equal(fromInternal(d, -3), 'relu');
  assert.throws(() => toInternal(d, 'gelu'), /not one of the choices/);
});

test('contains: types, bounds, integrality', () => {
  assert.ok(contains({ type: 'float', low: 0, high: 1, log: false }, 1));
  assert.ok(!contains({ type: 'float', low: 0, high: 1, log: false }, 1.0000001));
  assert.ok(!contains({ type: 'int', low: 0, high: 5, log: false }, 2.5));
  assert.ok(!contains({ type: 'int', low: 0, high: 5, log: false }, '2'));
  assert.ok(!contains({ type: 'float', low: 0, high: 1, log: false }, NaN));
  assert.ok(contains({ type: 'categorical', choices: ['a'] }, 'a'));
});

test('sampleUniform covers both ends of every kind', () => {
  assert.equal(sampleUniform({ type: 'float', low: 2, high: 3, log: false }, 0), 2);
  assert.equal(sampleUniform({ type: 'int', low: 2, high: 3, log: false }, 0.999999), 3);
  assert.equal(sampleUniform({ type: 'categorical', choices: ['a', 'b'] }, 0.999999), 'b');
});
