import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DriftMonitor, formatDriftWarning } from '../../src/score/drift.js';

const ranges = { userId: { min: 0, max: 1000, p01: 0, p99: 109 }, returnValue: { min: -2, max: 15, p01: -2, p99: 9 } };
const cols = ['userId', 'returnValue'] as const;

function rows(pairs: [number, number][]): Float64Array {
  return Float64Array.from(pairs.flat());
}

test('warns once per window per feature whose out-of-range share exceeds the limit', () => {
  const m = new DriftMonitor(ranges, cols, { windowRows: 4, maxShare: 0.5 });
  // Window 1: userId out in 3 of 4 rows (warn), returnValue out in 2 of 4 (= limit: no warning).
  assert.deepEqual(m.observe(rows([[5000, -114], [5000, 0], [5000, -114], [0, 0]]), 4).map((w) => [w.feature, w.share]), [['userId', 0.75]]);
  // Window 2 spans two calls; in range.
  assert.deepEqual(m.observe(rows([[1, 1], [2, 2]]), 2), []);
  assert.deepEqual(m.observe(rows([[3, 3], [4, 4]]), 2), []);
  assert.equal(m.warningCount, 1);
  assert.equal(m.rowsSeen, 8);
  assert.deepEqual(m.summary(), [
    { feature: 'userId', outsideShare: 3 / 8 },
    { feature: 'returnValue', outsideShare: 2 / 8 },
  ]);
});

test('boundaries are inside the range; no ranges means nothing to check', () => {
  const m = new DriftMonitor(ranges, cols, { windowRows: 2, maxShare: 0.1 });
  assert.deepEqual(m.observe(rows([[0, -2], [1000, 15]]), 2), []);
  const none = new DriftMonitor(null, cols);
  assert.equal(none.active, false);
  assert.deepEqual(none.observe(rows([[1e9, 1e9]]), 1), []);
  assert.throws(() => new DriftMonitor(ranges, cols, { windowRows: 0 }), /windowRows/);
  assert.throws(() => new DriftMonitor(ranges, cols, { maxShare: 0 }), /maxShare/);
});

test('the warning text names the feature, the rows, the share and the training range', () => {
  const m = new DriftMonitor(ranges, cols, { windowRows: 2, maxShare: 0.4 });
  const [w] = m.observe(rows([[2000, 0], [0, 0]]), 2);
  assert.equal(
    formatDriftWarning(w),
    "drift: 50.0% of events 1-2 have 'userId' outside the training range [0, 1000] (training p01..p99 0..109); scores there are extrapolations.",
  );
});
