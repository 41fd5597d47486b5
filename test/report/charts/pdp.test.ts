import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_COLUMNS } from '../../../src/data/table.js';
import { explainModel } from '../../../src/explain/explain.js';
import { importanceChart, MAX_ICE_CURVES, pdpGrid, pdpHeatmap } from '../../../src/report/charts/pdp.js';
import { renderSvg } from '../../../src/report/render.js';
import { col, functionModel, syntheticTable } from '../../explain/fake-models.js';

const label = (r: Record<string, number>): number => (r.parentProcessId >= 1000 ? 1 : 0);
const model = functionModel((r) => (r[col('parentProcessId')] >= 1000 ? 0.8 : 0.1) + 0.05 * (r[col('userId')] < 1000 ? 1 : 0));
const ex = explainModel(model, syntheticTable(500, 1, label), { ice: true, pairs: [['userId', 'parentProcessId']], repeats: 2 });

test('the PDP grid has one panel per feature, a faint sample of ICE curves and a rug', async () => {
  const spec = pdpGrid(ex.pdp.features) as { concat: { layer: { data: { values: { row?: number }[] }; mark: { type: string } }[] }[] };
  assert.equal(spec.concat.length, FEATURE_COLUMNS.length);
  const panel = spec.concat[2];
  const ice = panel.layer[0];
  assert.equal(new Set(ice.data.values.map((v) => v.row)).size, MAX_ICE_CURVES);
  assert.equal(panel.layer.at(-1)!.mark.type, 'tick');
  const svg = await renderSvg(spec as never);
  for (const name of FEATURE_COLUMNS) assert.ok(svg.includes(name), name);
  assert.match(svg, /range 0\.7/);
  const centered = await renderSvg(pdpGrid(ex.pdp.features, { centered: true }));
  assert.match(centered, /Centered ICE/);
});

test('the 2-D heat map and the importance bars render', async () => {
  const heat = await renderSvg(pdpHeatmap(ex.pdp.pairs[0]));
  assert.match(heat, /userId × parentProcessId/);
  const imp = await renderSvg(importanceChart(ex.importance!));
  assert.match(imp, /drop in ROC-AUC/);
  assert.ok(imp.indexOf('parentProcessId') > 0);
});
