import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreBins, scoreHistogram } from '../../../src/report/charts/histogram.js';
import { renderSvg } from '../../../src/report/render.js';

test('scores are binned per class and each class sums to a share of 1', () => {
  const bins = scoreBins([0, 0, 0, 1, 1], [0, 0.05, 0.99, 1, 0.5], 10);
  const benign = bins.filter((b) => b.cls === 'benign');
  const sus = bins.filter((b) => b.cls === 'suspicious');
  assert.equal(benign.length, 10);
  assert.deepEqual(benign.map((b) => b.count), [2, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  assert.deepEqual(sus.map((b) => b.count), [0, 0, 0, 0, 0, 1, 0, 0, 0, 1], 'a score of exactly 1 falls in the last bin');
  assert.ok(Math.abs(benign.reduce((a, b) => a + b.share, 0) - 1) < 1e-12);
  assert.equal(scoreBins([0, 0], [0.1, 0.2]).filter((b) => b.cls === 'suspicious').length, 0, 'an absent class has no bars');
});

test('the histogram renders both classes and the threshold', async () => {
  const svg = await renderSvg(scoreHistogram(scoreBins([0, 1, 0, 1], [0.1, 0.9, 0.2, 0.7]), 0.6));
  for (const t of ['Scores per class', 'benign', 'suspicious', 'threshold 0.6']) assert.ok(svg.includes(t), t);
});
