import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classificationReport } from '../../src/metrics/report.js';

test('a report has the contract fields and the trivial baselines', () => {
  const y = [0, 0, 1, 1, 1, 0, 0, 0, 0, 0];
  const s = [0.1, 0.4, 0.35, 0.8, 0.9, 0.2, 0.05, 0.3, 0.6, 0.1];
  const r = classificationReport(y, s, 0.5);
  assert.deepEqual(Object.keys(r.metrics).sort(), [
    'accuracy', 'balancedAccuracy', 'f1', 'logLoss', 'mcc', 'prAuc', 'precision', 'recall', 'rocAuc',
  ]);
  assert.deepEqual(r.confusion, { tp: 2, fp: 1, tn: 6, fn: 1 });
  assert.equal(r.rows, 10);
  assert.equal(r.positives, 3);
  assert.equal(r.threshold, 0.5);
  assert.equal(r.metrics.accuracy, 0.8);
  assert.deepEqual(r.baselines, { allBenign: { accuracy: 0.7 }, allSuspicious: { accuracy: 0.3 } });
});

test('a single-class split reports NaN AUCs, which JSON writes as null', () => {
  const r = classificationReport([0, 0, 0], [0.1, 0.7, 0.2], 0.5);
  assert.ok(Number.isNaN(r.metrics.rocAuc));
  assert.equal(JSON.parse(JSON.stringify(r)).metrics.rocAuc, null);
  assert.equal(r.metrics.accuracy, 2 / 3);
});
