// Partial-dependence pictures: one small chart per feature (average curve bold, a faint sample of
// ICE curves behind it, the deciles of the data as a rug along the bottom), 2-D PD heat maps for
// feature pairs, and permutation-importance bars with their spread.

import type { FeaturePartialDependence, PairPartialDependence } from '../../explain/partial-dependence.js';
import type { PermutationImportance } from '../../explain/importance.js';
import type { ChartSpec } from '../render.js';
import { ACCENT, BENIGN, CONFIG, SCHEMA, fmt } from './theme.js';

/** ICE curves drawn per feature: enough to show the spread, few enough to stay readable and small. */
export const MAX_ICE_CURVES = 60;
const PANEL_HEIGHT = 130;

function featurePanel(f: FeaturePartialDependence, yMax: number, centered: boolean): object {
  const layers: object[] = [];
  const curves = centered ? f.centered : f.individual;
  const average = centered ? f.average.map((v) => v - f.average[0]) : f.average;
  const big = Math.max(...f.grid.map(Math.abs)) >= 1e6; // ids such as mountNamespace 4026531840
  const x = {
    field: 'x',
    type: 'quantitative',
    title: f.name,
    scale: { zero: false, nice: false },
    axis: { tickCount: big ? 2 : 4, labelOverlap: true, labelFlush: true, ...(big ? { format: 'd' } : {}) },
  };
  const y = centered
    ? { field: 'p', type: 'quantitative', title: 'P − P at first grid value', scale: { domain: [-yMax, yMax] } }
    : { field: 'p', type: 'quantitative', title: 'mean P(suspicious)', scale: { domain: [0, yMax] } };
  if (curves) {
    const ice: { x: number; p: number; row: number }[] = [];
    const rows = Math.min(curves.length, MAX_ICE_CURVES);
    for (let i = 0; i < rows; i++) f.grid.forEach((v, k) => ice.push({ x: v, p: curves[i][k], row: i }));
    layers.push({
      data: { values: ice },
      mark: { type: 'line', color: '#888', opacity: 0.18, strokeWidth: 1 },
      encoding: { x, y, detail: { field: 'row', type: 'nominal' } },
    });
  }
  layers.push({
    data: { values: f.grid.map((v, k) => ({ x: v, p: average[k] })) },
    mark: { type: 'line', color: BENIGN, strokeWidth: 2.5, point: f.gridKind === 'uniques' || f.gridKind === 'constant' },
    encoding: { x, y },
  });
  // The rug: deciles of the background data, clipped to the plotted x range.
  const lo = Math.min(...f.grid);
  const hi = Math.max(...f.grid);
  const rug = f.deciles.filter((d) => d >= lo && d <= hi).map((d) => ({ x: d }));
  if (rug.length) {
    layers.push({
      data: { values: rug },
      mark: { type: 'tick', orient: 'vertical', color: '#333', size: 8, thickness: 1, yOffset: -4 },
      encoding: { x, y: { value: PANEL_HEIGHT } },
    });
  }
  return {
    title: { text: f.name, subtitle: `range ${fmt(f.range)}`, fontSize: 12 },
    width: 180,
    height: PANEL_HEIGHT,
    layer: layers,
  };
}

/**
 * Small multiples, one per feature, on one shared y scale so that panels compare at a glance (the
 * flat ones look flat). `centered` draws centered ICE: every curve shifted to start at 0, which
 * shows whether rows respond differently (interactions) rather than where they start.
 */
export function pdpGrid(features: readonly FeaturePartialDependence[], opts: { columns?: number; centered?: boolean } = {}): ChartSpec {
  const centered = Boolean(opts.centered);
  let yMax = 0;
  for (const f of features) {
    const avg = centered ? f.average.map((v) => Math.abs(v - f.average[0])) : f.average;
    for (const v of avg) yMax = Math.max(yMax, v);
    const curves = centered ? f.centered : f.individual;
    if (curves) for (const c of curves.slice(0, MAX_ICE_CURVES)) for (const v of c) yMax = Math.max(yMax, Math.abs(v));
  }
  yMax = Math.min(1, Math.max(0.05, Math.ceil(yMax * 20) / 20));
  const subtitle = centered
    ? 'centered ICE: each sampled row’s curve minus its value at the first grid point; blue: their mean'
    : 'mean predicted probability as one feature is set to each grid value; grey: ICE curves; ticks: deciles of the data';
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: centered ? 'Centered ICE' : 'Partial dependence', subtitle },
    columns: opts.columns ?? 4,
    concat: features.map((f) => featurePanel(f, yMax, centered)),
  } as ChartSpec;
}

export function pdpHeatmap(pair: PairPartialDependence): ChartSpec {
  const [a, b] = pair.features;
  const values: { a: string; b: string; p: number }[] = [];
  pair.grid[0].forEach((va, i) => pair.grid[1].forEach((vb, j) => values.push({ a: fmt(va), b: fmt(vb), p: pair.average[i][j] })));
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: `Partial dependence: ${a} × ${b}`, subtitle: `range ${fmt(pair.range)}` },
    width: Math.min(420, 22 * pair.grid[1].length + 40),
    height: Math.min(420, 22 * pair.grid[0].length + 40),
    data: { values },
    mark: 'rect',
    encoding: {
      x: { field: 'b', type: 'ordinal', title: b, sort: null },
      y: { field: 'a', type: 'ordinal', title: a, sort: null },
      color: { field: 'p', type: 'quantitative', title: 'mean P', scale: { scheme: 'viridis' } },
      tooltip: [{ field: 'a' }, { field: 'b' }, { field: 'p', format: '.3f' }],
    },
  } as ChartSpec;
}

export function importanceChart(imp: PermutationImportance): ChartSpec {
  const values = imp.features.map((f) => ({ name: f.name, mean: f.mean, lo: f.mean - f.std, hi: f.mean + f.std }));
  const what = imp.metric === 'roc_auc' ? 'drop in ROC-AUC' : 'rise in log loss';
  return {
    $schema: SCHEMA,
    config: CONFIG,
    title: { text: 'Permutation importance', subtitle: `${what} when the feature is shuffled (mean ± std)` },
    width: 320,
    height: { step: 22 },
    data: { values },
    encoding: { y: { field: 'name', type: 'nominal', sort: null, title: null } },
    layer: [
      { mark: { type: 'bar', color: BENIGN }, encoding: { x: { field: 'mean', type: 'quantitative', title: what } } },
      { mark: { type: 'rule', color: ACCENT, strokeWidth: 2 }, encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } } },
    ],
  } as ChartSpec;
}
