import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cholesky, choleskySolve } from '../../../src/tune/gp/linalg.js';

test('cholesky factors an SPD matrix and choleskySolve solves with it', () => {
  const a = [4, 12, -16, 12, 37, -43, -16, -43, 98];
  const l = Float64Array.from(a);
  assert.equal(cholesky(l, 3), true);
  assert.deepEqual(Array.from(l), [2, 0, 0, 6, 1, 0, -8, 5, 3]);
  const b = [1, 2, 3];
  const x = choleskySolve(l, 3, b);
  for (let i = 0; i < 3; i++) {
    const row = a[i * 3] * x[0] + a[i * 3 + 1] * x[1] + a[i * 3 + 2] * x[2];
    assert.ok(Math.abs(row - b[i]) < 1e-9);
  }
});

test('cholesky reports a matrix that is not positive definite', () => {
  assert.equal(cholesky(Float64Array.from([1, 2, 2, 1]), 2), false);
});
