import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fit, type Dataset, type EpochLog } from '../../src/nn/fit.js';
import { Mlp, type MlpOptions } from '../../src/nn/mlp.js';
import type { MlpConfig } from '../../src/nn/mlp-config.js';
import { createTsKernels } from '../../src/nn/kernels-ts.js';
import { ValidationError } from '../../src/errors.js';
import { createRng } from '../../src/random.js';

const kernels = createTsKernels();

/** Two classes separated by a hyperplane with a margin (plus noise dimensions). */
function separable(n: number, seed: number, flip = false): Dataset {
  const rng = createRng(seed);
  const d = 7;
  const X = new Float32Array(n * d), y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const label = rng.next() < 0.3 ? 1 : 0;
    for (let j = 0; j < d; j++) X[i * d + j] = rng.normal();
    X[i * d] += label ? 1.5 : -1.5;
    X[i * d + 3] -= label ? 1 : -1;
    y[i] = flip ? 1 - label : label;
  }
  return { X, y, n };
}

const config: MlpConfig = { inputs: 7, hidden: [16, 8], activation: 'relu', dropout: 0, init: 'kaiming' };
const net = (over: Partial<MlpConfig> = {}, opts: MlpOptions = {}) => new Mlp({ ...config, ...over }, { seed: 1, kernels, ...opts });

test('a fixed seed gives bit-identical weights after training twice (dropout on); another seed differs', async () => {
  const train = separable(1500, 1);
  const opts = { epochs: 3, batchSize: 100, optimizer: { kind: 'adamw' as const, lr: 3e-3 }, seed: 7, loss: { posWeight: 2, focalGamma: 1 } };
  const a = net({ dropout: 0.2 }), b = net({ dropout: 0.2 }), c = net({ dropout: 0.2 });
  const ra = await fit(a, train, opts);
  const rb = await fit(b, train, opts);
  await fit(c, train, { ...opts, seed: 8 });
  assert.deepEqual(b.getWeights(), a.getWeights());
  assert.deepEqual(rb.history.map((h) => h.loss), ra.history.map((h) => h.loss));
  assert.notDeepEqual(c.getWeights(), a.getWeights());
});

test('training learns a separable problem: loss falls, held-out accuracy > 95%', async () => {
  const train = separable(4000, 2), test = separable(2000, 3);
  const network = net();
  const result = await fit(network, train, { epochs: 8, batchSize: 64, optimizer: { kind: 'adam', lr: 3e-3 }, seed: 1, validation: test });
  const first = result.history[0], last = result.history[result.history.length - 1];
  assert.ok(last.loss < first.loss * 0.8, `loss ${first.loss} → ${last.loss}`);
  assert.ok(last.valLoss! < 0.15, `validation loss ${last.valLoss}`);
  const p = network.predictProba(test.X, test.n);
  let right = 0;
  for (let i = 0; i < test.n; i++) if ((p[i] > 0.5 ? 1 : 0) === test.y[i]) right++;
  assert.ok(right / test.n > 0.95, `accuracy ${right / test.n}`);
  assert.equal(result.epochs, 8);
  assert.ok(result.samplesPerSecond > 0 && result.seconds > 0);
  assert.ok(result.history.every((h, i) => h.epoch === i + 1 && h.samplesPerSecond > 0));
});

test('SGD with Nesterov momentum also learns', async () => {
  const train = separable(3000, 4);
  const network = net({ activation: 'gelu' }, { seed: 2 });
  const r = await fit(network, train, { epochs: 5, batchSize: 32, optimizer: { kind: 'sgd', lr: 0.05, momentum: 0.9, nesterov: true }, seed: 2 });
  assert.ok(r.history[4].loss < 0.2, `final loss ${r.history[4].loss}`);
});

test('early stopping: stops after `patience` epochs without improvement and restores the best weights', async () => {
  const train = separable(2000, 5);
  const validation = separable(500, 6, true); // labels flipped: validation loss rises as the model learns
  const opts = { batchSize: 50, optimizer: { kind: 'adam' as const, lr: 1e-2 }, seed: 3, validation };
  const long = net();
  const r = await fit(long, train, { ...opts, epochs: 20, earlyStopping: { patience: 2 } });
  assert.equal(r.stoppedEarly, true);
  assert.equal(r.stoppedBy, 'early_stopping');
  assert.equal(r.bestEpoch, 1);
  assert.equal(r.epochs, 3);
  assert.ok(r.history[1].valLoss! > r.history[0].valLoss! && r.history[2].valLoss! > r.history[0].valLoss!);
  const one = net();
  await fit(one, train, { ...opts, epochs: 1 });
  assert.deepEqual(long.getWeights(), one.getWeights(), 'the weights after epoch 1 are back');
  const kept = net();
  await fit(kept, train, { ...opts, epochs: 20, earlyStopping: { patience: 2, restoreBest: false } });
  assert.notDeepEqual(kept.getWeights(), one.getWeights(), 'restoreBest: false keeps the last weights');
});

test('without validation, early stopping monitors the training loss; minDelta counts', async () => {
  const train = separable(1000, 7);
  const r = await fit(net(), train, { epochs: 6, batchSize: 100, optimizer: { kind: 'adam', lr: 1e-3 }, seed: 4, earlyStopping: { patience: 1, minDelta: 10 } });
  assert.equal(r.epochs, 2, 'no drop of 10 in training loss after epoch 1: stop at epoch 2');
  assert.equal(r.bestEpoch, 1);
  assert.ok(r.history.every((h) => h.valLoss === undefined));
});

test('startFromEpoch: the first epochs cannot be restored as best', async () => {
  const train = separable(2000, 5);
  const validation = separable(500, 6, true);
  const opts = { batchSize: 50, optimizer: { kind: 'adam' as const, lr: 1e-2 }, seed: 3, validation };
  const r = await fit(net(), train, { ...opts, epochs: 20, earlyStopping: { patience: 2, startFromEpoch: 4 } });
  assert.ok(r.bestEpoch >= 4, `best epoch ${r.bestEpoch}`);
  assert.ok(r.epochs >= 5);
});

test("onEpochEnd sees every epoch and may stop training with 'stop' (async too)", async () => {
  const train = separable(500, 8);
  const seen: EpochLog[] = [];
  const r = await fit(net(), train, {
    epochs: 10, batchSize: 100, optimizer: { kind: 'adam', lr: 1e-3 }, seed: 5,
    callbacks: { onEpochEnd: async (log) => { seen.push(log); return log.epoch === 3 ? 'stop' : undefined; } },
  });
  assert.deepEqual(seen.map((l) => l.epoch), [1, 2, 3]);
  assert.equal(r.epochs, 3);
  assert.equal(r.stoppedBy, 'callback');
  assert.deepEqual(r.history, seen);
});

test('bad data and options are clear errors', async () => {
  const train = separable(10, 9);
  const base = { epochs: 1, batchSize: 4, optimizer: { kind: 'adam' as const, lr: 1e-3 }, seed: 1 };
  await assert.rejects(fit(net(), { ...train, y: train.y.map((v, i) => (i === 4 ? 2 : v)) }, base), /train\.y\[4\] must be 0 or 1\. Got 2/);
  await assert.rejects(fit(net(), { ...train, n: 11 }, base), ValidationError);
  await assert.rejects(fit(net(), train, { ...base, epochs: 0 }), /'epochs' option must be an integer ≥ 1. Got 0/);
  await assert.rejects(fit(net(), train, { ...base, optimizer: { kind: 'adam', lr: -1 } }), /'lr' must be a positive number/);
  await assert.rejects(fit(net(), train, { ...base, earlyStopping: { patience: 0 } }), /patience/);
});

test('a learning rate that blows up is reported as divergence, not NaN weights', async () => {
  const train = separable(200, 10);
  await assert.rejects(
    fit(net({ activation: 'linear' }), train, { epochs: 5, batchSize: 10, optimizer: { kind: 'sgd', lr: 1e6, momentum: 0.9 }, seed: 1 }),
    (e: unknown) => (e as { code?: string }).code === 'E_DIVERGED' && /Lower the learning rate/.test((e as Error).message),
  );
});
