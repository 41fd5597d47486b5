import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mlp, CHUNK_ROWS } from '../../src/nn/mlp.js';
import { createTsKernels } from '../../src/nn/kernels-ts.js';
import { ACTIVATIONS } from '../../src/nn/kernels.js';
import { ValidationError } from '../../src/errors.js';
import { gradientCheck, randomData } from './helpers.js';

const kernels = createTsKernels();

for (const act of ACTIVATIONS) {
  test(`gradient check: ${act} hidden layers, plain BCE`, () => gradientCheck(kernels, act, [5, 4], 9, 1, 0));
}
test('gradient check: posWeight', () => gradientCheck(kernels, 'relu', [6], 11, 3.5, 0));
test('gradient check: focal loss', () => gradientCheck(kernels, 'gelu', [4, 3], 11, 1, 2));
test('gradient check: focal loss with posWeight', () => gradientCheck(kernels, 'leaky_relu', [4], 10, 2.5, 0.5));
test('gradient check: no hidden layer (logistic regression)', () => gradientCheck(kernels, 'relu', [], 8, 1, 0));
test('gradient check: a batch over several chunks accumulates', () => gradientCheck(kernels, 'relu', [3], CHUNK_ROWS * 2 + 37, 1.5, 0));

test('layout: W then b per layer, paramCount, toJSON', () => {
  const net = new Mlp({ inputs: 7, hidden: [64, 32], activation: 'relu', dropout: 0, init: 'kaiming' }, { kernels });
  assert.equal(net.paramCount, 7 * 64 + 64 + 64 * 32 + 32 + 32 + 1);
  assert.deepEqual(net.layout().map((l) => [l.wOffset, l.bOffset, l.activation]), [[0, 448, 'relu'], [512, 2560, 'relu'], [2592, 2624, 'linear']]);
  const w = net.getWeights();
  assert.ok(w.subarray(448, 512).every((v) => v === 0), 'biases start at zero');
  assert.ok(w.subarray(0, 448).some((v) => v !== 0));
  assert.deepEqual(net.toJSON(), { inputs: 7, hidden: [64, 32], activation: 'relu', dropout: 0, init: 'kaiming' });
});

test('predictProba equals σ of a hand-computed forward pass on the flat layout, over several chunks', () => {
  const net = new Mlp({ inputs: 2, hidden: [3], activation: 'relu', dropout: 0.5, init: 'xavier' }, { kernels });
  // W0 [2×3], b0 [3], W1 [3×1], b1 [1]
  net.setWeights(Float32Array.from([1, -1, 0.5, 2, 0, -1, 0.1, 0.2, 0.3, 1, -2, 0.5, -0.25]));
  const n = CHUNK_ROWS + 5;
  const X = new Float32Array(n * 2).map((_, i) => ((i * 37) % 11) / 5 - 1);
  const p = net.predictProba(X, n);
  for (let r = 0; r < n; r++) {
    const a = X[2 * r], b = X[2 * r + 1];
    const h = [a * 1 + b * 2 + 0.1, a * -1 + b * 0 + 0.2, a * 0.5 + b * -1 + 0.3].map((v) => Math.max(0, v));
    const z = h[0] * 1 + h[1] * -2 + h[2] * 0.5 - 0.25;
    assert.ok(Math.abs(p[r] - 1 / (1 + Math.exp(-z))) < 1e-6, `row ${r}`);
  }
  const again = net.predictProba(X, n);
  assert.deepEqual(again, p, 'inference uses no dropout: repeatable');
  const logits = net.predictLogits(X, 3);
  assert.ok(Math.abs(1 / (1 + Math.exp(-logits[0])) - p[0]) < 1e-7);
});

test('dropout: active only in training, inverted scaling, dropped units get no gradient', () => {
  const cfg = { inputs: 4, hidden: [200], activation: 'linear' as const, dropout: 0.3, init: 'kaiming' as const };
  const n = 64;
  const { X, y } = randomData(n, 4, 3);
  const xb = kernels.alloc(n * 4);
  xb.set(X);
  const withDrop = new Mlp(cfg, { seed: 1, kernels });
  const noDrop = new Mlp({ ...cfg, dropout: 0 }, { seed: 1, kernels, weights: withDrop.getWeights() });
  withDrop.forwardBackward(xb, y, n, { posWeight: 1, focalGamma: 0 });
  const gDrop = Float32Array.from(withDrop.grads);
  withDrop.forwardBackward(xb, y, n, { posWeight: 1, focalGamma: 0 });
  assert.notDeepEqual(Float32Array.from(withDrop.grads), gDrop, 'a fresh mask per call');
  noDrop.forwardBackward(xb, y, n, { posWeight: 1, focalGamma: 0 });
  // Output-layer weight j gets Σ_rows dz·h_j·mask: some units are dropped for every row of a batch
  // rarely, but the gradient of W1 must differ from the no-dropout one.
  const w1 = noDrop.layout()[1].wOffset;
  assert.notDeepEqual(gDrop.subarray(w1, w1 + 200), noDrop.grads.subarray(w1, w1 + 200));
  assert.deepEqual(withDrop.predictProba(X, n), noDrop.predictProba(X, n), 'no dropout at inference');
  // Inverted dropout keeps the mean activation: mean output of a linear layer with and without masks.
  const one = new Mlp({ inputs: 1, hidden: [2000], activation: 'linear', dropout: 0.3, init: 'kaiming' }, { seed: 2, kernels });
  const w = one.getWeights();
  w.fill(1, 0, 2000); // W0 = 1, b0 = 0 → hidden units all equal x
  w.fill(1 / 2000, 4000, 6000); // W1 averages the hidden units
  w[6000] = 0;
  one.setWeights(w);
  const x1 = kernels.alloc(1);
  x1[0] = 1;
  const lossDropped = one.forwardBackward(x1, Float32Array.of(1), 1, { posWeight: 1, focalGamma: 0 });
  const expected = Math.log1p(Math.exp(-1)); // logit 1 on average
  assert.ok(Math.abs(lossDropped - expected) < 0.03, `mean-preserving: ${lossDropped} vs ${expected}`);
  // One row: a dropped hidden unit contributes nothing, so its bias gradient is exactly 0.
  const gB0 = one.grads.subarray(2000, 4000);
  const zeros = gB0.filter((v) => v === 0).length;
  assert.ok(zeros > 0.25 * 2000 && zeros < 0.35 * 2000, `${zeros} of 2000 units dropped at p=0.3`);
  const kept = gB0.find((v) => v !== 0)!;
  assert.ok(gB0.every((v) => v === 0 || Math.abs(v - kept) < 1e-9), 'kept units share the scaled gradient');
});

test('same seed, same initial weights; another seed, others; xavier stays in its bound', () => {
  const cfg = { inputs: 7, hidden: [16], activation: 'relu' as const, dropout: 0, init: 'xavier' as const };
  const a = new Mlp(cfg, { seed: 3, kernels }).getWeights();
  assert.deepEqual(new Mlp(cfg, { seed: 3, kernels }).getWeights(), a);
  assert.notDeepEqual(new Mlp(cfg, { seed: 4, kernels }).getWeights(), a);
  const bound = Math.sqrt(6 / (7 + 16));
  assert.ok(a.subarray(0, 7 * 16).every((v) => Math.abs(v) <= bound));
});

test('bad weights, bad inputs and bad configs are clear errors', () => {
  const net = new Mlp({ inputs: 3, hidden: [4], activation: 'relu', dropout: 0, init: 'kaiming' }, { kernels });
  assert.throws(() => net.setWeights(new Float32Array(5)), (e: unknown) => e instanceof ValidationError && /length 5.*21 parameters.*3→4→1/.test(e.message));
  assert.throws(() => net.predictProba(new Float32Array(5), 2), ValidationError);
  assert.throws(() => new Mlp({ inputs: 3, hidden: [64, 0], activation: 'relu', dropout: 0, init: 'kaiming' }), /'hidden' option must be a list of positive integers. Got \[64,0\]/);
});

test('forwardBackward with accumulate adds its gradient to what grads holds', () => {
  const net = new Mlp({ inputs: 3, hidden: [4], activation: 'relu', dropout: 0, init: 'kaiming' }, { seed: 2, kernels });
  const { X, y } = randomData(10, 3, 5);
  const loss = { posWeight: 1, focalGamma: 0 };
  net.forwardBackward(X.subarray(15), y.subarray(5), 5, loss, 10);
  const second = Float32Array.from(net.grads);
  net.forwardBackward(X.subarray(0, 15), y.subarray(0, 5), 5, loss, 10);
  const first = Float32Array.from(net.grads);
  net.forwardBackward(X.subarray(15), y.subarray(5), 5, loss, 10, true);
  // The ts kernels add each product into gW as they go, so the sum matches to rounding (the wasm
  // kernels add a chunk's sum once: exact, test/nn/kernels-wasm.test.ts).
  net.grads.forEach((v, i) => assert.ok(Math.abs(v - (first[i] + second[i])) <= 1e-6, `grads[${i}]: ${v} vs ${first[i] + second[i]}`));
  assert.ok(second.some((v) => v !== 0) && first.some((v, i) => v !== net.grads[i]));
});
