import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTrainConfig } from '../../../src/model/config.js';
import { evaluateConfig } from '../../../src/tune/job/evaluate-config.js';
import { bethData } from '../beth.js';

const config = resolveTrainConfig({}, { hidden: [8], epochs: 3, batchSize: 1024, seed: 1 });

test('holdout: the objective comes from the validation report, one step per epoch with the validation loss', async () => {
  const data = await bethData();
  const steps: [number, number][] = [];
  const r = await evaluateConfig(data, {
    config, objective: 'logloss', cv: null,
    onStep: async (s, v) => (steps.push([s, v]), false),
  });
  assert.equal(r.pruned, false);
  assert.deepEqual(steps.map(([s]) => s), [1, 2, 3].slice(0, r.epochs));
  assert.ok(r.value > 0 && r.value < 1, `logloss ${r.value}`);
  // Best weights are restored, so the reported objective is the best epoch's validation loss.
  assert.ok(Math.abs(r.value - Math.min(...steps.map(([, v]) => v))) < 1e-3, `${r.value} vs ${steps.map(([, v]) => v)}`);
  const auc = await evaluateConfig(data, { config, objective: 'roc_auc', cv: null });
  assert.ok(auc.value >= 0 && auc.value <= 1);
});

test('holdout: a step hook answering true prunes the trial after that epoch', async () => {
  const data = await bethData();
  let calls = 0;
  const r = await evaluateConfig(data, { config, objective: 'logloss', cv: null, onStep: async () => (++calls, true) });
  assert.equal(r.pruned, true);
  assert.equal(calls, 1);
  assert.equal(r.epochs, 1);
});

test('cross-validation scores folds of the training data and reports per fold', async () => {
  const data = await bethData();
  const steps: number[] = [];
  const r = await evaluateConfig({ train: data.train, validation: null }, {
    config: { ...config, epochs: 2 }, objective: 'pr_auc', cv: 3, onStep: async (s) => (steps.push(s), false),
  });
  assert.equal(r.pruned, false);
  assert.deepEqual(steps, [1, 2]);
  assert.ok(r.value > 0 && r.value <= 1, `pr_auc ${r.value}`);
});

test('holdout without validation data is refused with the fix', async () => {
  const data = await bethData();
  await assert.rejects(evaluateConfig({ train: data.train, validation: null }, { config, objective: 'logloss', cv: null }), /or --cv K/);
});
