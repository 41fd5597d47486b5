// Per-kernel timings of the wasm engine against the ts engine on the default network's layers,
// one 512-row chunk (the size Mlp works in): best of several rounds, which is the figure least
// disturbed by other load on a shared machine.   npx tsx bench/kernels-wasm.ts

import { createWasmKernels } from '../src/nn/kernels-wasm.js';
import { createTsKernels } from '../src/nn/kernels-ts.js';
import type { Activation, Kernels } from '../src/nn/kernels.js';

const n = 512;
const LAYERS: Array<[number, number, Activation]> = [[7, 64, 'relu'], [64, 32, 'relu'], [32, 1, 'linear']];

function bestMicros(f: () => void, rounds = 15, reps = 50): number {
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 5; i++) f();
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f();
    best = Math.min(best, ((performance.now() - t0) * 1000) / reps);
  }
  return best;
}

function measure(K: Kernels): Array<[string, number, number]> {
  const mk = (len: number): Float32Array => {
    const a = K.alloc(len);
    for (let i = 0; i < len; i++) a[i] = Math.sin(i * 0.37);
    return a;
  };
  const rows: Array<[string, number, number]> = [];
  LAYERS.forEach(([k, m, act], l) => {
    const x = mk(n * k), w = mk(k * m), b = mk(m), pre = mk(n * m), out = mk(n * m), d = mk(n * m), gW = mk(k * m), gB = mk(m), dX = mk(n * k);
    rows.push([`forward ${k}→${m}`, bestMicros(() => K.denseForward(x, w, b, pre, out, n, k, m, act)), 2 * n * k * m]);
    rows.push([`backward ${k}→${m}`, bestMicros(() => K.denseBackward(x, w, pre, d, gW, gB, l === 0 ? null : dX, n, k, m, act, false)), 2 * n * k * m * (l === 0 ? 1 : 2)]);
  });
  const z = mk(n), y = mk(n), dz = mk(n);
  rows.push(['bceWithLogits', bestMicros(() => K.bceWithLogits(z, y, dz, n, 1, 0, 1 / n)), 0]);
  rows.push(['sigmoid', bestMicros(() => K.sigmoid(z, dz, n)), 0]);
  const P = 2689;
  const p = mk(P), g = mk(P), m1 = K.alloc(P), v1 = K.alloc(P);
  let t = 1;
  rows.push(['adamStep (2,689 params)', bestMicros(() => K.adamStep(p, g, m1, v1, P, 1e-3, 0.9, 0.999, 1e-8, 0, false, t++)), 0]);
  const src = mk(200_000 * 8), idx = K.allocInt32(1024), xb = K.alloc(1024 * 7), yb = K.alloc(1024);
  for (let i = 0; i < 1024; i++) idx[i] = (i * 7919) % 200_000;
  rows.push(['gatherTrainingRows 1024×7', bestMicros(() => K.gatherTrainingRows(src, idx, xb, yb, 1024, 7, 8)), 0]);
  return rows;
}

const wasm = measure(createWasmKernels());
const ts = measure(createTsKernels());
console.log(`kernel (${n} rows)              wasm µs   GFLOP/s     ts µs   wasm speed-up`);
wasm.forEach(([name, us, flops], i) => {
  const gf = flops ? (flops / us / 1e3).toFixed(1) : '';
  console.log(`${name.padEnd(28)}${us.toFixed(1).padStart(10)}${gf.padStart(10)}${ts[i][1].toFixed(1).padStart(10)}${(ts[i][1] / us).toFixed(1).padStart(12)}×`);
});
const chunk = (rows: Array<[string, number, number]>): number => rows.slice(0, 7).reduce((s, r) => s + r[1], 0);
console.log(`one 512-row chunk forward+backward+loss: wasm ${chunk(wasm).toFixed(0)} µs (${(n / chunk(wasm)).toFixed(2)}M samples/s in kernels), ts ${chunk(ts).toFixed(0)} µs`);
