// ROC and precision–recall curves with the model's operating threshold marked, and the confusion
// matrix at that threshold. Inputs are the curve arrays of src/metrics (rocCurve / prCurve).

import type { ChartSpec } from '../render.js';
import { ACCENT, BENIGN, CONFIG, SCHEMA, fmt, thinCurve } from './theme.js';

export interface CurveInput {
  x: readonly number[];
  y: readonly number[];
  thresholds: readonly number[];
}

const MAX_POINTS = 400;

/** The curve point whose threshold is the lowest one still ≥ the operating threshold (what the model flags). */
export function operatingPoint(c: CurveInput, threshold: number): { x: number; y: number } | null {
  let best = -1;
  for (let k = 0; k < c.thresholds.length; k++) if (c.thresholds[k] >= threshold) best = k;
  if (best < 0 || !Number.isFinite(c.x[best]) || !Number.isFinite(c.y[best])) return null;
  return { x: c.x[best], y: c.y[best] };
}

// ROC points are joined by straight lines (the trapezoids of ROC-AUC); PR points by steps that
// rise first (step-before), so the area under the drawn curve is the average precision Σ ΔR·P.
function curveChart(title: string, xTitle: string, yTitle: string, c: CurveInput, threshold: number, area: number, diagonal: boolean): ChartSpec {
  const idx = thinCurve(c.x, c.y, MAX_POINTS).filter((k) => Number.isFinite(c.x[k]) && Number.isFinite(c.y[k]));
  const values = idx.map((k, order) => ({ x: c.x[k], y: c.y[k], order }));
  const op = operatingPoint(c, threshold);
  const layers: object[] = [];
  if (diagonal) {
    layers.push({
      data: { values: [{ x: 0, y: 0 }, { x: 1, y: 1 }] },
      mark: { type: 'line', color: '#bbb', strokeDash: [3, 3] },
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
  }
  layers.push({
    data: { values },
    mark: { type: 'line', color: BENIGN, strokeWidth: 2, interpolate: diagonal ? 'linear' : 'step-before' },
    encoding: {
      x: { field: 'x', type: 'quantitative', title: xTitle, scale: { domain: [0, 1] } },
      y: { field: 'y', type: 'quantitative', title: yTitle, scale: { domain: [0, 1] } },
      order: { field: 'order', type: 'quantitative' },
    },
  });
  if (op) {
    const label = `threshold ${fmt(threshold)}`;
    layers.push({
      data: { values: [{ ...op, label }] },
      layer: [
        { mark: { type: 'point', filled: true, size: 90, color: ACCENT }, encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } },
        {
          // Keep the label inside the plot: left of the point near the right edge, above it near the bottom.
          mark: { type: 'text', color: ACCENT, align: op.x > 0.6 ? 'right' : 'left', dx: op.x > 0.6 ? -8 : 8, dy: op.y < 0.2 ? -12 : 12, fontWeight: 'bold' },
          encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' }, text: { field: 'label' } },
        },
      ],
    });
  }
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: title, subtitle: `area ${fmt(area)}` },
    width: 260,
    height: 260,
    layer: layers,
  } as ChartSpec;
}

export function rocChart(roc: { fpr: readonly number[]; tpr: readonly number[]; thresholds: readonly number[] }, threshold: number, auc: number): ChartSpec {
  return curveChart('ROC curve', 'false positive rate', 'true positive rate (recall)', { x: roc.fpr, y: roc.tpr, thresholds: roc.thresholds }, threshold, auc, true);
}

export function prChart(pr: { precision: readonly number[]; recall: readonly number[]; thresholds: readonly number[] }, threshold: number, ap: number): ChartSpec {
  // Points before the first true positive (recall 0) carry no precision worth drawing.
  const keep = pr.recall.map((r, k) => (r > 0 ? k : -1)).filter((k) => k >= 0);
  const c = { x: keep.map((k) => pr.recall[k]), y: keep.map((k) => pr.precision[k]), thresholds: keep.map((k) => pr.thresholds[k]) };
  // Start the steps at recall 0 with the first point's precision, so the drawn area is the AP.
  if (c.x.length && c.x[0] > 0) {
    c.x.unshift(0);
    c.y.unshift(c.y[0]);
    c.thresholds.unshift(Infinity);
  }
  return curveChart('Precision–recall curve', 'recall', 'precision', c, threshold, ap, false);
}

export function confusionChart(c: { tp: number; fp: number; tn: number; fn: number }, threshold: number): ChartSpec {
  const total = c.tp + c.fp + c.tn + c.fn || 1;
  const max = Math.max(c.tp, c.fp, c.tn, c.fn);
  const cell = (actual: string, predicted: string, count: number): object => ({
    actual,
    predicted,
    count,
    // The colour scale is symlog, so a cell is dark when its log count is near the largest one.
    dark: Math.log1p(count) > 0.6 * Math.log1p(max),
    label: `${count.toLocaleString('en-US')} (${((100 * count) / total).toFixed(1)}%)`,
  });
  const values = [
    cell('benign', 'benign', c.tn),
    cell('benign', 'suspicious', c.fp),
    cell('suspicious', 'benign', c.fn),
    cell('suspicious', 'suspicious', c.tp),
  ];
  const order = ['benign', 'suspicious'];
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: 'Confusion matrix', subtitle: `threshold ${fmt(threshold)}` },
    width: 220,
    height: 220,
    data: { values },
    encoding: {
      x: { field: 'predicted', type: 'nominal', sort: order, title: 'predicted', axis: { labelAngle: 0 } },
      y: { field: 'actual', type: 'nominal', sort: order, title: 'actual' },
    },
    layer: [
      { mark: 'rect', encoding: { color: { field: 'count', type: 'quantitative', scale: { type: 'symlog', scheme: 'blues' }, legend: null } } },
      {
        mark: { type: 'text', fontSize: 12, fontWeight: 'bold' },
        encoding: {
          text: { field: 'label' },
          color: { condition: { test: 'datum.dark', value: 'white' }, value: '#222' },
        },
      },
    ],
  } as ChartSpec;
}
