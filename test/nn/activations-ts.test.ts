import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyActivation, geluDerivative, multiplyByActivationDerivative } from '../../src/nn/activations-ts.js';
import { ACTIVATIONS } from '../../src/nn/kernels.js';
import { act64 } from './reference-f64.js';

const zs = [-3, -1.25, -0.5, -0.01, 0.02, 0.5, 1, 2.75, 6];

test('values: relu, leaky_relu (slope 0.01), gelu tanh form, linear', () => {
  const pre = Float32Array.from(zs);
  for (const act of ACTIVATIONS) {
    const out = new Float32Array(zs.length);
    applyActivation(pre, out, zs.length, act);
    out.forEach((v, i) => assert.ok(Math.abs(v - act64(pre[i], act)) < 1e-6, `${act}(${pre[i]})`));
  }
  const out = new Float32Array(3);
  applyActivation(Float32Array.of(-2, 0, 2), out, 3, 'leaky_relu');
  assert.deepEqual(Array.from(out), [Math.fround(-0.02), 0, 2]);
  // gelu(1) from the tanh formula by hand: 0.5·(1 + tanh(√(2/π)·1.044715)) = 0.841192
  applyActivation(Float32Array.of(1), out, 1, 'gelu');
  assert.ok(Math.abs(out[0] - 0.841192) < 1e-6);
});

test('derivatives agree with central differences (float64) away from kinks', () => {
  for (const act of ACTIVATIONS) {
    for (const z of zs) {
      const d = Float32Array.of(1);
      multiplyByActivationDerivative(Float32Array.of(z), d, 1, act);
      const h = 1e-5;
      const zf = Math.fround(z);
      const numeric = (act64(zf + h, act) - act64(zf - h, act)) / (2 * h);
      assert.ok(Math.abs(d[0] - numeric) < 1e-6, `${act}'(${z}): ${d[0]} vs ${numeric}`);
    }
  }
  const h = 1e-6;
  for (const z of [-4, -0.3, 0, 0.7, 3]) {
    const numeric = (act64(z + h, 'gelu') - act64(z - h, 'gelu')) / (2 * h);
    assert.ok(Math.abs(geluDerivative(z) - numeric) < 1e-8, `gelu'(${z})`);
  }
});

test('multiplyByActivationDerivative scales the incoming gradient in place', () => {
  const d = Float32Array.of(2, 2, 2);
  multiplyByActivationDerivative(Float32Array.of(-1, 0, 1), d, 3, 'relu');
  assert.deepEqual(Array.from(d), [0, 0, 2]);
});
