import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deciles, distinctSorted, featureGrid, linspace, mquantile } from '../../src/explain/grid.js';
import { ValidationError } from '../../src/errors.js';

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);

test('mquantile matches scipy.stats.mstats.mquantiles (alphap = betap = 0.4)', () => {
  // Values printed by scipy: mquantiles(arange(1,101), [0.05, 0.95]) = [5.41, 95.59].
  const a = Float64Array.from(range(1, 100));
  assert.ok(Math.abs(mquantile(a, 0.05) - 5.41) < 1e-12);
  assert.ok(Math.abs(mquantile(a, 0.95) - 95.59) < 1e-12);
  assert.deepEqual([mquantile(Float64Array.from(range(1, 10)), 0.05), mquantile(Float64Array.from(range(1, 10)), 0.95)], [1, 10]);
  const b = Float64Array.from([3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3]).sort();
  assert.deepEqual([0.05, 0.5, 0.95].map((p) => mquantile(b, p)), [1, 4, 9]);
});

test('a feature with fewer distinct values than the grid uses its sorted unique values', () => {
  const g = featureGrid([1000, 0, 0, 101, 0, 100, 101], { resolution: 20 });
  assert.equal(g.kind, 'uniques');
  assert.deepEqual(g.values, [0, 100, 101, 1000]);
});

test('otherwise the grid spans the 5th to 95th percentile evenly', () => {
  const g = featureGrid(range(1, 100), { resolution: 5 });
  assert.equal(g.kind, 'percentiles');
  assert.equal(g.values.length, 5);
  assert.ok(Math.abs(g.values[0] - 5.41) < 1e-12);
  assert.equal(g.values[4], 95.59);
  assert.ok(Math.abs(g.values[2] - 50.5) < 1e-9);
});

test('exactly `resolution` distinct values goes to the percentile grid, as scikit-learn does', () => {
  assert.equal(featureGrid(range(1, 20), { resolution: 20 }).kind, 'percentiles');
  assert.equal(featureGrid(range(1, 19), { resolution: 20 }).kind, 'uniques');
});

test('a nearly constant feature whose percentiles coincide spans its full range instead', () => {
  const v = [...new Array(1000).fill(0), ...range(1, 30)];
  const g = featureGrid(v, { resolution: 10 });
  assert.equal(g.kind, 'range');
  assert.equal(g.values[0], 0);
  assert.equal(g.values[9], 30);
  assert.equal(featureGrid([7, 7, 7]).kind, 'constant');
});

test('bad grid options are rejected with the rule', () => {
  assert.throws(() => featureGrid([1, 2, 3], { resolution: 1 }), ValidationError);
  assert.throws(() => featureGrid([1, 2, 3], { resolution: 2.5 }), /integer of at least 2/);
  assert.throws(() => featureGrid([1, 2], { percentiles: [0.9, 0.1] }), /Percentiles/);
  assert.throws(() => featureGrid([]), /zero rows/);
});

test('helpers: linspace end points, distinct values, deciles', () => {
  assert.deepEqual(linspace(0, 1, 3), [0, 0.5, 1]);
  assert.deepEqual(linspace(4, 9, 1), [4]);
  assert.deepEqual(distinctSorted([3, 1, 3, 2]), [1, 2, 3]);
  const d = deciles(range(1, 100));
  assert.equal(d.length, 9);
  assert.ok(d[0] < d[4] && d[4] < d[8]);
  assert.ok(Math.abs(d[4] - 50.5) < 1e-9);
});
