import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../../../src/errors.js';
import { DEFAULT_TRAIN_CONFIG } from '../../../src/model/config.js';
import { checkTrainSpace, configFromParams } from '../../../src/tune/job/train-space.js';
import { DEFAULT_SEARCH_SPACE } from '../../../src/tune/search-space.js';

test('params map onto TrainConfig: hidden = layers × width, the rest by name', () => {
  const c = configFromParams(DEFAULT_TRAIN_CONFIG, {
    width: 48, layers: 3, dropout: 0.1, activation: 'gelu', lr: 0.01, batchSize: 512, weightDecay: 1e-4, posWeight: 7,
  });
  assert.deepEqual(c.hidden, [48, 48, 48]);
  assert.equal(c.activation, 'gelu');
  assert.equal(c.batchSize, 512);
  assert.equal(c.posWeight, 7);
  assert.equal(c.epochs, DEFAULT_TRAIN_CONFIG.epochs);
  assert.deepEqual(configFromParams(DEFAULT_TRAIN_CONFIG, { layers: 1 }).hidden, [64]);
});

test('the default space is valid for training; unknown names and impossible values are refused', () => {
  checkTrainSpace(DEFAULT_SEARCH_SPACE, DEFAULT_TRAIN_CONFIG);
  assert.throws(
    () => checkTrainSpace({ learningRate: { type: 'float', low: 0.1, high: 1, log: false } }, DEFAULT_TRAIN_CONFIG, 's.json'),
    (e: unknown) => e instanceof ValidationError && /s\.json: parameter 'learningRate' is not a training option/.test(e.message),
  );
  assert.throws(
    () => checkTrainSpace({ activation: { type: 'categorical', choices: ['relu', 'swish'] } }, DEFAULT_TRAIN_CONFIG, 's.json'),
    /parameter 'activation' can take "swish": The 'activation' option must be one of/,
  );
  assert.throws(() => checkTrainSpace({ dropout: { type: 'float', low: 0, high: 1, log: false } }, DEFAULT_TRAIN_CONFIG), /'dropout' can take 1/);
});
