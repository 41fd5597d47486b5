// The WebAssembly SIMD kernels: the shared Kernels contract, a finite-difference gradient check
// through an Mlp on wasm kernels, ts and wasm training from the same weights giving the same loss
// curve, and the wasm engine's own concerns (allocator, views surviving memory growth, errors).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createWasmKernels } from '../../src/nn/kernels-wasm.js';
import { createTsKernels } from '../../src/nn/kernels-ts.js';
import { getKernels } from '../../src/nn/engine.js';
import { ACTIVATIONS, type Activation, type Kernels } from '../../src/nn/kernels.js';
import { Mlp, CHUNK_ROWS } from '../../src/nn/mlp.js';
import { fit } from '../../src/nn/fit.js';
import { createRng } from '../../src/random.js';
import { isTracehoundError } from '../../src/errors.js';
import { runKernelContract } from './kernels-contract.js';
import { mlpLoss64 } from './reference-f64.js';

runKernelContract('wasm', () => createWasmKernels());

function data(n: number, d: number, seed: number) {
  const rng = createRng(seed);
  const X = new Float32Array(n * d).map(() => rng.normal());
  const y = new Float32Array(n).map(() => (rng.next() < 0.4 ? 1 : 0));
  return { X, y };
}

function gradientCheck(kernels: Kernels, act: Activation, hidden: number[], n: number, posWeight: number, focalGamma: number): void {
  const inputs = 3;
  const net = new Mlp({ inputs, hidden, activation: act, dropout: 0, init: 'kaiming' }, { seed: 5, kernels });
  const rng = createRng(9);
  const w = net.getWeights().map((v) => v + 0.1 * rng.normal());
  net.setWeights(w);
  const { X, y } = data(n, inputs, 21);
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

const wasm = createWasmKernels();
for (const act of ACTIVATIONS) {
  test(`wasm gradient check: ${act} hidden layers, plain BCE`, () => gradientCheck(wasm, act, [5, 4], 9, 1, 0));
}
test('wasm gradient check: posWeight and focal loss', () => {
  gradientCheck(wasm, 'relu', [6], 11, 3.5, 0);
  gradientCheck(wasm, 'gelu', [4, 3], 11, 1, 2);
  gradientCheck(wasm, 'leaky_relu', [4], 10, 2.5, 0.5);
});
test('wasm gradient check: widths that fill the SIMD blocks, over several chunks', () => {
  gradientCheck(wasm, 'relu', [9, 8], CHUNK_ROWS + 37, 1.5, 0);
});

test('ts and wasm train from the same initial weights to the same loss curve', async () => {
  const n = 3000, d = 7;
  const rng = createRng(11);
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
  const config = { inputs: d, hidden: [64, 32], activation: 'relu' as const, dropout: 0, init: 'kaiming' as const };
  const start = new Mlp(config, { seed: 3, kernels: createTsKernels() }).getWeights();
  const curves: number[][] = [];
  const finals: Float32Array[] = [];
  for (const kernels of [createTsKernels(), createWasmKernels()]) {
    const net = new Mlp(config, { kernels, weights: start });
    const r = await fit(net, { X, y, n }, { epochs: 6, batchSize: 256, optimizer: { kind: 'adam', lr: 3e-3 }, seed: 8, threads: 1 });
    curves.push(r.history.map((e) => e.loss));
    finals.push(net.getWeights());
    net.dispose();
  }
  const [ts, wa] = curves;
  assert.equal(ts.length, 6);
  assert.ok(ts[5] < 0.7 * ts[0], `the network learns: ${ts.join(', ')}`);
  for (let e = 0; e < ts.length; e++) {
    assert.ok(Math.abs(ts[e] - wa[e]) <= 1e-3 * ts[e], `epoch ${e + 1}: ts ${ts[e]} vs wasm ${wa[e]}`);
  }
  let maxDiff = 0;
  for (let i = 0; i < finals[0].length; i++) maxDiff = Math.max(maxDiff, Math.abs(finals[0][i] - finals[1][i]));
  assert.ok(maxDiff < 1e-2, `weights after 72 steps differ by at most ${maxDiff}`);
});

test('buffers stay valid when the memory grows, and freed space is reused zeroed', () => {
  const K = createWasmKernels();
  const a = K.alloc(10);
  a.set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const bytesBefore = K.heap.memory.buffer.byteLength;
  const big = K.alloc(4 * 1024 * 1024); // 16 MiB: more than the initial memory, forces growth
  assert.ok(K.heap.memory.buffer.byteLength > bytesBefore);
  assert.deepEqual(Array.from(a), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const out = K.alloc(10);
  K.mulInPlace(a, a, 10); // the old view still reaches the kernels
  assert.deepEqual(Array.from(a), [1, 4, 9, 16, 25, 36, 49, 64, 81, 100]);
  big[big.length - 1] = 7;
  assert.equal(big[big.length - 1], 7);
  K.free(big);
  const again = K.alloc(1024);
  assert.ok(again.every((v) => v === 0), 'reused memory is zeroed');
  assert.equal(again.byteOffset % 16, 0, '16-byte aligned for v128');
  const inUse = K.heap.bytesInUse;
  K.free(again);
  K.free(out);
  K.free(a);
  assert.equal(K.heap.bytesInUse, 0);
  assert.ok(inUse > 0);
  assert.throws(() => K.free(a), /no buffer allocated/);
});

test('a buffer not from the wasm kernels is refused with a clear error', () => {
  const K = createWasmKernels();
  const mine = K.alloc(4);
  assert.throws(
    () => K.mulInPlace(new Float32Array(4), mine, 4),
    (e: unknown) => isTracehoundError(e) && e.code === 'E_WASM_BUFFER' && /kernels\.alloc/.test(e.message),
  );
});

test('a missing .wasm says to run npm run build:wasm', () => {
  const path = join(tmpdir(), `tracehound-missing-${process.pid}.wasm`);
  assert.throws(
    () => createWasmKernels({ wasmPath: path }),
    (e: unknown) => isTracehoundError(e) && e.code === 'E_WASM_NOT_BUILT' && e.message.includes('npm run build:wasm') && e.message.includes(path),
  );
});

test('getKernels selects the wasm engine by name', () => {
  assert.equal(getKernels('wasm').engine, 'wasm');
});
