import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainModel } from '../../src/explain/explain.js';
import { col, functionModel, syntheticTable } from './fake-models.js';

const label = (r: Record<string, number>): number => (r.parentProcessId >= 1000 && r.userId < 1000 ? 1 : 0);
const model = functionModel((r) => (r[col('parentProcessId')] >= 1000 ? 0.7 : 0.05) + (r[col('userId')] < 1000 ? 0.2 : 0));

test('explainModel covers every input feature, the pairs asked for, and importance on labelled rows', () => {
  const t = syntheticTable(3000, 21, label);
  const ex = explainModel(model, t, { sample: 1000, grid: 10, pairs: [['userId', 'parentProcessId']], repeats: 2, seed: 4 });
  assert.equal(ex.pdp.rows, 1000);
  assert.deepEqual(ex.pdp.features.map((f) => f.name), [...model.inputColumns]);
  const range = Object.fromEntries(ex.pdp.features.map((f) => [f.name, f.range]));
  assert.ok(Math.abs(range.parentProcessId - 0.65) < 1e-6, String(range.parentProcessId));
  assert.ok(Math.abs(range.userId - 0.2) < 1e-6);
  assert.ok(range.processId < 1e-9);
  assert.equal(ex.pdp.pairs.length, 1);
  assert.ok(ex.importance);
  assert.equal(ex.importance.metric, 'roc_auc');
  assert.deepEqual(ex.importance.features.slice(0, 2).map((f) => f.name).sort(), ['parentProcessId', 'userId']);
  assert.equal(ex.pdp.features[0].individual, undefined, 'ICE only when asked');
  // Same options, same seed → identical documents (timings aside).
  const again = explainModel(model, t, { sample: 1000, grid: 10, pairs: [['userId', 'parentProcessId']], repeats: 2, seed: 4 });
  assert.deepEqual(again.pdp.features, ex.pdp.features);
  assert.deepEqual(again.importance!.features, ex.importance.features);
});

test('one-class rows fall back to log-loss importance with a note; unlabelled rows get none', () => {
  const benign = syntheticTable(200, 22, () => 0);
  const ex = explainModel(model, benign, { repeats: 2 });
  assert.equal(ex.importance?.metric, 'logloss');
  assert.match(ex.importance!.note!, /ROC-AUC is undefined/);
  const unlabelled = { ...benign, labels: null, labelColumn: null };
  assert.equal(explainModel(model, unlabelled, { repeats: 2 }).importance, null);
  assert.equal(explainModel(model, benign, { repeats: 0 }).importance, null);
});

test('on the default model trained on real BETH rows, parentProcessId and userId move the prediction most', async () => {
  // Issue 5's check against the reference (parentProcessId ≈ 0.99, userId ≈ 0.25 range in mean probability).
  const { bethSplits } = await import('../model/beth.js');
  const { trainModel } = await import('../../src/model/train.js');
  const { DEFAULT_TRAIN_CONFIG } = await import('../../src/model/config.js');
  const { train, validation } = await bethSplits();
  const { model } = await trainModel({ train, validation, config: { ...DEFAULT_TRAIN_CONFIG }, progress: false });
  const ex = explainModel(model, train, { sample: 5000, repeats: 0, seed: 1 });
  const ranked = [...ex.pdp.features].sort((a, b) => b.range - a.range);
  assert.deepEqual(ranked.slice(0, 2).map((f) => f.name), ['parentProcessId', 'userId'], ranked.map((f) => `${f.name} ${f.range.toFixed(3)}`).join(', '));
  assert.ok(ranked[0].range > 0.9, `parentProcessId range ${ranked[0].range}`);
  assert.ok(ranked[1].range > 0.1, `userId range ${ranked[1].range}`);
});
