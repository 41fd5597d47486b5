import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  createGradientSource, hasParallelGradientSource, registerParallelGradientSource, SingleThreadGradientSource,
  type GradientSourceContext, type GradientSourceFactory,
} from '../../src/nn/gradient-source.js';
import { fit } from '../../src/nn/fit.js';
import { Mlp } from '../../src/nn/mlp.js';
import { createTsKernels } from '../../src/nn/kernels-ts.js';
import { TrainingRows } from '../../src/nn/training-rows.js';
import { createRng } from '../../src/random.js';

const kernels = createTsKernels();
const config = { inputs: 3, hidden: [4], activation: 'relu' as const, dropout: 0, init: 'kaiming' as const };

function rows(n: number): { X: Float32Array; y: Float32Array } {
  const rng = createRng(1);
  return { X: kernels.alloc(n * 3).map(() => rng.normal()), y: kernels.alloc(n).map((_, i) => i % 2) };
}

function context(network: Mlp, X: Float32Array, y: Float32Array, n: number): GradientSourceContext {
  return { network, data: TrainingRows.pack(kernels, X, y, n, 3), batchSize: 8, loss: { posWeight: 1, focalGamma: 0 }, threads: 1, seed: 1 };
}

test('the single-thread source computes the gradient of exactly the indexed rows', () => {
  const a = new Mlp(config, { seed: 1, kernels }), b = new Mlp(config, { seed: 1, kernels });
  const { X, y } = rows(20);
  const ctx = context(a, X, y, 20);
  const idx = Int32Array.of(17, 3, 3, 9, 0);
  const loss = createGradientSource(ctx).compute(idx, idx.length);
  // The same rows gathered by hand give the same loss and gradient.
  const xs = kernels.alloc(15), ys = kernels.alloc(5);
  idx.forEach((r, i) => {
    xs.set(X.subarray(r * 3, r * 3 + 3), i * 3);
    ys[i] = y[r];
  });
  assert.equal(b.forwardBackward(xs, ys, 5, ctx.loss), loss);
  assert.deepEqual(a.grads, b.grads);
});

test('fit uses a registered parallel source only when threads > 1', async () => {
  let batches = 0;
  const counting: GradientSourceFactory = (ctx) => {
    const inner = new SingleThreadGradientSource(ctx);
    return { compute: (idx, n) => (batches++, inner.compute(idx, n)), dispose: () => inner.dispose() };
  };
  const previous = registerParallelGradientSource(counting);
  assert.equal(hasParallelGradientSource(), true);
  try {
    const network = new Mlp(config, { seed: 1, kernels });
    const { X, y } = rows(40);
    const options = { epochs: 2, batchSize: 10, optimizer: { kind: 'adam' as const, lr: 1e-3 }, seed: 1 };
    await fit(network, { X, y, n: 40 }, options);
    assert.equal(batches, 0, 'threads 1: the single-thread source');
    const twoThreads = new Mlp(config, { seed: 1, kernels });
    await fit(twoThreads, { X, y, n: 40 }, { ...options, threads: 2 });
    assert.equal(batches, 8, 'threads 2: the registered source, once per batch');
    assert.deepEqual(twoThreads.getWeights(), network.getWeights());
  } finally {
    registerParallelGradientSource(previous);
  }
});
