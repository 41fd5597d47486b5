import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nelderMead } from '../../../src/tune/gp/nelder-mead.js';

test('nelderMead finds the minimum of the Rosenbrock function', () => {
  const rosen = ([x, y]: number[]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2;
  const r = nelderMead(rosen, [-1.2, 1], { maxEvals: 2000, tol: 1e-12 });
  assert.ok(Math.abs(r.x[0] - 1) < 1e-3 && Math.abs(r.x[1] - 1) < 1e-3, `found ${r.x}`);
});

test('nelderMead treats NaN as +Infinity and respects the evaluation budget', () => {
  let n = 0;
  const r = nelderMead(([x]) => (n++, x < 0 ? NaN : (x - 2) ** 2), [1], { maxEvals: 50 });
  assert.ok(Math.abs(r.x[0] - 2) < 0.05);
  assert.ok(n <= 52);
});
