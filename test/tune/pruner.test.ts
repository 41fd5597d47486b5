import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MedianPruner, NopPruner } from '../../src/tune/pruner.js';
import type { FrozenTrial } from '../../src/tune/trial.js';

const trial = (number: number, state: FrozenTrial['state'], curve: number[]): FrozenTrial => ({
  number, state, params: {}, value: curve.at(-1) ?? null, startedAt: '', finishedAt: null,
  intermediate: Object.fromEntries(curve.map((v, i) => [i + 1, v])),
});

const finished = [
  trial(0, 'COMPLETE', [1.0, 0.8, 0.6]),
  trial(1, 'COMPLETE', [1.1, 0.9, 0.7]),
  trial(2, 'COMPLETE', [0.9, 0.7, 0.5]),
  trial(3, 'PRUNED', [1.5]),
  trial(4, 'COMPLETE', [1.2, 1.0, 0.9]),
];

test('median pruner: prunes a trial worse than the median at the same step, keeps a better one', () => {
  const p = new MedianPruner({ direction: 'minimize', nStartupTrials: 5 });
  // step 2 values of finished trials: 0.8, 0.9, 0.7, 1.0 → median 0.85
  assert.equal(p.shouldPrune(trial(9, 'RUNNING', [1.3, 0.95]), 2, finished), true);
  assert.equal(p.shouldPrune(trial(9, 'RUNNING', [1.3, 0.84]), 2, finished), false);
  // The trial's best value so far counts, not its last.
  assert.equal(p.shouldPrune(trial(9, 'RUNNING', [0.5, 0.95]), 2, finished), false);
});

test('median pruner: maximize flips the comparison', () => {
  const p = new MedianPruner({ direction: 'maximize', nStartupTrials: 5 });
  assert.equal(p.shouldPrune(trial(9, 'RUNNING', [1.3, 0.95]), 2, finished), false);
  assert.equal(p.shouldPrune(trial(9, 'RUNNING', [0.5, 0.6]), 2, finished), true);
});

test('median pruner: no pruning during start-up trials, warm-up steps or without reports', () => {
  assert.equal(new MedianPruner({ direction: 'minimize', nStartupTrials: 6 }).shouldPrune(trial(9, 'RUNNING', [9, 9]), 2, finished), false);
  assert.equal(new MedianPruner({ direction: 'minimize', nWarmupSteps: 3 }).shouldPrune(trial(9, 'RUNNING', [9, 9]), 2, finished), false);
  assert.equal(new MedianPruner({ direction: 'minimize' }).shouldPrune(trial(9, 'RUNNING', []), 2, finished), false);
  // RUNNING and FAILED trials are not part of the reference.
  const others = finished.map((t) => ({ ...t, state: 'FAILED' as const }));
  assert.equal(new MedianPruner({ direction: 'minimize', nStartupTrials: 1 }).shouldPrune(trial(9, 'RUNNING', [9, 9]), 2, others), false);
});

test('the none pruner never prunes', () => {
  assert.equal(new NopPruner().shouldPrune(), false);
});
