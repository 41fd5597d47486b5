import { test } from 'node:test';
import assert from 'node:assert/strict';
import { featureRanges, quantileSorted } from '../../src/model/ranges.js';
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
