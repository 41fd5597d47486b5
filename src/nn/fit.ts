// The training loop: seeded shuffled mini-batches, one optimizer step per batch, a loss per
// epoch (and a validation loss), early stopping with restore-best, callbacks, a progress bar.
// Everything random comes from `seed`: the same network, data and options give bit-identical weights.

import { TracehoundError, ValidationError } from '../errors.js';
import { createRng } from '../random.js';
import { EarlyStopping, type EarlyStoppingOptions } from './early-stopping.js';
import { createGradientSource } from './gradient-source.js';
import type { LossOptions, Mlp } from './mlp.js';
import { createOptimizer, type OptimizerSpec } from './optimizers/optimizer.js';
import { createTrainingProgress } from './progress.js';
import { shuffleIndices, shuffleState } from './shuffle.js';
import { TrainingRows } from './training-rows.js';
// Registers the data-parallel gradient source used when threads > 1.
import './parallel/index.js';

/** Rows for the network: X [n × inputs] row-major, y [n] of 0/1. */
export interface Dataset {
  X: Float32Array;
  y: Float32Array;
  n: number;
}

export interface EpochLog {
  /** 1-based. */
  epoch: number;
  /** Mean training loss over the epoch's batches (weighted as the training objective). */
  loss: number;
  /** Unweighted mean BCE on the validation set, after the epoch. */
  valLoss?: number;
  /** Wall time of the epoch, validation included. */
  seconds: number;
  /** Training rows per second of the epoch (validation excluded). */
  samplesPerSecond: number;
}

export interface FitCallbacks {
  /** Called after every epoch; returning 'stop' ends training (e.g. a tuner's pruner). */
  onEpochEnd?(log: EpochLog): void | 'stop' | Promise<void | 'stop'>;
}

export interface FitOptions {
  epochs: number;
  batchSize: number;
  optimizer: OptimizerSpec;
  loss?: Partial<LossOptions>;
  validation?: Dataset;
  /** Monitors validation loss, or training loss without a validation set. */
  earlyStopping?: EarlyStoppingOptions;
  seed: number;
  callbacks?: FitCallbacks;
  /** Progress bar on stderr: true = when stderr is a TTY, 'force' = always. */
  progress?: boolean | 'force';
  /** Threads for the gradient computation; > 1 uses the registered data-parallel source. */
  threads?: number;
}

export interface FitResult {
  history: EpochLog[];
  /** Epochs actually run. */
  epochs: number;
  /** Epoch (1-based) with the lowest monitored value; its weights are the network's when restored. */
  bestEpoch: number;
  seconds: number;
  /** Training rows per second over the whole run (validation excluded). */
  samplesPerSecond: number;
  stoppedEarly: boolean;
  stoppedBy?: 'early_stopping' | 'callback';
}

function checkInt(name: string, v: unknown, min: number): void {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ValidationError(`The '${name}' option must be an integer ≥ ${min}. Got ${JSON.stringify(v)}.`);
  }
}

function checkDataset(name: string, data: Dataset, inputs: number): void {
  checkInt(`${name}.n`, data.n, 1);
  if (data.X.length !== data.n * inputs) {
    throw new ValidationError(`${name}.X has ${data.X.length} values; ${data.n} rows × ${inputs} features need ${data.n * inputs}.`);
  }
  if (data.y.length !== data.n) throw new ValidationError(`${name}.y has ${data.y.length} labels for ${data.n} rows.`);
  for (let i = 0; i < data.n; i++) {
    const v = data.y[i];
    if (v !== 0 && v !== 1) throw new ValidationError(`${name}.y[${i}] must be 0 or 1. Got ${v}.`);
  }
}

export async function fit(network: Mlp, train: Dataset, options: FitOptions): Promise<FitResult> {
  const d = network.inputs;
  checkDataset('train', train, d);
  if (options.validation) checkDataset('validation', options.validation, d);
  checkInt('epochs', options.epochs, 1);
  checkInt('batchSize', options.batchSize, 1);
  checkInt('seed', options.seed, Number.MIN_SAFE_INTEGER);
  const threads = options.threads ?? 1;
  checkInt('threads', threads, 1);
  const loss: LossOptions = { posWeight: options.loss?.posWeight ?? 1, focalGamma: options.loss?.focalGamma ?? 0 };
  if (!(loss.posWeight > 0) || !Number.isFinite(loss.posWeight)) throw new ValidationError(`'posWeight' must be a positive number. Got ${loss.posWeight}.`);
  if (!(loss.focalGamma >= 0) || !Number.isFinite(loss.focalGamma)) throw new ValidationError(`'focalGamma' must be a number ≥ 0. Got ${loss.focalGamma}.`);
  const stopper = options.earlyStopping ? new EarlyStopping(options.earlyStopping) : null;

  const k = network.kernels;
  const n = train.n;
  const batchSize = Math.min(options.batchSize, n);
  const batches = Math.ceil(n / batchSize);
  const rng = createRng(options.seed);
  network.reseedDropout(rng.fork());
  // Rng.shuffle's permutations, from a fork of the seed, without its generic-array cost (shuffle.ts).
  const order = shuffleState(rng.fork().state());

  // The optimizer first: it validates its settings before any training buffer exists.
  const optimizer = createOptimizer(options.optimizer, network);
  // Training rows live in kernel memory once; batches are gathered there through a shuffled index.
  const data = TrainingRows.pack(k, train.X, train.y, n, d);
  const perm = k.allocInt32(n);
  const val = options.validation ? new ValidationLoss(network, options.validation) : null;
  const release = () => {
    optimizer.dispose();
    val?.dispose();
    data.dispose();
    k.free(perm);
  };
  let source: ReturnType<typeof createGradientSource>;
  try {
    source = createGradientSource({ network, data, batchSize, loss, threads, seed: options.seed });
  } catch (e) {
    release();
    throw e;
  }
  const progress = createTrainingProgress(options.progress, options.epochs, batches);

  const history: EpochLog[] = [];
  let bestEpoch = 0, bestValue = Infinity;
  let stoppedBy: FitResult['stoppedBy'];
  let trainSeconds = 0;
  const started = performance.now();
  try {
    for (let epoch = 1; epoch <= options.epochs; epoch++) {
      const t0 = performance.now();
      shuffleIndices(perm, n, order);
      let lossSum = 0;
      for (let b = 0; b < batches; b++) {
        const start = b * batchSize;
        const rows = Math.min(batchSize, n - start);
        const batchLoss = source.compute(perm.subarray(start, start + rows), rows);
        optimizer.step();
        lossSum += batchLoss * rows;
        progress.batch(epoch, batchLoss, ((start + rows) * 1000) / (performance.now() - t0));
      }
      const epochTrainSeconds = (performance.now() - t0) / 1000;
      trainSeconds += epochTrainSeconds;
      const epochLoss = lossSum / n;
      if (!Number.isFinite(epochLoss)) {
        throw new TracehoundError('E_DIVERGED', `Training diverged: the loss is ${epochLoss} at epoch ${epoch}. Lower the learning rate (now ${options.optimizer.lr}).`);
      }
      const valLoss = val?.compute();
      const log: EpochLog = { epoch, loss: epochLoss, seconds: (performance.now() - t0) / 1000, samplesPerSecond: n / epochTrainSeconds };
      if (valLoss !== undefined) log.valLoss = valLoss;
      history.push(log);
      progress.epochEnd(epoch, epochLoss, valLoss, log.samplesPerSecond);

      const monitored = valLoss ?? epochLoss;
      if (monitored < bestValue) {
        bestValue = monitored;
        bestEpoch = epoch;
      }
      const patienceOver = stopper ? stopper.update(epoch, monitored, () => network.getWeights()) : false;
      const answer = await options.callbacks?.onEpochEnd?.(log);
      if (answer === 'stop') stoppedBy = 'callback';
      else if (patienceOver && epoch < options.epochs) stoppedBy = 'early_stopping';
      if (stoppedBy) break;
    }
  } finally {
    progress.stop();
    await source.dispose();
    release();
  }
  // With early stopping, "best" is the stopper's (minDelta and startFromEpoch apply).
  if (stopper && stopper.bestEpoch > 0) bestEpoch = stopper.bestEpoch;
  if (stopper?.restoreBest && stopper.bestWeights) network.setWeights(stopper.bestWeights);
  const epochsRun = history.length;
  return {
    history,
    epochs: epochsRun,
    bestEpoch,
    seconds: (performance.now() - started) / 1000,
    samplesPerSecond: (n * epochsRun) / trainSeconds,
    stoppedEarly: stoppedBy !== undefined,
    ...(stoppedBy ? { stoppedBy } : {}),
  };
}

/** Unweighted mean BCE of the network on a fixed validation set, with buffers reused across epochs. */
class ValidationLoss {
  private readonly logits: Float32Array;
  private readonly y: Float32Array;
  private readonly scratch: Float32Array;

  constructor(private readonly network: Mlp, private readonly data: Dataset) {
    const k = network.kernels;
    this.logits = k.alloc(data.n);
    this.y = k.alloc(data.n);
    this.y.set(data.y);
    this.scratch = k.alloc(data.n);
  }

  compute(): number {
    const { n } = this.data;
    this.network.predictLogits(this.data.X, n, this.logits);
    return this.network.kernels.bceWithLogits(this.logits, this.y, this.scratch, n, 1, 0, 0) / n;
  }

  dispose(): void {
    const k = this.network.kernels;
    k.free(this.logits);
    k.free(this.y);
    k.free(this.scratch);
  }
}
