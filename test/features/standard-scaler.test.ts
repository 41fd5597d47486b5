import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StandardScaler } from '../../src/features/standard-scaler.js';
import { tableFromColumns, FEATURE_COLUMNS, type FeatureName } from '../../src/data/table.js';
import { ValidationError } from '../../src/errors.js';
import { makeTable } from './make-table.js';

function tableWith(col: FeatureName, values: number[]) {
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, values.map(() => 0)])) as Record<FeatureName, number[]>;
  cols[col] = values;
  return tableFromColumns(cols);
}

test('scales to mean 0 and population std 1 (as scikit-learn)', () => {
  const t = tableWith('userId', [1, 2, 3, 4]);
  const s = new StandardScaler({ columns: ['userId'] }).fit(t);
  const m = s.transform(t);
  const sd = Math.sqrt(1.25);
  assert.deepEqual([...m.data], [-1.5 / sd, -0.5 / sd, 0.5 / sd, 1.5 / sd].map(Math.fround));
});

test('a constant column gets scale 1, and mountNamespace-sized values stay exact', () => {
  const t = tableWith('mountNamespace', [4026531840, 4026531840, 4026531841, 4026531843]);
  const s = new StandardScaler({ columns: ['mountNamespace', 'argsNum'] }).fit(t);
  const st = s.toJSON().state!;
  assert.equal(st.mean[0], 4026531841);
  assert.equal(st.scale[1], 1);
  const m = s.transform(t);
  assert.equal(m.data[0], Math.fround(-1 / Math.sqrt(1.5)));
});

test('clip bounds scaled values', () => {
  const train = tableWith('userId', [0, 0, 0, 1]);
  const s = new StandardScaler({ columns: ['userId'], clip: 3 }).fit(train);
  const m = s.transform(tableWith('userId', [1e6, -1e6]));
  assert.deepEqual([...m.data], [3, -3]);
});

test('bad params are refused with the rule', () => {
  const t = makeTable(10);
  assert.throws(() => new StandardScaler({ columns: ['nope'] }).fit(t), /unknown columns 'nope'/);
  assert.throws(() => new StandardScaler({ clip: -1 }).fit(t), ValidationError);
  assert.throws(() => new StandardScaler().fit(makeTable(0)), /no rows/);
});
