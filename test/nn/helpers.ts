// Shared by the nn tests: random data, a linearly separable problem, and the finite-difference
// gradient check every engine must pass.

import assert from 'node:assert/strict';
import type { Activation, Kernels } from '../../src/nn/kernels.js';
import { Mlp } from '../../src/nn/mlp.js';
import { createRng } from '../../src/random.js';
import { mlpLoss64 } from './reference-f64.js';

/** n rows of d standard-normal features and labels that are 1 with probability 0.4 (no signal). */
export function randomData(n: number, d: number, seed: number): { X: Float32Array; y: Float32Array } {
  const rng = createRng(seed);
  const X = new Float32Array(n * d).map(() => rng.normal());
  const y = new Float32Array(n).map(() => (rng.next() < 0.4 ? 1 : 0));
  return { X, y };
}

/** n rows of 7 standard-normal features labelled by a noisy linear rule: a network learns it. */
export function separableData(n: number, seed: number): { X: Float32Array; y: Float32Array; n: number } {
  const d = 7;
  const rng = createRng(seed);
  const X = new Float32Array(n * d), y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < d; j++) {
      const v = rng.normal();
      X[i * d + j] = v;
      s += v * (j - 3);
    }
    y[i] = s + rng.normal() > 0 ? 1 : 0;
  }
  return { X, y, n };
}

/**
 * Finite-difference gradient check: the Mlp's analytic float32 gradient on `kernels` against central
 * differences of an independent float64 forward pass (reference-f64.ts) at the same weights.
 */
export function gradientCheck(kernels: Kernels, act: Activation, hidden: number[], n: number, posWeight: number, focalGamma: number): void {
  const inputs = 3;
  const net = new Mlp({ inputs, hidden, activation: act, dropout: 0, init: 'kaiming' }, { seed: 5, kernels });
  // Non-zero biases so every layer's bias gradient is exercised away from the ReLU kink.
  const rng = createRng(9);
  const w = net.getWeights().map((v) => v + 0.1 * rng.normal());
  net.setWeights(w);
  const { X, y } = randomData(n, inputs, 21);
  const xb = kernels.alloc(n * inputs);
  xb.set(X);
  const yb = kernels.alloc(n);
  yb.set(y);
  const loss = net.forwardBackward(xb, yb, n, { posWeight, focalGamma });
  const sizes = [inputs, ...hidden, 1];
  const params = Float64Array.from(w);
  const ref = mlpLoss64(params, sizes, act, X, y, n, posWeight, focalGamma);
  assert.ok(Math.abs(loss - ref) <= 1e-5 * Math.abs(ref), `loss ${loss} vs float64 ${ref}`);
  const eps = 1e-6;
  let errNorm = 0, refNorm = 0;
  for (let i = 0; i < params.length; i++) {
    const keep = params[i];
    params[i] = keep + eps;
    const up = mlpLoss64(params, sizes, act, X, y, n, posWeight, focalGamma);
    params[i] = keep - eps;
    const down = mlpLoss64(params, sizes, act, X, y, n, posWeight, focalGamma);
    params[i] = keep;
    const numeric = (up - down) / (2 * eps);
    const err = Math.abs(net.grads[i] - numeric);
    assert.ok(err <= 1e-5 + 1e-3 * Math.abs(numeric), `param ${i}: analytic ${net.grads[i]}, numeric ${numeric}`);
    errNorm += err * err;
    refNorm += numeric * numeric;
  }
  assert.ok(Math.sqrt(errNorm / refNorm) < 1e-4, `relative gradient error ${Math.sqrt(errNorm / refNorm)}`);
  net.dispose();
}
