import { test } from 'node:test';
import assert from 'node:assert/strict';
import { labelFor, scoreAndLabel } from '../../src/score/servable.js';
import { realModel } from './real-model.js';

test('label = score >= threshold, as the model classifies', async () => {
  assert.equal(labelFor(0.5, 0.5), 1);
  assert.equal(labelFor(Math.fround(0.3), 0.3), Math.fround(0.3) >= 0.3 ? 1 : 0);
  assert.equal(labelFor(0.49, 0.5), 0);
  const { servable, trained, train } = await realModel();
  const rows = new Float64Array(train.rows * 7);
  const cols = Object.values(train.columns);
  for (let i = 0; i < train.rows; i++) for (let j = 0; j < 7; j++) rows[i * 7 + j] = cols[j][i];
  const { scores, labels } = scoreAndLabel(servable, rows, train.rows);
  assert.deepEqual(labels, trained.model.classify(scores));
  assert.equal(scoreAndLabel(servable, new Float64Array(0), 0).scores.length, 0);
});
