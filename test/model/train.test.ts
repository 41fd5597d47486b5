// End to end on the real BETH training subset: train with the default config and a fixed seed on the
// held-out split of bench/holdout-seeds.ts, and assert a metric floor on the held-out block.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { trainModel } from '../../src/model/train.js';
import { DEFAULT_TRAIN_CONFIG, resolveTrainConfig } from '../../src/model/config.js';
import { classificationReport } from '../../src/metrics/report.js';
import { sliceTable, tableFromColumns } from '../../src/data/table.js';
import { bethSplits } from './beth.js';

const splits = await bethSplits();

test('default config, seed 42: held-out ROC-AUC, PR-AUC and accuracy above the reference', async () => {
  const { train, validation, heldOut } = splits;
  const t = await trainModel({ train, validation, config: { ...DEFAULT_TRAIN_CONFIG }, engine: 'ts' });
  const r = classificationReport(heldOut.labels!, t.model.scoreTable(heldOut), t.model.threshold);
  // The PyTorch reference's good seeds: ROC-AUC 0.978, PR-AUC 0.974, accuracy 0.989 (FINDINGS.md).
  assert.ok(r.metrics.rocAuc >= 0.978, `ROC-AUC ${r.metrics.rocAuc}`);
  assert.ok(r.metrics.prAuc >= 0.974, `PR-AUC ${r.metrics.prAuc}`);
  assert.ok(r.metrics.accuracy >= 0.989, `accuracy ${r.metrics.accuracy}`);
  assert.ok(r.metrics.accuracy > r.baselines.allBenign.accuracy, 'must beat predicting everything benign');
  assert.ok(r.metrics.recall >= 0.9, `recall ${r.metrics.recall}`);
  // Bookkeeping the bundle relies on.
  assert.equal(t.thresholdSource, 'train+validation'); // 4 validation positives are too few alone
  assert.equal(t.training.rows, train.rows);
  assert.equal(t.training.validationPositives, 4);
  assert.equal(t.fit.history.length, t.fit.epochs);
  assert.ok(t.fit.bestEpoch >= 1 && t.fit.bestEpoch <= t.fit.epochs);
  assert.ok(t.validation && Number.isFinite(t.validation.metrics.rocAuc));
});

test('the same seed gives bit-identical weights and threshold; another seed differs', async () => {
  const train = sliceTable(splits.train, Array.from({ length: 3000 }, (_, i) => i));
  const config = resolveTrainConfig({}, { epochs: 3, hidden: [16] });
  const a = await trainModel({ train, validation: null, config, engine: 'ts' });
  const b = await trainModel({ train, validation: null, config, engine: 'ts' });
  const c = await trainModel({ train, validation: null, config: { ...config, seed: 43 }, engine: 'ts' });
  assert.deepEqual(a.model.network.getWeights(), b.model.network.getWeights());
  assert.equal(a.model.threshold, b.model.threshold);
  assert.notDeepEqual(a.model.network.getWeights(), c.model.network.getWeights());
  assert.equal(a.thresholdSource, 'train');
  assert.equal(a.validation, null);
});

test("posWeight 'auto' is negatives/positives, capped", async () => {
  const train = sliceTable(splits.train, Array.from({ length: 2000 }, (_, i) => i));
  const t = await trainModel({ train, validation: null, config: resolveTrainConfig({}, { epochs: 1, posWeight: 'auto' }), engine: 'ts' });
  const pos = train.labels!.reduce((s, v) => s + v, 0);
  assert.equal(t.posWeight, Math.min(100, (2000 - pos) / pos));
});

test('unlabelled or empty training data is refused', async () => {
  const cols = { processId: [1], threadId: [1], parentProcessId: [1], userId: [0], mountNamespace: [1], argsNum: [0], returnValue: [0] };
  await assert.rejects(trainModel({ train: tableFromColumns(cols), validation: null, config: { ...DEFAULT_TRAIN_CONFIG } }), /has no label column/);
  await assert.rejects(trainModel({ train: sliceTable(splits.train, []), validation: null, config: { ...DEFAULT_TRAIN_CONFIG } }), /no rows/);
});

test("a caller's onEpochEnd sees every epoch and can stop training (a tuner's pruner)", async () => {
  const train = sliceTable(splits.train, Array.from({ length: 2000 }, (_, i) => i));
  const seen: number[] = [];
  const t = await trainModel({
    train, validation: splits.validation, config: resolveTrainConfig({}, { epochs: 10, hidden: [8] }), engine: 'ts',
    onEpochEnd: (log) => {
      seen.push(log.epoch);
      assert.equal(typeof log.valLoss, 'number');
      return log.epoch === 3 ? 'stop' : undefined;
    },
  });
  assert.deepEqual(seen, [1, 2, 3]);
  assert.equal(t.fit.epochs, 3);
  assert.equal(t.fit.stoppedBy, 'callback');
  assert.equal(t.fit.bestEpoch, 3); // inside the warm-up no epoch is "best": the last one is kept
});
