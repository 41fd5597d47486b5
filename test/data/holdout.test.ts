import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeOrderedHoldout } from '../../src/data/holdout.js';
import { tableFromColumns, FEATURE_COLUMNS, type FeatureName } from '../../src/data/table.js';

test('holds out the last fraction of each class, keeping time order', () => {
  const labels = [1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, labels.map((_, i) => i)])) as Record<FeatureName, number[]>;
  const { train, test } = timeOrderedHoldout(tableFromColumns(cols, labels), 0.2);
  assert.deepEqual([...test.columns.processId], [4, 13, 14]);
  assert.deepEqual([...test.labels!], [1, 0, 0]);
  assert.deepEqual([...train.columns.processId], [0, 1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12]);
});

test('refuses unlabelled data and a bad fraction', () => {
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, [1, 2]])) as Record<FeatureName, number[]>;
  assert.throws(() => timeOrderedHoldout(tableFromColumns(cols), 0.2), /needs labelled data/);
  assert.throws(() => timeOrderedHoldout(tableFromColumns(cols, [0, 1]), 1), /between 0 and 1/);
});
