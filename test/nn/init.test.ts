import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initialiseParameters, kaimingGain } from '../../src/nn/init.js';
import { layerLayout, parameterCount } from '../../src/nn/mlp-config.js';
import { createRng } from '../../src/random.js';

function stats(a: Float32Array) {
  const mean = a.reduce((s, v) => s + v, 0) / a.length;
  const variance = a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length;
  return { mean, variance };
}

test('kaiming: N(0, gain²/fan_in) per layer, biases zero', () => {
  const config = { inputs: 200, hidden: [300], activation: 'relu' as const, dropout: 0, init: 'kaiming' as const };
  const layers = layerLayout(config);
  const p = new Float32Array(parameterCount(config)).fill(9);
  initialiseParameters(p, layers, 'kaiming', createRng(1));
  const w0 = stats(p.subarray(layers[0].wOffset, layers[0].bOffset));
  assert.ok(Math.abs(w0.mean) < 0.003);
  assert.ok(Math.abs(w0.variance / (2 / 200) - 1) < 0.03, `variance ratio ${w0.variance / (2 / 200)}`);
  const w1 = stats(p.subarray(layers[1].wOffset, layers[1].bOffset));
  assert.ok(Math.abs(w1.variance / (1 / 300) - 1) < 0.2, 'linear output layer: gain 1');
  assert.ok(p.subarray(layers[0].bOffset, layers[1].wOffset).every((v) => v === 0));
  assert.equal(p[p.length - 1], 0);
  assert.ok(Math.abs(kaimingGain('leaky_relu') - Math.sqrt(2 / 1.0001)) < 1e-12);
});

test('xavier: U(±√(6/(fan_in+fan_out))) with the matching variance', () => {
  const config = { inputs: 100, hidden: [200], activation: 'gelu' as const, dropout: 0, init: 'xavier' as const };
  const layers = layerLayout(config);
  const p = new Float32Array(parameterCount(config));
  initialiseParameters(p, layers, 'xavier', createRng(2));
  const w = p.subarray(layers[0].wOffset, layers[0].bOffset);
  const bound = Math.sqrt(6 / 300);
  assert.ok(w.every((v) => Math.abs(v) <= bound));
  assert.ok(Math.abs(stats(w).variance / (bound * bound / 3) - 1) < 0.03);
});
