import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadModel } from '../../src/bundle/load.js';
import { servableFromManifest, servableFromTrained } from '../../src/score/from-model.js';
import { loadServable } from '../../src/score/load-servable.js';
import { realModel } from './real-model.js';

test('a saved model directory becomes a ServableModel with the manifest’s id, threshold, ranges and card', async () => {
  const { dir, trained } = await realModel();
  const loaded = await loadModel(dir);
  const s = servableFromManifest(loaded.manifest, loaded);
  assert.equal(s.id, loaded.manifest.id);
  assert.equal(s.threshold, loaded.manifest.threshold);
  assert.deepEqual(s.ranges, loaded.manifest.trainingRanges);
  assert.equal(s.card.network, `${loaded.manifest.network.inputs} → 64 → 32 → 1, relu`);
  assert.equal(s.card.training?.rows, 12500);
  assert.ok(s.card.validation && Object.values(s.card.validation).every(Number.isFinite));
  assert.equal((await loadServable(dir)).id, s.id);
  const t = servableFromTrained(trained, 'mem');
  assert.equal(t.id, 'mem');
  assert.equal(t.threshold, trained.model.threshold);
  assert.equal(t.ranges?.userId?.max, loaded.manifest.trainingRanges.userId.max);
});
