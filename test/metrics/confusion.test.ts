import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  accuracy, balancedAccuracy, confusionCounts, f1, mcc, precision, recall, specificity,
} from '../../src/metrics/confusion.js';

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) <= eps, `${a} != ${b}`);

test('counts with score >= threshold predicted positive', () => {
  const c = confusionCounts([1, 0, 1, 0, 1], [0.5, 0.5, 0.4, 0.1, 0.9], 0.5);
  assert.deepEqual(c, { tp: 2, fp: 1, tn: 1, fn: 1 });
});

test('hand-computed metrics for tp=5 fp=2 tn=10 fn=3', () => {
  const c = { tp: 5, fp: 2, tn: 10, fn: 3 };
  close(accuracy(c), 15 / 20);
  close(precision(c), 5 / 7);
  close(recall(c), 5 / 8);
  close(specificity(c), 10 / 12);
  close(f1(c), 10 / 15);
  close(balancedAccuracy(c), (5 / 8 + 10 / 12) / 2);
  close(mcc(c), 44 / Math.sqrt(7 * 8 * 12 * 13));
});

test('undefined ratios follow zero_division=0; balanced accuracy uses the classes present', () => {
  const none = { tp: 0, fp: 0, tn: 10, fn: 0 };
  assert.equal(precision(none), 0);
  assert.equal(recall(none), 0);
  assert.equal(f1(none), 0);
  assert.equal(mcc(none), 0);
  assert.equal(balancedAccuracy(none), 1);
  assert.equal(accuracy(none), 1);
  assert.ok(Number.isNaN(accuracy({ tp: 0, fp: 0, tn: 0, fn: 0 })));
  assert.ok(Number.isNaN(balancedAccuracy({ tp: 0, fp: 0, tn: 0, fn: 0 })));
  close(mcc({ tp: 3, fp: 0, tn: 4, fn: 0 }), 1);
  close(mcc({ tp: 0, fp: 4, tn: 0, fn: 3 }), -1);
});
