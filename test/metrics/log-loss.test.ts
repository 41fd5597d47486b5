import { test } from 'node:test';
import assert from 'node:assert/strict';
import { logLoss, LOG_LOSS_EPS } from '../../src/metrics/log-loss.js';

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) <= eps, `${a} != ${b}`);

test('hand-computed log loss', () => {
  close(logLoss([0, 1], [0.1, 0.9]), -Math.log(0.9));
  close(logLoss([1, 0, 1], [0.5, 0.25, 1]), (Math.log(2) - Math.log(0.75) - Math.log(1 - LOG_LOSS_EPS)) / 3);
});

test('clipping keeps a confident mistake finite; no rows gives NaN', () => {
  close(logLoss([1], [0]), -Math.log(LOG_LOSS_EPS), 1e-9);
  assert.ok(Number.isFinite(logLoss([0], [1])));
  assert.ok(Number.isNaN(logLoss([], [])));
});
