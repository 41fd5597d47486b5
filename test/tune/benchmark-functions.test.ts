import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BRANIN, HARTMANN6 } from '../../src/tune/benchmark-functions.js';

test('Branin reaches its minimum 0.397887 at its three minimisers', () => {
  for (const [x1, x2] of [[-Math.PI, 12.275], [Math.PI, 2.275], [9.42478, 2.475]]) {
    assert.ok(Math.abs(BRANIN.evaluate({ x1, x2 }) - BRANIN.minimum) < 1e-5);
  }
  assert.ok(BRANIN.evaluate({ x1: 0, x2: 0 }) > BRANIN.minimum);
});

test('Hartmann-6 reaches -3.32237 at its minimiser', () => {
  const x = [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573];
  const p = Object.fromEntries(x.map((v, i) => [`x${i + 1}`, v]));
  assert.ok(Math.abs(HARTMANN6.evaluate(p) - HARTMANN6.minimum) < 1e-4);
  assert.ok(HARTMANN6.evaluate(Object.fromEntries(x.map((_, i) => [`x${i + 1}`, 0.9]))) > HARTMANN6.minimum + 0.5);
});
