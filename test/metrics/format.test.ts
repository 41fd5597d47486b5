import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatReport } from '../../src/metrics/format.js';
import { classificationReport } from '../../src/metrics/report.js';

test('accuracy is printed next to both baselines, with a verdict', () => {
  // 9 of 10 positive; the model labels everything positive: 90% accuracy is no skill.
  const y = [1, 1, 1, 1, 1, 1, 1, 1, 1, 0];
  const text = formatReport(classificationReport(y, y.map(() => 0.9), 0.5), 'test');
  assert.match(text, /test: 10 rows, 9 suspicious \(90\.00%\), threshold 0\.5000/);
  assert.match(text, /accuracy\s+90\.00%\s+\(NOT better than a trivial baseline\)\n\s+all benign\s+10\.00%\n\s+all suspicious\s+90\.00%/);
  const good = formatReport(classificationReport(y, y.map((v) => (v ? 0.9 : 0.1)), 0.5), 'test');
  assert.match(good, /accuracy\s+100\.00%\s+\(\+10\.00 points over the better baseline\)/);
});

test('undefined metrics read as n/a', () => {
  const text = formatReport(classificationReport([0, 0], [0.1, 0.2], 0.5), 'validation');
  assert.match(text, /ROC-AUC\s+n\/a \(one class only\)/);
});
