import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EarlyStopping } from '../../src/nn/early-stopping.js';

test('stops after `patience` epochs without improvement and keeps the best weights', () => {
  const es = new EarlyStopping({ patience: 2 });
  const w = (v: number) => () => Float32Array.of(v);
  assert.equal(es.update(1, 0.5, w(1)), false);
  assert.equal(es.update(2, 0.4, w(2)), false);
  assert.equal(es.update(3, 0.45, w(3)), false);
  assert.equal(es.update(4, 0.41, w(4)), true);
  assert.equal(es.bestEpoch, 2);
  assert.deepEqual(es.bestWeights, Float32Array.of(2));
});

test('minDelta: smaller improvements do not count; restoreBest false keeps no copy', () => {
  const es = new EarlyStopping({ patience: 1, minDelta: 0.1, restoreBest: false });
  let copies = 0;
  assert.equal(es.update(1, 1, () => (copies++, new Float32Array(1))), false);
  assert.equal(es.update(2, 0.95, () => (copies++, new Float32Array(1))), true);
  assert.equal(es.bestEpoch, 1);
  assert.equal(copies, 0);
  assert.equal(es.bestWeights, null);
});

test('startFromEpoch: earlier epochs are neither best nor counted against patience', () => {
  const es = new EarlyStopping({ patience: 1, startFromEpoch: 3 });
  assert.equal(es.update(1, 0.1, () => Float32Array.of(1)), false);
  assert.equal(es.update(2, 0.9, () => Float32Array.of(2)), false);
  assert.equal(es.update(3, 0.5, () => Float32Array.of(3)), false);
  assert.equal(es.update(4, 0.6, () => Float32Array.of(4)), true);
  assert.equal(es.bestEpoch, 3);
  assert.deepEqual(es.bestWeights, Float32Array.of(3));
  assert.throws(() => new EarlyStopping({ patience: 1, startFromEpoch: 0 }), /startFromEpoch/);
});

test('bad patience or minDelta is refused', () => {
  assert.throws(() => new EarlyStopping({ patience: 0 }), /patience' must be an integer ≥ 1. Got 0/);
  assert.throws(() => new EarlyStopping({ patience: 1.5 }), /patience/);
  assert.throws(() => new EarlyStopping({ patience: 1, minDelta: -1 }), /minDelta/);
});
