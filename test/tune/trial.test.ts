import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bestTrial, isFinished, type FrozenTrial } from '../../src/tune/trial.js';

const t = (number: number, state: FrozenTrial['state'], value: number | null): FrozenTrial => ({
  number, state, value, params: {}, intermediate: {}, startedAt: '', finishedAt: null,
});

test('bestTrial considers COMPLETE trials only, by direction, lowest number on ties', () => {
  const trials = [t(0, 'COMPLETE', 3), t(1, 'PRUNED', 0.1), t(2, 'COMPLETE', 1), t(3, 'COMPLETE', 1), t(4, 'FAILED', null), t(5, 'RUNNING', null)];
  assert.equal(bestTrial(trials, 'minimize')?.number, 2);
  assert.equal(bestTrial(trials, 'maximize')?.number, 0);
  assert.equal(bestTrial([t(0, 'FAILED', null)], 'minimize'), null);
});

test('isFinished: everything but RUNNING', () => {
  assert.equal(isFinished(t(0, 'RUNNING', null)), false);
  assert.equal(isFinished(t(0, 'PRUNED', 1)), true);
});
