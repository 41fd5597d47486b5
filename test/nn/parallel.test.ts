// Data-parallel training (src/nn/parallel/): shares split on chunk boundaries, two threads give
// the same weights run after run (and, for the wasm engine at batch ≤ 1536, the very weights of
// one thread), dropout replicas are seeded, and bad --threads values are usage errors.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Mlp, CHUNK_ROWS } from '../../src/nn/mlp.js';
import { fit } from '../../src/nn/fit.js';
import { getKernels } from '../../src/nn/engine.js';
import type { EngineName } from '../../src/nn/kernels.js';
import { splitShares, parseThreads, defaultThreadCount, ParallelGradientSource } from '../../src/nn/parallel/index.js';
import { createGradientSource } from '../../src/nn/gradient-source.js';
import { TrainingRows } from '../../src/nn/training-rows.js';
import { createRng } from '../../src/random.js';
import { isTracehoundError } from '../../src/errors.js';
import { separableData } from './helpers.js';

const data = separableData(6000, 1);

async function train(engine: EngineName, threads: number, batchSize: number, dropout = 0) {
  const net = new Mlp({ inputs: 7, hidden: [64, 32], activation: 'relu', dropout, init: 'kaiming' }, { seed: 4, kernels: getKernels(engine) });
  const r = await fit(net, data, { epochs: 2, batchSize, optimizer: { kind: 'adam', lr: 2e-3 }, seed: 9, threads });
  const w = net.getWeights();
  net.dispose();
  return { w, losses: r.history.map((e) => e.loss) };
}

function identical(a: Float32Array, b: Float32Array): boolean {
  return a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

test('splitShares covers the batch in order, on chunk boundaries', () => {
  assert.deepEqual(splitShares(1024, 2, 512), [[0, 512], [512, 512]]);
  assert.deepEqual(splitShares(1536, 2, 512), [[0, 1024], [1024, 512]]);
  assert.deepEqual(splitShares(320, 2, 512), [[0, 320]], 'one chunk: no worker needed');
  assert.deepEqual(splitShares(4096, 2, 512), [[0, 2048], [2048, 2048]]);
  for (const [n, parts] of [[1, 2], [513, 2], [5000, 3], [10_000, 4]]) {
    const s = splitShares(n, parts, CHUNK_ROWS);
    assert.ok(s.length <= parts);
    let next = 0;
    for (const [start, count] of s) {
      assert.equal(start, next);
      assert.ok(count > 0);
      assert.equal(start % CHUNK_ROWS, 0);
      next = start + count;
    }
    assert.equal(next, n);
  }
});

test('wasm, two threads: the same weights run after run, and the same as one thread at batch 1024', async () => {
  const one = await train('wasm', 1, 1024);
  const two = await train('wasm', 2, 1024);
  const twoAgain = await train('wasm', 2, 1024);
  assert.ok(identical(two.w, twoAgain.w), 'two-thread runs are bit-identical');
  assert.ok(identical(one.w, two.w), 'two threads reproduce one thread bit for bit');
  assert.ok(one.losses[1] < one.losses[0]);
});

test('wasm, two threads at batch 1536 (uneven shares): still the weights of one thread', async () => {
  const one = await train('wasm', 1, 1536);
  const two = await train('wasm', 2, 1536);
  assert.ok(identical(one.w, two.w));
});

test('wasm, two threads at batch 4096: reproducible bit for bit, and close to one thread', async () => {
  const one = await train('wasm', 2, 4096);
  const again = await train('wasm', 2, 4096);
  assert.ok(identical(one.w, again.w));
  const single = await train('wasm', 1, 4096);
  for (let e = 0; e < 2; e++) assert.ok(Math.abs(single.losses[e] - one.losses[e]) < 1e-4 * single.losses[e]);
});

test('ts engine, two threads with dropout: reproducible bit for bit', async () => {
  const a = await train('ts', 2, 1024, 0.2);
  const b = await train('ts', 2, 1024, 0.2);
  assert.ok(identical(a.w, b.w));
  assert.ok(a.losses.every(Number.isFinite));
});

test('fit uses the parallel source when threads > 1', () => {
  const net = new Mlp({ inputs: 7, hidden: [8], activation: 'relu', dropout: 0, init: 'kaiming' }, { kernels: getKernels('ts') });
  const k = net.kernels;
  const data = TrainingRows.pack(k, new Float32Array(7 * 2048), new Float32Array(2048), 2048, 7);
  const source = createGradientSource({ network: net, data, batchSize: 1024, loss: { posWeight: 1, focalGamma: 0 }, threads: 2, seed: 1 });
  assert.ok(source instanceof ParallelGradientSource);
  assert.equal(source.threads, 2);
  return source.dispose();
});

test('--threads must be a positive integer: a usage error otherwise', () => {
  assert.equal(parseThreads('2'), 2);
  assert.equal(parseThreads(undefined), defaultThreadCount());
  assert.ok(defaultThreadCount() >= 1);
  for (const bad of ['0', '-1', '1.5', 'two', '65']) {
    assert.throws(() => parseThreads(bad), (e: unknown) => isTracehoundError(e) && e.exitCode === 2 && e.message.includes('--threads') && e.message.includes(bad));
  }
});

test('a worker that fails reports it through the control block and the error port', async () => {
  const { spawnGradientWorker } = await import('../../src/nn/parallel/spawn.js');
  const { Slot, STATUS_FAILED, CONTROL_SLOTS } = await import('../../src/nn/parallel/protocol.js');
  const { MessageChannel, receiveMessageOnPort } = await import('node:worker_threads');
  const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
  const { port1, port2 } = new MessageChannel();
  const worker = spawnGradientWorker({
    index: 1, engine: 'gpu' as EngineName, config: { inputs: 7, hidden: [4], activation: 'relu', dropout: 0, init: 'kaiming' },
    packed: new Float32Array(8), rows: 1, batchSize: 1, loss: { posWeight: 1, focalGamma: 0 },
    rngState: [1, 2, 3, 4], control, params: new Float32Array(new SharedArrayBuffer(4 * 41)),
    indices: new Int32Array(new SharedArrayBuffer(4)), grads: new Float32Array(new SharedArrayBuffer(4 * 41)),
    lossOut: new Float64Array(new SharedArrayBuffer(8)), errorPort: port2,
  });
  // Wait without blocking the event loop for long (the worker needs no help from this thread).
  const deadline = Date.now() + 60_000;
  while (Atomics.load(control, Slot.READY) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  assert.equal(Atomics.load(control, Slot.STATUS), STATUS_FAILED);
  const msg = receiveMessageOnPort(port1)?.message as string;
  assert.match(msg, /gpu/);
  port1.close();
  await worker.terminate();
});

test('wasm, two threads: a share the worker has not started is computed by the training thread, with the same floats', async () => {
  const config = { inputs: 7, hidden: [64, 32], activation: 'relu' as const, dropout: 0, init: 'kaiming' as const };
  const kernels = getKernels('wasm');
  const two = new Mlp(config, { seed: 4, kernels });
  const one = new Mlp(config, { seed: 4, kernels });
  const loss = { posWeight: 1, focalGamma: 0 };
  const ctx = { data: TrainingRows.pack(kernels, data.X, data.y, data.n, 7), batchSize: 1024, loss, seed: 1 };
  const parallel = createGradientSource({ ...ctx, network: two, threads: 2 }) as ParallelGradientSource;
  const single = createGradientSource({ ...ctx, network: one, threads: 1 });
  const idx = kernels.allocInt32(1024);
  const rng = createRng(6);
  try {
    // Until the worker has computed some shares itself (it may lose a few races on a busy machine).
    for (let b = 0; b < 200 && parallel.sharesTakenOver > b - 3; b++) {
      for (let i = 0; i < 1024; i++) idx[i] = rng.int(data.n);
      const l2 = parallel.compute(idx, 1024);
      const l1 = single.compute(idx, 1024);
      assert.ok(identical(two.grads, one.grads), `batch ${b}: the gradient of one thread`);
      assert.ok(Math.abs(l1 - l2) <= 1e-6 * l1, `batch ${b}: loss ${l2} vs ${l1}`);
      // Straight after construction the worker is still loading its code and copying the rows.
      if (b === 0) assert.equal(parallel.sharesTakenOver, 1, 'the first share was taken over');
      if (b === 0) await new Promise((r) => setTimeout(r, 2000)); // the worker is ready after this
    }
    assert.ok(parallel.sharesTakenOver < 197, `the worker computed shares too (${parallel.sharesTakenOver} taken over)`);
  } finally {
    await parallel.dispose();
    single.dispose();
    ctx.data.dispose();
    kernels.free(idx);
    two.dispose();
    one.dispose();
  }
});
