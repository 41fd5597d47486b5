import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RateEncoder } from '../../src/features/rate-encoder.js';
import { tableFromColumns, FEATURE_COLUMNS, type FeatureName } from '../../src/data/table.js';

function tableWith(userId: number[], labels: number[] | null = null) {
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, userId.map(() => 0)])) as Record<FeatureName, number[]>;
  cols.userId = userId;
  return tableFromColumns(cols, labels);
}

// 10 rows: user 0 ×6 (1 suspicious), user 100 ×3 (2 suspicious), user 101 ×1 (benign). Prior 0.3.
const train = tableWith([0, 0, 0, 0, 0, 0, 100, 100, 100, 101], [1, 0, 0, 0, 0, 0, 1, 1, 0, 0]);
const rate = (pos: number, n: number, m: number) => (pos + m * 0.3) / (n + m);

test('a known value encodes as its smoothed training rate; unseen values as the prior, or the highest rate from the boundary up', () => {
  const e = new RateEncoder({ columns: ['userId'], smoothing: 2, unseenAtLeast: 1000 }).fit(train);
  const m = e.transform(tableWith([0, 100, 101, 5, 999, 1000, 65534]));
  const highest = rate(2, 3, 2);
  assert.deepEqual([...m.data], [rate(1, 6, 2), highest, rate(0, 1, 2), 0.3, 0.3, highest, highest].map(Math.fround));
  assert.deepEqual(e.outputNames(), ['userId_rate']);
});

test('unseenAtLeast null gives every unseen value the prior; smoothing 0 gives the raw rate', () => {
  const e = new RateEncoder({ columns: ['userId'], smoothing: 0, unseenAtLeast: null }).fit(train);
  const m = e.transform(tableWith([100, 101, 1000]));
  assert.deepEqual([...m.data], [2 / 3, 0, 0.3].map(Math.fround));
});

test('labels given to fit win over the table labels; a table without labels is refused', () => {
  const flipped = Uint8Array.from(train.labels!, (y) => 1 - y);
  const e = new RateEncoder({ columns: ['userId'], smoothing: 0 }).fit(train, flipped);
  assert.equal(e.transform(tableWith([101])).data[0], 1);
  assert.throws(() => new RateEncoder().fit(tableWith([0, 1])), /learns from the labels/);
});

test('bad params and corrupt saved state are refused with the rule named', () => {
  assert.throws(() => new RateEncoder({ smoothing: -1 }).fit(train), /'smoothing' option must be a number ≥ 0/);
  assert.throws(() => new RateEncoder({ unseenAtLeast: Number.NaN }).fit(train), /'unseenAtLeast' option must be a number or null/);
  const doc = new RateEncoder().fit(train).toJSON();
  assert.throws(() => RateEncoder.fromJSON({ ...doc, state: { ...doc.state, prior: 2 } }), /prior in \[0, 1\]/);
  assert.throws(() => RateEncoder.fromJSON({ ...doc, state: { ...doc.state, rates: [[0.1]] } }), /rates in \[0, 1\]/);
});
