import { test } from 'node:test';
import assert from 'node:assert/strict';
import { WarmupEarlyStopping, warmupEpochs } from '../../src/model/early-stop.js';
import { Mlp } from '../../src/nn/mlp.js';
import { getKernels } from '../../src/nn/engine.js';

const log = (epoch: number, valLoss: number) => ({ epoch, loss: 1, valLoss, seconds: 0, samplesPerSecond: 0 });

test('epochs inside the warm-up are never best; patience counts after it; best weights come back', () => {
  const net = new Mlp({ inputs: 2, hidden: [3], activation: 'relu', dropout: 0, init: 'kaiming' }, { seed: 1, kernels: getKernels('ts') });
  const stop = new WarmupEarlyStopping(net, 3, 2);
  assert.equal(stop.onEpochEnd(log(1, 0.01)), undefined); // lowest of all, but inside the warm-up
  assert.equal(stop.onEpochEnd(log(2, 0.5)), undefined);
  assert.equal(stop.onEpochEnd(log(3, 0.3)), undefined);
  const atBest = net.getWeights();
  net.params.fill(0.5);
  assert.equal(stop.onEpochEnd(log(4, 0.4)), undefined);
  assert.equal(stop.onEpochEnd(log(5, 0.35)), 'stop');
  assert.equal(stop.restoreBest(), 3);
  assert.deepEqual(net.getWeights(), atBest);
});

test('training loss is watched without validation; warm-up length', () => {
  const net = new Mlp({ inputs: 1, hidden: [], activation: 'relu', dropout: 0, init: 'kaiming' }, { seed: 1, kernels: getKernels('ts') });
  const stop = new WarmupEarlyStopping(net, 1, 1);
  stop.onEpochEnd({ epoch: 1, loss: 0.2, seconds: 0, samplesPerSecond: 0 });
  assert.equal(stop.bestValue, 0.2);
  assert.equal(warmupEpochs(50), 13);
  assert.equal(warmupEpochs(8), 5);
  assert.equal(warmupEpochs(3), 3);
});
