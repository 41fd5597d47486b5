import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../../src/bundle/load.js';
import { resolveTrainConfig } from '../../../src/model/config.js';
import { retrainBest } from '../../../src/tune/job/retrain-best.js';
import { bethData } from '../beth.js';

test('retrainBest trains the best params and saves a loadable model directory', async () => {
  const data = await bethData();
  const out = join(mkdtempSync(join(tmpdir(), 'th-retrain-')), 'model');
  await retrainBest({
    out, base: resolveTrainConfig({}, { epochs: 2 }), params: { width: 8, layers: 2, activation: 'gelu' },
    train: data.train, validation: data.validation, tune: { study: 's', trial: 3, objective: 'logloss', value: 0.1 },
  });
  const model = await loadModel(out);
  assert.deepEqual(model.manifest.config.hidden, [8, 8]);
  assert.equal(model.manifest.config.activation, 'gelu');
  const scores = model.scoreTable(data.validation!);
  assert.equal(scores.length, data.validation!.rows);
});
