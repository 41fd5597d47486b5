// Training samples/s and inference rows/s of the default network (7→64→32→1 ReLU, BCE-with-logits,
// Adam 1e-3) on synthetic rows, for each available engine, at batch 1024 and 65536, beside the
// PyTorch reference figures of issue 3. Run: npx tsx bench/train-throughput.ts [--rows 200000]
//
// Training: a warm-up fit over 5 batches' worth of rows (capped at the data size), then one
// shuffled epoch through fit(); the figure is that epoch's samples/s (validation none).
// Inference: predictProba over 65,536 rows, mean of 5 runs after one warm-up run.

import { availableEngines, getKernels } from '../src/nn/engine.js';
import { fit } from '../src/nn/fit.js';
import { Mlp } from '../src/nn/mlp.js';
import { createRng } from '../src/random.js';

const PYTORCH_TRAIN = 0.9e6;
const PYTORCH_INFER: [number, number] = [5e6, 10e6];

const rowsArg = process.argv.indexOf('--rows');
const ROWS = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 200_000;
const INFER_ROWS = 65_536;
const D = 7;

function synthetic(n: number, seed: number): { X: Float32Array; y: Float32Array; n: number } {
  const rng = createRng(seed);
  const X = new Float32Array(n * D), y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < D; j++) {
      const v = rng.normal();
      X[i * D + j] = v;
      s += (j % 2 ? 1 : -0.5) * v;
    }
    y[i] = s > 0.8 ? 1 : 0;
  }
  return { X, y, n };
}

const fmt = (v: number) => (v >= 1e6 ? `${(v / 1e6).toFixed(3)}M` : `${(v / 1e3).toFixed(1)}k`);

const data = synthetic(ROWS, 1);
const inferX = synthetic(INFER_ROWS, 2).X;
console.log(`tracehound train throughput — ${ROWS} rows, net 7→64→32→1 relu, Adam 1e-3, 1 thread, node ${process.version}`);
console.log('engine  batch   train samples/s  ×PyTorch(0.9M)  infer rows/s@65536  ×PyTorch(5–10M)');
for (const engine of availableEngines()) {
  const kernels = getKernels(engine);
  for (const batchSize of [1024, 65_536]) {
    const net = new Mlp({ inputs: D, hidden: [64, 32], activation: 'relu', dropout: 0, init: 'kaiming' }, { seed: 1, kernels });
    const warmRows = Math.min(5 * batchSize, ROWS);
    await fit(net, { X: data.X.subarray(0, warmRows * D), y: data.y.subarray(0, warmRows), n: warmRows }, { epochs: 1, batchSize, optimizer: { kind: 'adam', lr: 1e-3 }, seed: 1 });
    const r = await fit(net, data, { epochs: 1, batchSize, optimizer: { kind: 'adam', lr: 1e-3 }, seed: 2 });
    const train = r.history[0].samplesPerSecond;

    const out = new Float32Array(INFER_ROWS);
    net.predictProba(inferX, INFER_ROWS, out);
    let total = 0;
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      net.predictProba(inferX, INFER_ROWS, out);
      total += (performance.now() - t0) / 1000;
    }
    const infer = (5 * INFER_ROWS) / total;
    net.dispose();
    console.log(
      `${engine.padEnd(6)}  ${String(batchSize).padEnd(6)}  ${fmt(train).padStart(15)}  ${(train / PYTORCH_TRAIN).toFixed(3).padStart(14)}` +
        `  ${fmt(infer).padStart(18)}  ${(infer / PYTORCH_INFER[1]).toFixed(3)}–${(infer / PYTORCH_INFER[0]).toFixed(3)}`,
    );
  }
}
