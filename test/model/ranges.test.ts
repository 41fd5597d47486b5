import { test } from 'node:test';
import assert from 'node:assert/strict';
import { columnRange, featureRanges, quantileSorted, selectKth } from '../../src/model/ranges.js';
import { createRng } from '../../src/random.js';
import { FEATURE_COLUMNS, tableFromColumns, type FeatureName } from '../../src/data/table.js';

test('quantiles interpolate like numpy', () => {
  const s = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  assert.equal(quantileSorted(s, 0), 1);
  assert.equal(quantileSorted(s, 1), 10);
  assert.ok(Math.abs(quantileSorted(s, 0.01) - 1.09) < 1e-12); // numpy.percentile(range(1,11), 1) = 1.09
  assert.ok(Math.abs(quantileSorted(s, 0.99) - 9.91) < 1e-12);
});

test('min, max, p01, p99 per raw column', () => {
  const n = 101;
  const cols = Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, Array.from({ length: n }, (_, i) => i)])) as Record<FeatureName, number[]>;
  cols.mountNamespace = cols.mountNamespace.map((i) => 4026531840 + (100 - i));
  const r = featureRanges(tableFromColumns(cols));
  assert.deepEqual(r.userId, { min: 0, max: 100, p01: 1, p99: 99 });
  assert.deepEqual(r.mountNamespace, { min: 4026531840, max: 4026531940, p01: 4026531841, p99: 4026531939 });
});

test('selection gives exactly the order statistics and quantiles a sort gives', () => {
  const rng = createRng(7);
  const cases: Array<[string, number[]]> = [
    ['random', Array.from({ length: 1001 }, () => rng.normal())],
    ['few distinct values', Array.from({ length: 5000 }, () => rng.int(3))],
    ['sorted', Array.from({ length: 777 }, (_, i) => i)],
    ['reversed', Array.from({ length: 778 }, (_, i) => -i)],
    ['all equal', Array.from({ length: 300 }, () => 4026531840)],
    ['one value', [42]],
    ['two values', [2, 1]],
  ];
  for (const [name, values] of cases) {
    const sorted = Float64Array.from(values).sort();
    const want = { min: sorted[0], max: sorted[sorted.length - 1], p01: quantileSorted(sorted, 0.01), p99: quantileSorted(sorted, 0.99) };
    assert.deepEqual(columnRange(values), want, name);
    for (const k of [0, (values.length - 1) >> 1, values.length - 1]) {
      assert.equal(selectKth(Float64Array.from(values), k), sorted[k], `${name}: order statistic ${k}`);
    }
  }
  assert.deepEqual(columnRange([]), { min: NaN, max: NaN, p01: NaN, p99: NaN });
  // NaN sorts last, as Float64Array#sort puts it.
  assert.deepEqual(columnRange([3, NaN, 1, 2]), { min: 1, max: NaN, p01: 1.03, p99: NaN });
});
