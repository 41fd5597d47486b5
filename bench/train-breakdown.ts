// Where one training batch's time goes (issue 7): each kernel call of a batch of the default network
// (7→64→32→1 ReLU, BCE-with-logits, Adam) timed on its own with the Mlp's real buffer shapes, beside
// the whole step (gradient source + optimizer) as fit() runs it. Best of several rounds per item,
// the figure least disturbed by other load on a shared machine.
//   npx tsx bench/train-breakdown.ts [--batch 1024] [--engine wasm|ts] [--wasm other.wasm]
// --wasm times another build of the kernels (one thread only: workers load build/kernels.wasm).

import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { getKernels } from '../src/nn/engine.js';
import { createWasmKernels } from '../src/nn/kernels-wasm.js';
import type { Activation, EngineName } from '../src/nn/kernels.js';
import { CHUNK_ROWS, Mlp } from '../src/nn/mlp.js';
import { createGradientSource } from '../src/nn/gradient-source.js';
import { createOptimizer } from '../src/nn/optimizers/optimizer.js';
import { syntheticRows } from '../src/bench/throughput.js';
import { TrainingRows } from '../src/nn/training-rows.js';
import { createRng } from '../src/random.js';

const { values } = parseArgs({ options: { batch: { type: 'string', default: '1024' }, engine: { type: 'string', default: 'wasm' }, wasm: { type: 'string' } } });
const batch = Number(values.batch);
const K = values.wasm ? createWasmKernels({ wasmPath: values.wasm }) : getKernels(values.engine as EngineName);
const ROWS = 200_000;

function bestMicros(f: () => void, rounds = 9, reps = 40): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 3; i++) f();
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f();
    best = Math.min(best, ((performance.now() - t0) * 1000) / reps);
  }
  return best;
}

const fill = (len: number): Float32Array => {
  const a = K.alloc(len);
  for (let i = 0; i < len; i++) a[i] = Math.sin(i * 0.37);
  return a;
};

const chunks = Math.ceil(batch / CHUNK_ROWS);
const n = Math.min(batch, CHUNK_ROWS);
const LAYERS: Array<[number, number, Activation]> = [[7, 64, 'relu'], [64, 32, 'relu'], [32, 1, 'linear']];
const rows: Array<[string, number]> = [];
for (const [l, [k, m, act]] of LAYERS.entries()) {
  const x = fill(n * k), w = fill(k * m), b = fill(m), pre = fill(n * m), out = act === 'linear' ? pre : fill(n * m);
  const d = fill(n * m), gW = fill(k * m), gB = fill(m), dX = fill(n * k);
  rows.push([`forward ${k}→${m}`, chunks * bestMicros(() => K.denseForward(x, w, b, pre, out, n, k, m, act))]);
  rows.push([`backward ${k}→${m}${l === 0 ? ' (no dX)' : ''}`, chunks * bestMicros(() => K.denseBackward(x, w, pre, d, gW, gB, l === 0 ? null : dX, n, k, m, act, true))]);
}
{
  const z = fill(n), yv = K.alloc(n), dz = fill(n);
  for (let i = 0; i < n; i++) yv[i] = i % 3 === 0 ? 1 : 0;
  rows.push(['bceWithLogits', chunks * bestMicros(() => K.bceWithLogits(z, yv, dz, n, 1, 0, 1 / batch))]);
}
const data = syntheticRows(ROWS, createRng(1));
const packed = TrainingRows.pack(K, data.X, data.y, ROWS, 7);
{
  // A new random batch on every call, as in training: the rows come from memory, not from cache.
  const shuffled = K.allocInt32(ROWS);
  for (let i = 0; i < ROWS; i++) shuffled[i] = i;
  createRng(3).shuffle(shuffled);
  const xb = K.alloc(batch * 7), yb = K.alloc(batch);
  let at = 0;
  const next = (): Int32Array => {
    if (at + batch > ROWS) at = 0;
    at += batch;
    return shuffled.subarray(at - batch, at);
  };
  rows.push(['gather a random batch (TrainingRows)', bestMicros(() => packed.gather(next(), xb, yb, batch))]);
}
const net = new Mlp({ inputs: 7, hidden: [64, 32], activation: 'relu', dropout: 0, init: 'kaiming' }, { kernels: K, seed: 1 });
const optimizer = createOptimizer({ kind: 'adam', lr: 1e-3 }, net);
rows.push([`adamStep (${net.paramCount} params)`, bestMicros(() => optimizer.step())]);
const kernelSum = rows.reduce((s, r) => s + r[1], 0);

const perm = K.allocInt32(ROWS);
for (let i = 0; i < ROWS; i++) perm[i] = i;
createRng(5).shuffle(perm);
const loss = { posWeight: 1, focalGamma: 0 };
let start = 0;
const nextIdx = (): Int32Array => {
  if (start + batch > ROWS) start = 0;
  const v = perm.subarray(start, start + batch);
  start += batch;
  return v;
};
for (const threads of values.wasm ? [1] : [1, 2]) {
  const source = createGradientSource({ network: net, data: packed, batchSize: batch, loss, threads, seed: 1 });
  for (let i = 0; i < 5; i++) { source.compute(nextIdx(), batch); optimizer.step(); }
  source.waitUntilReady?.();
  const fb = bestMicros(() => source.compute(nextIdx(), batch), 7, 30);
  const step = bestMicros(() => { source.compute(nextIdx(), batch); optimizer.step(); }, 7, 30);
  await source.dispose();
  if (threads === 1) {
    rows.push(['— sum of the kernels above', kernelSum]);
    rows.push(['gradient source compute (1 thread)', fb]);
    rows.push(['whole step (1 thread)', step]);
    rows.push(['  → JS overhead (step − kernels)', step - kernelSum]);
  } else {
    rows.push(['gradient source compute (2 threads)', fb]);
    rows.push(['whole step (2 threads)', step]);
    const taken = (source as { sharesTakenOver?: number }).sharesTakenOver ?? 0;
    process.stdout.write(`2 threads: the training thread took over ${taken} worker shares (the worker had not started)\n`);
  }
}
console.log(`engine ${K.engine}, batch ${batch} (${chunks} chunk(s) of ≤${CHUNK_ROWS} rows), best of rounds; load average ${loadavg()[0].toFixed(2)}`);
console.log('item                                       µs/batch   share of step (1 thread)');
const step1 = rows.find((r) => r[0] === 'whole step (1 thread)')![1];
for (const [name, us] of rows) console.log(`${name.padEnd(40)}${us.toFixed(1).padStart(10)}${((100 * us) / step1).toFixed(1).padStart(10)}%`);
for (const t of values.wasm ? [1] : [1, 2]) {
  const s = rows.find((r) => r[0] === `whole step (${t} thread${t > 1 ? 's' : ''})`)![1];
  console.log(`${t} thread(s): ${((batch / s)).toFixed(3)}M samples/s at the best step time`);
}
