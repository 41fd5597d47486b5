import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { parsePairs, partialDependence, partialDependence2d } from '../../src/explain/partial-dependence.js';
import { sampleRows } from '../../src/explain/sample.js';
import { UsageError, ValidationError } from '../../src/errors.js';
import { col, functionModel, syntheticTable } from './fake-models.js';

const close = (a: number, b: number, tol = 1e-6): boolean => Math.abs(a - b) <= tol;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

test('PD of an additive model equals its closed form: f(v) + mean of the other terms', () => {
  const t = syntheticTable(2000, 1);
  const s = sampleRows(t, FEATURE_COLUMNS, 2000, 0);
  // p = 0.1 + 0.0005·userId + 0.0001·argsNum·10 (no clipping needed: stays in [0.1, 0.7])
  const m = functionModel((r) => 0.1 + 0.0005 * r[col('userId')] + 0.001 * r[col('argsNum')]);
  const meanArgs = t.columns.argsNum.reduce((a, b) => a + b, 0) / t.rows;
  const pd = partialDependence(m, s, 'userId');
  assert.equal(pd.gridKind, 'uniques');
  assert.deepEqual(pd.grid, [0, 100, 101, 1000]);
  pd.grid.forEach((v, k) => assert.ok(close(pd.average[k], 0.1 + 0.0005 * v + 0.001 * meanArgs), `grid ${v}`));
  assert.ok(close(pd.range, 0.0005 * 1000));
  // A feature the model ignores has a flat curve.
  const flat = partialDependence(m, s, 'processId');
  assert.equal(flat.gridKind, 'percentiles');
  assert.equal(flat.grid.length, 20);
  assert.ok(flat.range < 1e-7);
});

test('PD of a product model equals f(v) · mean(g) and ICE curves average to the PD curve', () => {
  const t = syntheticTable(1500, 2);
  const s = sampleRows(t, FEATURE_COLUMNS, 1000, 7);
  const f = (v: number): number => sigmoid((v - 1000) / 10);
  const g = (u: number): number => (u < 1000 ? 0.9 : 0.2);
  const m = functionModel((r) => f(r[col('parentProcessId')]) * g(r[col('userId')]));
  let meanG = 0;
  for (let i = 0; i < s.n; i++) meanG += g(s.rows[i * 7 + col('userId')]);
  meanG /= s.n;
  const pd = partialDependence(m, s, 'parentProcessId', { resolution: 12, ice: true });
  assert.equal(pd.grid.length, 12);
  pd.grid.forEach((v, k) => assert.ok(close(pd.average[k], f(v) * meanG), `grid ${v}: ${pd.average[k]} vs ${f(v) * meanG}`));
  assert.ok(pd.individual && pd.centered);
  assert.equal(pd.individual.length, s.n);
  for (let k = 0; k < pd.grid.length; k++) {
    const mean = pd.individual.reduce((a, curve) => a + curve[k], 0) / s.n;
    assert.ok(close(mean, pd.average[k]), `ICE mean at ${k}`);
  }
  // Each ICE curve is that row's own closed form, and centered ICE starts at 0.
  for (const i of [0, 17, 999]) {
    const u = s.rows[i * 7 + col('userId')];
    pd.grid.forEach((v, k) => assert.ok(close(pd.individual![i][k], f(v) * g(u))));
    assert.equal(pd.centered![i][0], 0);
    assert.ok(close(pd.centered![i][5], pd.individual![i][5] - pd.individual![i][0], 1e-12));
  }
});

test('grouping duplicate rows gives exactly the naive brute-force result with far fewer rows scored', () => {
  const t = syntheticTable(3000, 3);
  const s = sampleRows(t, FEATURE_COLUMNS, 3000, 0);
  // A non-additive function of every column: nothing about it is special-cased.
  const fn = (r: Float64Array): number =>
    sigmoid(0.01 * r[0] - 0.02 * r[1] + 0.003 * r[2] + 0.001 * r[3] + (r[4] > 4026531840 ? 1 : -1) + 0.3 * r[5] * r[6] / 10);
  const m = functionModel(fn);
  for (const name of ['argsNum', 'mountNamespace'] as const) {
    const pd = partialDependence(m, s, name);
    const c = col(name);
    pd.grid.forEach((v, k) => {
      let sum = 0;
      const row = new Float64Array(7);
      for (let i = 0; i < s.n; i++) {
        row.set(s.rows.subarray(i * 7, i * 7 + 7));
        row[c] = v;
        sum += Math.fround(fn(row));
      }
      assert.ok(close(pd.average[k], sum / s.n, 1e-9), `${name} at ${v}`);
    });
  }
  // One scoreRows call per feature when the batch fits.
  const counted = functionModel(fn);
  partialDependence(counted, s, 'userId');
  assert.equal(counted.calls, 1);
  assert.ok(counted.rowsScored <= s.n * 4);
});

test('two-feature PD equals the closed form over the grid product', () => {
  const t = syntheticTable(800, 4);
  const s = sampleRows(t, FEATURE_COLUMNS, 800, 0);
  const m = functionModel((r) => 0.2 + 0.0001 * r[col('userId')] + 0.05 * r[col('argsNum')] + 0.01 * r[col('returnValue')] * 0);
  const pd2 = partialDependence2d(m, s, ['userId', 'argsNum']);
  assert.deepEqual(pd2.grid[0], [0, 100, 101, 1000]);
  assert.deepEqual(pd2.grid[1], [0, 1, 2, 3, 4]);
  pd2.grid[0].forEach((a, i) =>
    pd2.grid[1].forEach((b, j) => assert.ok(close(pd2.average[i][j], 0.2 + 0.0001 * a + 0.05 * b), `${a},${b}`)),
  );
  assert.ok(close(pd2.range, 0.1 + 0.2));
  assert.throws(() => partialDependence2d(m, s, ['userId', 'userId']), ValidationError);
});

test('--pairs parsing names the rule and the bad value', () => {
  assert.deepEqual(parsePairs('userId:parentProcessId, argsNum:returnValue'), [
    ['userId', 'parentProcessId'],
    ['argsNum', 'returnValue'],
  ]);
  assert.deepEqual(parsePairs(undefined), []);
  assert.throws(() => parsePairs('userId'), UsageError);
  assert.throws(() => parsePairs('userId:nope'), /unknown feature 'nope'/);
  assert.throws(() => parsePairs('userId:userId'), /two different/);
  const m = functionModel(() => 0.5);
  const s = sampleRows(syntheticTable(10, 1), FEATURE_COLUMNS, 10, 1);
  assert.throws(() => partialDependence(m, s, 'eventId' as never), /Unknown feature 'eventId'/);
});
