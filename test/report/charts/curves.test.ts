import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confusionChart, operatingPoint, prChart, rocChart } from '../../../src/report/charts/curves.js';
import { renderSvg } from '../../../src/report/render.js';
import { prCurve, rocAuc, rocCurve, averagePrecision } from '../../../src/metrics/index.js';

const y = [0, 0, 1, 1, 0, 1, 0, 0];
const s = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.05, 0.6];

test('the operating point is the curve point of the lowest threshold still at or above the model threshold', () => {
  const roc = rocCurve(y, s);
  const op = operatingPoint({ x: roc.fpr, y: roc.tpr, thresholds: roc.thresholds }, 0.5);
  // Scores ≥ 0.5: 0.9 (pos), 0.8 (pos), 0.6 (neg) → TPR 2/3, FPR 1/5.
  assert.deepEqual(op, { x: 1 / 5, y: 2 / 3 });
  assert.equal(operatingPoint({ x: [0], y: [0], thresholds: [0.1] }, 0.5), null);
});

test('ROC and PR charts render with the area and the threshold marked', async () => {
  const roc = await renderSvg(rocChart(rocCurve(y, s), 0.5, rocAuc(y, s)));
  assert.match(roc, /ROC curve/);
  assert.match(roc, /threshold 0\.5/);
  assert.match(roc, /area 0\.8/);
  const pr = await renderSvg(prChart(prCurve(y, s), 0.5, averagePrecision(y, s)));
  assert.match(pr, /Precision–recall curve/);
  assert.match(pr, /threshold 0\.5/);
});

test('a long curve is thinned to a few hundred points', () => {
  const n = 20_000;
  const yy = Array.from({ length: n }, (_, i) => i % 3 === 0 ? 1 : 0);
  const ss = Array.from({ length: n }, (_, i) => ((i * 7919) % n) / n);
  const spec = rocChart(rocCurve(yy, ss), 0.5, 0.5) as { layer: { data?: { values: unknown[] } }[] };
  const line = spec.layer.find((l) => l.data && l.data.values.length > 2)!;
  assert.ok(line.data!.values.length <= 400);
});

test('the confusion matrix shows every count with its share', async () => {
  const svg = await renderSvg(confusionChart({ tp: 250, fp: 30, tn: 12000, fn: 23 }, 0.42));
  for (const t of ['12,000 (97.5%)', '30 (0.2%)', '23 (0.2%)', '250 (2.0%)', 'threshold 0.42']) assert.ok(svg.includes(t), t);
});
