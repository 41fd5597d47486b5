import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeTable, shiftWarnings } from '../../src/data/summary.js';
import { tableFromColumns, FEATURE_COLUMNS, type FeatureName } from '../../src/data/table.js';

function table(rows: number, f: (name: FeatureName, i: number) => number, labels: number[] | null) {
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, Array.from({ length: rows }, (_, i) => f(c, i))])) as Record<FeatureName, number[]>;
  return tableFromColumns(cols, labels);
}

test('summaries: rows, positives, rate and min/max/mean/distinct per column', () => {
  const t = table(4, (c, i) => (c === 'userId' ? [0, 0, 1000, 5][i] : c === 'mountNamespace' ? 4026531840 + i : 1), [0, 1, 0, 1]);
  const s = summarizeTable(t);
  assert.equal(s.rows, 4);
  assert.equal(s.positives, 2);
  assert.equal(s.positiveRate, 0.5);
  assert.deepEqual(s.columns.userId, { min: 0, max: 1000, mean: 251.25, distinct: 3 });
  assert.deepEqual(s.columns.mountNamespace, { min: 4026531840, max: 4026531843, mean: 4026531841.5, distinct: 4 });
  const u = summarizeTable(table(2, () => 1, null));
  assert.equal(u.positives, null);
  assert.equal(u.positiveRate, null);
});

test('no warnings for a split like training', () => {
  const train = table(100, (c, i) => i % 10, Array.from({ length: 100 }, (_, i) => (i % 20 === 0 ? 1 : 0)));
  const val = table(50, (c, i) => (i * 3) % 10, Array.from({ length: 50 }, (_, i) => (i % 25 === 0 ? 1 : 0)));
  assert.deepEqual(shiftWarnings('validation', train, summarizeTable(train), val, summarizeTable(val)), []);
});

test('a sharp label-rate change is flagged (the BETH test split: 0.17% against 90.7%)', () => {
  const n = 10000;
  const train = table(n, () => 1, Array.from({ length: n }, (_, i) => (i < 17 ? 1 : 0)));
  const test_ = table(n, () => 1, Array.from({ length: n }, (_, i) => (i < 9073 ? 1 : 0)));
  const w = shiftWarnings('test', train, summarizeTable(train), test_, summarizeTable(test_));
  assert.equal(w.length, 1);
  assert.match(w[0], /^test: positive rate 90\.7% \(9,073 of 10,000\) against 0\.17% in train \(534× the training rate\)/);
  const none = table(n, () => 1, Array.from({ length: n }, () => 0));
  assert.match(shiftWarnings('validation', train, summarizeTable(train), none, summarizeTable(none))[0], /it has no positives/);
  const fourX = table(n, () => 1, Array.from({ length: n }, (_, i) => (i < 68 ? 1 : 0)));
  assert.deepEqual(shiftWarnings('validation', train, summarizeTable(train), fourX, summarizeTable(fourX)), []);
});

test('columns mostly outside the training range, or mostly unseen values, are flagged', () => {
  const train = table(100, (c, i) => (c === 'userId' ? i % 5 : c === 'returnValue' ? (i % 2) * 10 : 0), null);
  const split = table(100, (c, i) => (c === 'userId' ? 1000 + i : c === 'returnValue' ? 5 : 0), null);
  const w = shiftWarnings('test', train, summarizeTable(train), split, summarizeTable(split));
  assert.deepEqual(w, [
    "test: 100% of 'userId' values lie outside the training range [0, 4]; the model must extrapolate there.",
    "test: 100% of 'returnValue' values never occur in training (inside its range [0, 10]).",
  ]);
});
