// A two-parameter "network" (flat params + grads) for checking update rules by hand.
import { createTsKernels } from '../../../src/nn/kernels-ts.js';
import { createOptimizer, type OptimizerSpec } from '../../../src/nn/optimizers/optimizer.js';
import assert from 'node:assert/strict';

export function stepper(spec: OptimizerSpec, p0: number[]) {
  const kernels = createTsKernels();
  const params = Float32Array.from(p0), grads = new Float32Array(p0.length);
  const opt = createOptimizer(spec, { params, grads, kernels });
  return {
    params,
    step(g: number[]) {
      grads.set(g);
      opt.step();
      return Array.from(params);
    },
  };
}

export function near(got: number[], want: number[], tol = 1e-6): void {
  got.forEach((v, i) => assert.ok(Math.abs(v - want[i]) <= tol, `[${i}] got ${v}, want ${want[i]}`));
}
