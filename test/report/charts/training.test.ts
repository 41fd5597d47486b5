import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lossChart } from '../../../src/report/charts/training.js';
import { renderSvg } from '../../../src/report/render.js';

test('the loss chart draws training and validation loss and marks the kept epoch', async () => {
  const history = [1, 2, 3, 4].map((epoch) => ({ epoch, loss: 1 / epoch, valLoss: epoch === 2 ? null : 0.5 + epoch / 10 }));
  const spec = lossChart(history, 3) as { data: { values: { series: string }[] } };
  assert.equal(spec.data.values.filter((v) => v.series === 'training').length, 4);
  assert.equal(spec.data.values.filter((v) => v.series === 'validation').length, 3, 'missing validation losses are left out');
  const svg = await renderSvg(spec as never);
  for (const t of ['Loss per epoch', 'training', 'validation', 'kept: epoch 3']) assert.ok(svg.includes(t), t);
});
