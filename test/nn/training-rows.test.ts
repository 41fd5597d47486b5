import { test } from 'node:test';
import assert from 'node:assert/strict';
import { getKernels } from '../../src/nn/engine.js';
import type { EngineName } from '../../src/nn/kernels.js';
import { TrainingRows, rowStride } from '../../src/nn/training-rows.js';
import { isTracehoundError } from '../../src/errors.js';

const X = Float32Array.from({ length: 5 * 7 }, (_, i) => i + 0.5);
const y = Float32Array.of(1, 0, 0, 1, 1);

for (const engine of ['ts', 'wasm'] as EngineName[]) {
  test(`${engine}: rows are packed as features then label, and gathered back in the index order`, () => {
    const K = getKernels(engine);
    const rows = TrainingRows.pack(K, X, y, 5, 7);
    assert.equal(rows.packed.length, 5 * 8);
    assert.deepEqual(Array.from(rows.packed.subarray(8, 16)), [7.5, 8.5, 9.5, 10.5, 11.5, 12.5, 13.5, 0]);
    const idx = K.allocInt32(3);
    idx.set([4, 0, 4]);
    const xb = K.alloc(3 * 7), yb = K.alloc(3);
    rows.gather(idx, xb, yb, 3);
    assert.deepEqual(Array.from(xb.subarray(0, 7)), Array.from(X.subarray(28, 35)));
    assert.deepEqual(Array.from(xb.subarray(7, 14)), Array.from(X.subarray(0, 7)));
    assert.deepEqual(Array.from(yb), [1, 1, 1]);
    rows.dispose();
  });

  test(`${engine}: a copy in other kernels' memory holds the same rows, starting on a cache line`, () => {
    const K = getKernels(engine);
    const rows = TrainingRows.pack(K, X, y, 5, 7);
    const copy = TrainingRows.copy(K, rows.packed, 5, 7);
    assert.deepEqual(copy.packed, rows.packed);
    if (engine === 'wasm') {
      assert.equal(rows.packed.byteOffset % 64, 0);
      assert.equal(copy.packed.byteOffset % 64, 0);
    }
    rows.dispose();
    copy.dispose();
  });
}

test('rows are padded so none straddles a 64-byte line when features and label fit in one', () => {
  assert.deepEqual([1, 3, 4, 7, 8, 12, 15, 16, 17].map(rowStride), [4, 4, 8, 8, 16, 16, 16, 20, 20]);
  const K = getKernels('wasm');
  const X12 = Float32Array.from({ length: 3 * 12 }, (_, i) => i);
  const rows = TrainingRows.pack(K, X12, Float32Array.of(0, 1, 0), 3, 12);
  assert.equal(rows.stride, 16);
  assert.deepEqual(Array.from(rows.packed.subarray(16, 32)), [12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 1, 0, 0, 0]);
  const idx = K.allocInt32(2);
  idx.set([2, 1]);
  const xb = K.alloc(2 * 12), yb = K.alloc(2);
  rows.gather(idx, xb, yb, 2);
  assert.deepEqual(Array.from(xb), [...X12.subarray(24, 36), ...X12.subarray(12, 24)]);
  assert.deepEqual(Array.from(yb), [0, 1]);
  rows.dispose();
});

test('too few values for the rows is a validation error naming the sizes', () => {
  assert.throws(
    () => TrainingRows.pack(getKernels('ts'), X, y, 6, 7),
    (e: unknown) => isTracehoundError(e) && /6 rows × 7 features need 42 values and 6 labels; got 35 and 5/.test(e.message),
  );
});
