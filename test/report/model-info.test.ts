import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from '../../src/bundle/load.js';
import { modelInfo } from '../../src/report/model-info.js';
import { savedBethModel } from './model-fixture.js';

test('the report describes a saved model from its manifest', async () => {
  const model = await loadModel(await savedBethModel(3));
  const info = modelInfo(model);
  const facts = Object.fromEntries(info.facts.map((f) => [f.key, f.value]));
  assert.equal(facts['model id'], model.manifest.id);
  assert.match(facts.network, new RegExp(`^${model.manifest.network.inputs} → ${model.manifest.network.hidden.join(' → ')} → 1`));
  assert.match(facts.threshold, /chosen on/);
  assert.match(facts['training data'], /^12,500 rows, 273 suspicious \(2\.18%\) from 1 file$/);
  assert.equal(info.history.length, model.manifest.history.length);
  assert.ok(info.history.length >= 1 && info.history.length <= 3);
  assert.equal(info.bestEpoch, model.manifest.fit.bestEpoch);
  assert.equal(info.threshold, model.threshold);
  assert.match(info.trainingFiles[0][0], /^train: .*datacamp_labelled_train_rows0-12499\.csv\.gz$/);
  assert.equal(info.trainingFiles[0][2], '12,500');
});
