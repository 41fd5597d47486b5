// The WebAssembly SIMD kernels: the shared Kernels contract, a finite-difference gradient check
// through an Mlp on wasm kernels, ts and wasm training from the same weights giving the same loss
// curve, and the wasm engine's own concerns (allocator, views surviving memory growth, errors).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createWasmKernels, WASM_FMA_PATH, WASM_PATH } from '../../src/nn/kernels-wasm.js';
import { createTsKernels } from '../../src/nn/kernels-ts.js';
import { getKernels } from '../../src/nn/engine.js';
import { ACTIVATIONS, type Activation, type Kernels } from '../../src/nn/kernels.js';
import { Mlp, CHUNK_ROWS } from '../../src/nn/mlp.js';
import { fit } from '../../src/nn/fit.js';
import { createRng } from '../../src/random.js';
import { DROPOUT_STATE_WORDS, seedDropoutState } from '../../src/nn/dropout-ts.js';
import { isTracehoundError } from '../../src/errors.js';
import { runKernelContract } from './kernels-contract.js';
import { gradientCheck, separableData } from './helpers.js';

runKernelContract('wasm', () => createWasmKernels());
runKernelContract('wasm, plain SIMD build (no fused multiply-add)', () => createWasmKernels({ fma: false }));

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

for (const dropout of [0, 0.2]) {
  test(`ts and wasm train from the same initial weights to the same loss curve (dropout ${dropout})`, async () => {
    const d = 7;
    const { X, y, n } = separableData(3000, 11);
    const config = { inputs: d, hidden: [64, 32], activation: 'relu' as const, dropout, init: 'kaiming' as const };
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
}

test('ts and wasm draw the same dropout masks from the same state', () => {
  const ts = createTsKernels(), wasm = createWasmKernels();
  const n = 4099;
  const sTs = ts.allocInt32(DROPOUT_STATE_WORDS), sWasm = wasm.allocInt32(DROPOUT_STATE_WORDS);
  seedDropoutState(sTs, createRng(21));
  seedDropoutState(sWasm, createRng(21));
  const values = Float32Array.from({ length: n }, (_, i) => Math.sin(i) * 3);
  for (const keep of [0.9, 0.5, 0.13]) {
    const oTs = ts.alloc(n), oWasm = wasm.alloc(n), mTs = ts.alloc(n), mWasm = wasm.alloc(n);
    oTs.set(values);
    oWasm.set(values);
    ts.dropoutForward(oTs, mTs, n, keep, sTs);
    wasm.dropoutForward(oWasm, mWasm, n, keep, sWasm);
    assert.deepEqual(mWasm, mTs, `masks, keep ${keep}`);
    assert.deepEqual(oWasm, oTs, `outputs, keep ${keep}`);
    assert.deepEqual(Array.from(sWasm), Array.from(sTs), `states after, keep ${keep}`);
  }
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

test('the default wasm engine runs the fused multiply-add build unless TRACEHOUND_WASM_FMA=0; { fma: false } the plain one', () => {
  // TRACEHOUND_WASM_FMA=0 is how a user (or CI's plain-kernel run) opts out; otherwise FMA is the default.
  const expected = process.env.TRACEHOUND_WASM_FMA === '0' ? WASM_PATH : WASM_FMA_PATH;
  assert.equal(createWasmKernels().wasmPath, expected, 'build/kernels-fma.wasm is built by npm run build:wasm and compiles on Node 20');
  assert.equal(createWasmKernels({ fma: true }).wasmPath, WASM_FMA_PATH);
  assert.equal(createWasmKernels({ fma: false }).wasmPath, WASM_PATH);
  assert.equal(getKernels('wasm').engine, 'wasm');
});

/** x, w, pre, dOut and the gradient buffers of one dense layer over n rows, deterministic values. */
function layerBuffers(K: Kernels, n: number, k: number, m: number, seed: number) {
  const rng = createRng(seed);
  const mk = (len: number) => {
    const a = K.alloc(len);
    for (let i = 0; i < len; i++) a[i] = rng.normal();
    return a;
  };
  return { x: mk(n * k), w: mk(k * m), pre: mk(n * m), d: mk(n * m), gW: mk(k * m), gB: mk(m), dX: mk(n * k) };
}

test('backward over two chunks with accumulate gives the floats of adding the chunks\' own gradients (the two-thread identity)', () => {
  // The default network's layers (row tiles, the single-output pass), a tail column and a layer too
  // large for the tiled path; each chunk spans several row tiles.
  const shapes: Array<[number, number, Activation, boolean]> = [[7, 64, 'relu', false], [64, 32, 'relu', true], [32, 1, 'linear', true], [9, 13, 'leaky_relu', true], [5, 6, 'gelu', true], [130, 100, 'relu', true]];
  for (const fma of [true, false]) {
    const K = createWasmKernels({ fma });
    for (const [k, m, act, withDX] of shapes) {
      const n = 300;
      const a = layerBuffers(K, 2 * n, k, m, 1), b = layerBuffers(K, 2 * n, k, m, 1);
      const half = (buf: Float32Array, width: number, h: number) => buf.subarray(h * n * width, (h + 1) * n * width);
      // a: first chunk written, second accumulated onto it (one thread).
      K.denseBackward(half(a.x, k, 0), a.w, half(a.pre, m, 0), half(a.d, m, 0), a.gW, a.gB, withDX ? half(a.dX, k, 0) : null, n, k, m, act, false);
      K.denseBackward(half(a.x, k, 1), a.w, half(a.pre, m, 1), half(a.d, m, 1), a.gW, a.gB, withDX ? half(a.dX, k, 1) : null, n, k, m, act, true);
      // b: each chunk on its own, then added as the parallel reduction adds a worker's gradient.
      K.denseBackward(half(b.x, k, 0), b.w, half(b.pre, m, 0), half(b.d, m, 0), b.gW, b.gB, withDX ? half(b.dX, k, 0) : null, n, k, m, act, false);
      const gW0 = Float32Array.from(b.gW), gB0 = Float32Array.from(b.gB);
      K.denseBackward(half(b.x, k, 1), b.w, half(b.pre, m, 1), half(b.d, m, 1), b.gW, b.gB, withDX ? half(b.dX, k, 1) : null, n, k, m, act, false);
      const what = `${k}→${m} ${act}${fma ? ' fma' : ''}`;
      assert.ok(a.gW.every((v, i) => Object.is(v, Math.fround(gW0[i] + b.gW[i]))), `gW, ${what}`);
      assert.ok(a.gB.every((v, i) => Object.is(v, Math.fround(gB0[i] + b.gB[i]))), `gB, ${what}`);
      assert.ok(a.d.every((v, i) => Object.is(v, b.d[i])), `dPre, ${what}`);
      if (withDX) assert.ok(a.dX.every((v, i) => Object.is(v, b.dX[i])), `dX, ${what}`);
    }
  }
});

test('the fused multiply-add and plain builds agree to float32 rounding on the default layers', () => {
  const F = createWasmKernels({ fma: true }), P = createWasmKernels({ fma: false });
  for (const [k, m, act] of [[7, 64, 'relu'], [64, 32, 'relu'], [32, 1, 'linear']] as Array<[number, number, Activation]>) {
    const n = 512;
    const f = layerBuffers(F, n, k, m, 2), p = layerBuffers(P, n, k, m, 2);
    F.denseForward(f.x, f.w, f.gB, f.pre, f.pre, n, k, m, act);
    P.denseForward(p.x, p.w, p.gB, p.pre, p.pre, n, k, m, act);
    const close = (u: Float32Array, v: Float32Array, what: string) => {
      let scale = 0, err = 0;
      for (let i = 0; i < u.length; i++) {
        scale = Math.max(scale, Math.abs(v[i]));
        err = Math.max(err, Math.abs(u[i] - v[i]));
      }
      assert.ok(err <= 1e-5 * scale, `${what} ${k}→${m}: max difference ${err} at scale ${scale}`);
    };
    close(f.pre, p.pre, 'forward');
    F.denseBackward(f.x, f.w, f.pre, f.d, f.gW, f.gB, f.dX, n, k, m, act, false);
    P.denseBackward(p.x, p.w, p.pre, p.d, p.gW, p.gB, p.dX, n, k, m, act, false);
    close(f.gW, p.gW, 'gW');
    close(f.gB, p.gB, 'gB');
    close(f.dX, p.dX, 'dX');
  }
});

test('bceWithLogits over many rows (the log of products per block) matches the ts engine to float64 rounding', () => {
  const W = createWasmKernels(), T = createTsKernels();
  const n = 1500;
  const rng = createRng(4);
  const z = Array.from({ length: n }, (_, i) => (i % 50 === 0 ? 60 * rng.normal() : 4 * rng.normal()));
  const y = Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
  for (const posWeight of [1, 3.5]) {
    const zw = W.alloc(n), yw = W.alloc(n);
    zw.set(z);
    yw.set(y);
    const got = W.bceWithLogits(zw, yw, W.alloc(n), n, posWeight, 0, 1);
    const want = T.bceWithLogits(Float32Array.from(z), Float32Array.from(y), new Float32Array(n), n, posWeight, 0, 1);
    assert.ok(Math.abs(got - want) <= 1e-12 * want, `posWeight ${posWeight}: ${got} vs ${want}`);
  }
});
