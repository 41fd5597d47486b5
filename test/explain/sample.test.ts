import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { sampleColumn, sampleRows } from '../../src/explain/sample.js';
import { syntheticTable } from './fake-models.js';

test('the background sample is seeded: same seed, same rows; another seed, other rows', () => {
  const t = syntheticTable(5000, 5);
  const a = sampleRows(t, FEATURE_COLUMNS, 100, 9);
  const b = sampleRows(t, FEATURE_COLUMNS, 100, 9);
  const c = sampleRows(t, FEATURE_COLUMNS, 100, 10);
  assert.deepEqual(a.indices, b.indices);
  assert.notDeepEqual(a.indices, c.indices);
  assert.equal(new Set(a.indices).size, 100);
  for (let i = 1; i < a.n; i++) assert.ok(a.indices[i] > a.indices[i - 1], 'kept in table order');
});

test('rows are laid out row-major in the requested column order, with their labels', () => {
  const t = syntheticTable(300, 6);
  const cols = ['userId', 'processId'] as const;
  const s = sampleRows(t, cols, 50, 1);
  for (let i = 0; i < s.n; i++) {
    const r = s.indices[i];
    assert.equal(s.rows[i * 2], t.columns.userId[r]);
    assert.equal(s.rows[i * 2 + 1], t.columns.processId[r]);
    assert.equal(s.labels![i], t.labels![r]);
  }
  assert.deepEqual(Array.from(sampleColumn(s, 0)), Array.from(s.indices, (r) => t.columns.userId[r]));
});

test('a sample as large as the table is the whole table; bad sizes are refused', () => {
  const t = syntheticTable(40, 7);
  const s = sampleRows(t, FEATURE_COLUMNS, 10_000, 1);
  assert.equal(s.n, 40);
  assert.deepEqual(Array.from(s.indices), Array.from({ length: 40 }, (_, i) => i));
  assert.throws(() => sampleRows(t, FEATURE_COLUMNS, 0, 1), /'sample' option must be a positive integer/);
  assert.throws(() => sampleRows(t, FEATURE_COLUMNS, 2.5, 1), /positive integer/);
  assert.throws(() => sampleRows(syntheticTable(0, 1), FEATURE_COLUMNS, 5, 1), /zero rows/);
});
