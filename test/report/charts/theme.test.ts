import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fmt, thinCurve, thinIndices } from '../../../src/report/charts/theme.js';

test('thinIndices keeps the ends and at most max points', () => {
  assert.deepEqual(thinIndices(5, 10), [0, 1, 2, 3, 4]);
  const t = thinIndices(10_001, 101);
  assert.equal(t.length, 101);
  assert.equal(t[0], 0);
  assert.equal(t[100], 10_000);
});

test('fmt keeps labels short', () => {
  assert.equal(fmt(0.123456), '0.123');
  assert.equal(fmt(4026531840), '4.03e+9');
  assert.equal(fmt(0.00001234), '1.23e-5');
  assert.equal(fmt(0), '0');
  assert.equal(fmt(NaN), 'NaN');
});

test('thinCurve keeps every jump of a step curve and stays short', () => {
  // A PR-like curve: 12,000 points, recall jumps at 4 early points, then a long slow tail.
  const n = 12_000;
  const x: number[] = [], y: number[] = [];
  for (let i = 0; i < n; i++) {
    const r = Math.min(4, [3, 9, 15, 40].filter((k) => i >= k).length) / 4;
    x.push(r);
    y.push(r === 0 ? 0 : (r * 4) / (i + 1));
  }
  const keep = thinCurve(x, y, 400);
  assert.ok(keep.length <= 400, String(keep.length));
  for (const k of [3, 9, 15, 40]) assert.ok(keep.includes(k) && keep.includes(k - 1), `jump at ${k}`);
  assert.equal(keep[0], 0);
  assert.equal(keep.at(-1), n - 1);
  assert.deepEqual(thinCurve([0, 1], [0, 1], 400), [0, 1]);
});
