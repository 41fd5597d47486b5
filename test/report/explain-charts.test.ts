import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainModel } from '../../src/explain/explain.js';
import { renderExplanationCharts } from '../../src/report/explain-charts.js';
import { col, functionModel, syntheticTable } from '../explain/fake-models.js';

test('explain charts: the PDP grid, centered ICE when ICE was kept, a heat map per pair, importance', async () => {
  const model = functionModel((r) => (r[col('userId')] < 1000 ? 0.2 : 0.6));
  const t = syntheticTable(300, 2, (r) => (r.userId < 1000 ? 0 : 1));
  const withIce = await renderExplanationCharts(explainModel(model, t, { ice: true, pairs: [['userId', 'argsNum']], repeats: 1 }));
  assert.deepEqual(withIce.map((c) => c.name), ['pdp', 'ice-centered', 'pdp-userId-argsNum', 'importance']);
  for (const c of withIce) {
    assert.match(c.svg, /^<svg/);
    assert.equal(c.png.readUInt32BE(0), 0x89504e47, `${c.name}.png is a PNG`);
  }
  const plain = await renderExplanationCharts(explainModel(model, t, { repeats: 0 }));
  assert.deepEqual(plain.map((c) => c.name), ['pdp']);
});
