import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../../src/errors.js';
import { objectiveDirection, objectiveValue, parseObjective } from '../../../src/tune/job/objective-metric.js';

const m = { accuracy: 0.9, balancedAccuracy: 0.8, precision: 0.7, recall: 0.6, f1: 0.65, mcc: 0.5, rocAuc: 0.95, prAuc: 0.85, logLoss: 0.12 };

test('objectives read the right metric in the right direction', () => {
  assert.deepEqual(['logloss', 'roc_auc', 'pr_auc', 'f1'].map((o) => objectiveValue(parseObjective(o), m)), [0.12, 0.95, 0.85, 0.65]);
  assert.equal(objectiveDirection('logloss'), 'minimize');
  assert.equal(objectiveDirection('roc_auc'), 'maximize');
  assert.throws(() => parseObjective('accuracy'), UsageError);
});
