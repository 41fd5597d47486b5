import { test } from 'node:test';
import assert from 'node:assert/strict';
import { paramsChart, tuningHistoryChart, type StudyTrial } from '../../../src/report/charts/study.js';
import { renderSvg } from '../../../src/report/render.js';

const trials: StudyTrial[] = [
  { number: 0, state: 'COMPLETE', value: 0.5, params: { lr: 0.01, width: 32, activation: 'relu' } },
  { number: 1, state: 'PRUNED', value: 0.9, params: { lr: 0.1, width: 8, activation: 'gelu' } },
  { number: 2, state: 'COMPLETE', value: 0.3, params: { lr: 0.0001, width: 64, activation: 'gelu' } },
  { number: 3, state: 'COMPLETE', value: 0.4, params: { lr: 0.001, width: 16, activation: 'relu' } },
  { number: 4, state: 'FAILED', value: null, params: { lr: 0.001, width: 16, activation: 'relu' } },
];

test('tuning history: completed trials in order with the best so far', () => {
  const spec = tuningHistoryChart(trials, 'minimize', 'logloss') as { data: { values: { trial: number; value: number; best: number }[] } };
  assert.deepEqual(spec.data.values, [
    { trial: 0, value: 0.5, best: 0.5 },
    { trial: 2, value: 0.3, best: 0.3 },
    { trial: 3, value: 0.4, best: 0.3 },
  ]);
  const max = tuningHistoryChart(trials, 'maximize', 'auc') as { data: { values: { best: number }[] } };
  assert.deepEqual(max.data.values.map((v) => v.best), [0.5, 0.5, 0.5]);
});

test('one panel per hyperparameter; a log axis for widely spread values; both render', async () => {
  const spec = paramsChart(trials, 'logloss') as { concat: { title: { text: string }; encoding: { x: { type: string; scale?: { type: string } } } }[] };
  assert.deepEqual(spec.concat.map((p) => p.title.text), ['activation', 'lr', 'width']);
  assert.equal(spec.concat[0].encoding.x.type, 'nominal');
  assert.equal(spec.concat[1].encoding.x.scale!.type, 'log');
  assert.equal(spec.concat[2].encoding.x.scale!.type, 'linear');
  const svg = await renderSvg(spec as never);
  assert.match(svg, /activation/);
  assert.match(await renderSvg(tuningHistoryChart(trials, 'minimize', 'logloss')), /Tuning history/);
});
