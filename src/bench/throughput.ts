// The measurement behind `tracehound bench` (issue 7), the same one bench/pytorch_bench.py makes in
// PyTorch: the default network 7→64→32→1 (ReLU, BCE-with-logits, Adam 1e-3) on synthetic rows.
// - training: one shuffled epoch over 200,000 rows at the given batch size, after a 5-batch warm-up,
//   through the same gradient source and optimizer fit() uses → trainSamplesPerSecond;
// - inference: predictProba on 65,536 rows, one warm-up then the mean of 5 → inferRowsPerSecond.

import { createRng, type Rng } from '../random.js';
import { getKernels } from '../nn/engine.js';
import type { EngineName } from '../nn/kernels.js';
import { Mlp } from '../nn/mlp.js';
import { DEFAULT_MLP_CONFIG } from '../nn/mlp-config.js';
import { createGradientSource } from '../nn/gradient-source.js';
import { createOptimizer } from '../nn/optimizers/optimizer.js';
import '../nn/parallel/index.js';
import { shuffleIndices, shuffleState } from '../nn/shuffle.js';
import { TrainingRows } from '../nn/training-rows.js';

export const BENCH_TRAIN_ROWS = 200_000;
export const BENCH_INFER_ROWS = 65_536;
export const BENCH_WARMUP_BATCHES = 5;
export const BENCH_INFER_REPEATS = 5;
const FEATURES = 7;

export interface BenchOptions {
  engine: EngineName;
  threads: number;
  batch: number;
  seed: number;
  /** Rows of the training epoch (default 200,000; smaller only for tests). */
  trainRows?: number;
  /** Rows of the inference pass (default 65,536). */
  inferRows?: number;
}

export interface BenchResult {
  engine: EngineName;
  threads: number;
  batch: number;
  trainSamplesPerSecond: number;
  inferRowsPerSecond: number;
}

/** Synthetic rows like standardised BETH features: N(0,1) inputs, a label from a noisy linear rule. */
export function syntheticRows(rows: number, rng: Rng): { X: Float32Array; y: Float32Array } {
  const X = new Float32Array(rows * FEATURES);
  const y = new Float32Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < FEATURES; j++) {
      const v = rng.normal();
      X[i * FEATURES + j] = v;
      s += v * (j - 3);
    }
    y[i] = s + rng.normal() > 1 ? 1 : 0;
  }
  return { X, y };
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const { engine, threads, batch, seed } = options;
  const trainRows = options.trainRows ?? BENCH_TRAIN_ROWS;
  const inferRows = options.inferRows ?? BENCH_INFER_ROWS;
  const kernels = getKernels(engine);
  const rng = createRng(seed);
  const network = new Mlp({ inputs: FEATURES, ...DEFAULT_MLP_CONFIG }, { kernels, seed });
  const data = syntheticRows(trainRows, rng.fork());

  const packed = TrainingRows.pack(kernels, data.X, data.y, trainRows, FEATURES);
  const perm = kernels.allocInt32(trainRows);
  const loss = { posWeight: 1, focalGamma: 0 };
  const source = createGradientSource({ network, data: packed, batchSize: batch, loss, threads, seed });
  const optimizer = createOptimizer({ kind: 'adam', lr: 1e-3 }, network);
  const order = shuffleState(rng.fork().state());
  let trainSeconds: number;
  try {
    const shuffle = (): void => shuffleIndices(perm, trainRows, order);
    const step = (start: number): void => {
      const rows = Math.min(batch, trainRows - start);
      source.compute(perm.subarray(start, start + rows), rows);
      optimizer.step();
    };
    // Warm-up: compiles the hot paths (and starts the worker threads) outside the timed epoch; the
    // shuffle runs thrice on a scratch state so it is optimised code, as PyTorch's randperm is.
    const scratch = shuffleState([1, 2, 3, 4]);
    for (let r = 0; r < 3; r++) shuffleIndices(perm, trainRows, scratch);
    shuffle();
    for (let b = 0; b < BENCH_WARMUP_BATCHES; b++) step((b * batch) % trainRows);
    // Training does not wait for late workers (the training thread does their shares meanwhile),
    // but a two-thread figure must be two threads' work.
    source.waitUntilReady?.();
    const t0 = performance.now();
    shuffle();
    for (let start = 0; start < trainRows; start += batch) step(start);
    trainSeconds = (performance.now() - t0) / 1000;
  } finally {
    await source.dispose();
    optimizer.dispose();
    packed.dispose();
    kernels.free(perm);
  }

  const inferX = syntheticRows(inferRows, rng.fork()).X;
  const probs = new Float32Array(inferRows);
  network.predictProba(inferX, inferRows, probs);
  let inferSeconds = 0;
  for (let r = 0; r < BENCH_INFER_REPEATS; r++) {
    const t0 = performance.now();
    network.predictProba(inferX, inferRows, probs);
    inferSeconds += (performance.now() - t0) / 1000;
  }
  network.dispose();
  return {
    engine,
    threads,
    batch,
    trainSamplesPerSecond: Math.round(trainRows / trainSeconds),
    inferRowsPerSecond: Math.round((inferRows * BENCH_INFER_REPEATS) / inferSeconds),
  };
}
