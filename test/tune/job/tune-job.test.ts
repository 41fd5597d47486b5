import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTrainConfig } from '../../../src/model/config.js';
import { runTuneJob } from '../../../src/tune/job/tune-job.js';
import { TpeSampler } from '../../../src/tune/samplers/tpe.js';
import { MemoryStorage } from '../../../src/tune/storage/memory.js';
import { SMALL_SPACE, bethData } from '../beth.js';

const base = resolveTrainConfig({}, { epochs: 3, batchSize: 1024 });

test('a tuning job runs the trials on BETH and summarises them', async () => {
  const data = await bethData();
  const seen: number[] = [];
  const { summary, trials } = await runTuneJob({
    study: 'job', storage: new MemoryStorage(), sampler: new TpeSampler({ nStartupTrials: 3 }), space: SMALL_SPACE, base, data,
    objective: 'logloss', cv: null, pruner: 'none', trials: 4, workers: 1, seed: 5, onTrial: (_s, t) => void seen.push(t.number),
  });
  assert.deepEqual(seen, [0, 1, 2, 3]);
  assert.equal(summary.trials, 4);
  assert.equal(summary.run.complete, 4);
  assert.equal(summary.direction, 'minimize');
  const values = trials.map((t) => t.value as number);
  assert.equal(summary.best?.value, Math.min(...values));
  assert.ok(trials.every((t) => Object.keys(t.intermediate).length >= 1), 'per-epoch validation losses are recorded');
});

test('with workers: trials run in worker threads and the median pruner can stop them', async () => {
  const data = await bethData();
  const { summary, trials } = await runTuneJob({
    study: 'job2', storage: new MemoryStorage(), sampler: new TpeSampler({ nStartupTrials: 3 }), space: SMALL_SPACE,
    base: { ...base, epochs: 4 }, data, objective: 'roc_auc', cv: null, pruner: 'median', trials: 10, workers: 2, seed: 6,
  });
  assert.equal(summary.trials, 10);
  assert.equal(summary.direction, 'maximize');
  assert.deepEqual(trials.map((t) => t.number), [...Array(10).keys()]);
  assert.ok(trials.every((t) => t.state === 'COMPLETE' || t.state === 'PRUNED'), trials.map((t) => `${t.state}:${t.error}`).join(','));
  // Pruned trials stopped at a judged epoch: never in the first two (warm-up), never past the last.
  for (const t of trials.filter((t) => t.state === 'PRUNED')) {
    const steps = Object.keys(t.intermediate).length;
    assert.ok(steps >= 3 && steps <= 4, `trial ${t.number} pruned after ${steps} epochs`);
  }
  console.error(`tune-job with 2 workers: ${summary.run.complete} complete, ${summary.run.pruned} pruned, ${summary.run.secondsPerTrial.toFixed(2)} s per trial`);
});
