import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FrequencyEncoder, encodeCount } from '../../src/features/frequency-encoder.js';
import { tableFromColumns, FEATURE_COLUMNS, type FeatureName } from '../../src/data/table.js';
import { ValidationError } from '../../src/errors.js';

function tableWith(values: Partial<Record<FeatureName, number[]>>, rows: number) {
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, values[c] ?? Array(rows).fill(0)])) as Record<FeatureName, number[]>;
  return tableFromColumns(cols);
}

test('encodes log1p(count) / log1p(rows) of the training value; unseen values get 0', () => {
  const train = tableWith({ parentProcessId: [1, 1, 1, 7, 7, 9] }, 6);
  const e = new FrequencyEncoder({ columns: ['parentProcessId'] }).fit(train);
  const m = e.transform(tableWith({ parentProcessId: [1, 7, 9, 1330] }, 4));
  const expected = [3, 2, 1].map((n) => Math.fround(Math.log1p(n) / Math.log1p(6)));
  assert.deepEqual([...m.data], [...expected, 0]);
  assert.deepEqual(e.outputNames(), ['parentProcessId_frequency']);
});

test('monotone in the training count and bounded in [0, 1], whatever the input', () => {
  assert.equal(encodeCount(0, 100), 0);
  assert.equal(encodeCount(100, 100), 1);
  for (let n = 1; n < 100; n++) assert.ok(encodeCount(n, 100) > encodeCount(n - 1, 100));
  const e = new FrequencyEncoder({ columns: ['userId'] }).fit(tableWith({ userId: [0, 0, 100] }, 3));
  const m = e.transform(tableWith({ userId: [1e15, -1e15, 0, 100] }, 4));
  assert.ok([...m.data].every((v) => v >= 0 && v <= 1));
  assert.ok(m.data[2] > m.data[3] && m.data[3] > m.data[0]);
});

test('keeps only the maxValues most frequent values per column (ties: smaller value first)', () => {
  const train = tableWith({ userId: [5, 5, 5, 3, 3, 8, 8, 2], processId: [1, 2, 3, 4, 5, 6, 7, 8] }, 8);
  const e = new FrequencyEncoder({ columns: ['userId', 'processId'], maxValues: 2 }).fit(train);
  const st = e.toJSON().state!;
  assert.deepEqual(st.values, [[5, 3], [1, 2]]);
  assert.deepEqual(st.counts, [[3, 2], [1, 1]]);
  assert.equal(st.rows, 8);
  const m = e.transform(tableWith({ userId: [8, 5], processId: [3, 1] }, 2));
  assert.equal(m.data[0], 0); // 8 was dropped by the cap: unseen
  assert.equal(m.data[2], Math.fround(encodeCount(3, 8)));
  assert.equal(m.data[3], Math.fround(encodeCount(1, 8)));
});

test('bad params and corrupt saved state are refused with the rule named', () => {
  const t = tableWith({}, 3);
  assert.throws(() => new FrequencyEncoder({ maxValues: 0 }).fit(t), /'maxValues' option must be a positive integer/);
  assert.throws(() => new FrequencyEncoder({ columns: ['nope'] }).fit(t), /unknown columns 'nope'/);
  assert.throws(() => new FrequencyEncoder().fit(tableWith({}, 0)), ValidationError);
  const doc = new FrequencyEncoder({ columns: ['userId'] }).fit(t).toJSON();
  assert.throws(() => FrequencyEncoder.fromJSON({ ...doc, state: { ...doc.state, counts: [[0]] } }), /positive integer counts/);
  assert.throws(() => FrequencyEncoder.fromJSON({ ...doc, state: { ...doc.state, values: [[1, 2]] } }), /positive integer counts/);
});
