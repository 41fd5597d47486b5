import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { groupRows, MAX_BATCH_ROWS, scoreOverwritten } from '../../src/explain/batch.js';
import type { RowSample } from '../../src/explain/sample.js';
import { functionModel } from './fake-models.js';

function sample(rows: number[][]): RowSample {
  return { columns: FEATURE_COLUMNS, rows: Float64Array.from(rows.flat()), n: rows.length, labels: null, indices: Int32Array.from(rows.keys()) };
}

test('rows equal on the kept columns share a group; the ignored column does not matter', () => {
  const s = sample([
    [1, 2, 3, 4, 5, 6, 7],
    [9, 2, 3, 4, 5, 6, 7], // differs only in column 0
    [1, 2, 3, 4, 5, 6, 8],
    [1, 2, 3, 4, 5, 6, 7],
    [5, 2, 3, 4, 5, 6, 8], // like row 2 apart from the ignored column
  ]);
  const g = groupRows(s, [0]);
  assert.deepEqual(Array.from(g.groupOf), [0, 0, 1, 0, 1]);
  assert.deepEqual(Array.from(g.counts), [3, 2]);
  assert.deepEqual(Array.from(g.representatives), [0, 2]);
  const none = groupRows(s, []);
  assert.equal(none.representatives.length, 4);
});

test('grouping survives hash collisions: many distinct rows each get their own group', () => {
  const rows: number[][] = [];
  for (let i = 0; i < 5000; i++) rows.push([i % 7, Math.floor(i / 7), 0, 0, 4026531840 + (i % 3), 0, i % 2 ? -1 : 1]);
  const g = groupRows(sample(rows), []);
  assert.equal(g.representatives.length, 5000);
  const g2 = groupRows(sample(rows), [1]); // without column 1: (i%7, i%3, i%2) → 42 combinations
  assert.equal(g2.representatives.length, 42);
  assert.equal(g2.counts.reduce((a, b) => a + b, 0), 5000);
});

test('scoreOverwritten sets the overwritten columns per grid point and chunks big batches', () => {
  const s = sample([
    [1, 0, 0, 0, 0, 0, 0],
    [2, 0, 0, 0, 0, 0, 0],
  ]);
  const m = functionModel((r) => (r[0] * 10 + r[3]) / 1000);
  const out = scoreOverwritten(m, s, Int32Array.from([0, 1]), [3], [[5], [7]]);
  assert.deepEqual(Array.from(out, (v) => Math.round(v * 1000)), [15, 17, 25, 27]);
  assert.equal(m.calls, 1);
  // More rows than one chunk: several calls, same answers as one row at a time.
  const many = sample(Array.from({ length: 3000 }, (_, i) => [i, 0, 0, 0, 0, 0, 0]));
  const reps = Int32Array.from({ length: 3000 }, (_, i) => i);
  const grid = Array.from({ length: 100 }, (_, k) => [k]);
  const big = functionModel((r) => ((r[0] + r[3]) % 997) / 997);
  const res = scoreOverwritten(big, many, reps, [3], grid);
  assert.ok(big.calls > 1 && 3000 * 100 > MAX_BATCH_ROWS);
  for (const [u, k] of [[0, 0], [1234, 56], [2999, 99]]) assert.equal(res[u * 100 + k], Math.fround(((u + k) % 997) / 997));
});
