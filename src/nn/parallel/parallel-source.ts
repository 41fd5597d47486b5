// Data-parallel gradients on several cores: the training thread computes the first share of each
// mini-batch itself while worker threads compute the others, each against the same parameters;
// the shares' gradients are then added in a fixed order (training thread, worker 1, worker 2, …)
// and fit() takes one optimizer step. No Hogwild: every run with a seed gives the same weights.
//
// On a busy machine a worker thread may not get a core for a while. When the training thread is
// done with its own share and the worker has not yet taken its request (Slot.CLAIM), or took it but
// is not done within the time the training thread needed for its own share, the training thread
// computes that share itself, onto its own gradient: for a one-chunk share without dropout those are
// the very floats the worker would have produced and the reduction would have added, so who computed
// what never shows in the weights. Two threads are then never much slower than one.

import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { TracehoundError } from '../../errors.js';
import { createRng } from '../../random.js';
import type { GradientSource, GradientSourceContext } from '../gradient-source.js';
import type { WasmKernels } from '../kernels-wasm.js';
import { CHUNK_ROWS } from '../mlp.js';
import {
  COMMAND_COMPUTE, COMMAND_STOP, CONTROL_SLOTS, SPIN_MS, STATUS_FAILED, Slot, spinUntilChanged, splitShares, type WorkerInit,
} from './protocol.js';
import { spawnGradientWorker } from './spawn.js';

/** How long the training thread waits for a worker to start or answer before giving up. */
const WORKER_TIMEOUT_MS = 120_000;

interface WorkerHandle {
  worker: Worker;
  control: Int32Array;
  indices: Int32Array;
  grads: Float32Array;
  lossOut: Float64Array;
  errorPort: MessagePort;
  generation: number;
  ready: boolean;
}

function sharedFloat32(length: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(Math.max(length, 1) * 4), 0, length);
}

export class ParallelGradientSource implements GradientSource {
  private readonly workers: WorkerHandle[] = [];
  private readonly params: Float32Array;
  private readonly xBatch: Float32Array;
  private readonly yBatch: Float32Array;
  /** Shares the training thread took over from a worker that had not started (for benches and tests). */
  sharesTakenOver = 0;

  constructor(private readonly ctx: GradientSourceContext) {
    const { network, batchSize } = ctx;
    const k = network.kernels;
    this.params = sharedFloat32(network.paramCount);
    this.xBatch = k.alloc(batchSize * network.inputs);
    this.yBatch = k.alloc(batchSize);
    // Worker replicas draw dropout masks from streams forked off the seed (one per worker).
    const seeds = createRng(ctx.seed ^ 0x5eed);
    const workerCount = Math.min(ctx.threads, Math.ceil(batchSize / CHUNK_ROWS)) - 1;
    for (let w = 0; w < workerCount; w++) {
      const control = new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * 4));
      const indices = new Int32Array(new SharedArrayBuffer(Math.max(batchSize, 1) * 4));
      // In the training thread's kernel memory when it is shared (wasm): the reduction is then a
      // kernel call, not a JavaScript loop that V8 compiles (twice, OSR then whole) during training.
      const grads = k.engine === 'wasm' ? k.alloc(network.paramCount) : sharedFloat32(network.paramCount);
      const lossOut = new Float64Array(new SharedArrayBuffer(8));
      const { port1, port2 } = new MessageChannel();
      const init: WorkerInit = {
        index: w + 1,
        engine: k.engine,
        wasmPath: (k as Partial<WasmKernels>).wasmPath,
        config: network.toJSON(),
        packed: ctx.data.packed,
        rows: ctx.data.rows,
        batchSize,
        loss: { ...ctx.loss },
        rngState: seeds.fork().state(),
        control, params: this.params, indices, grads, lossOut,
        errorPort: port2,
      };
      const worker = spawnGradientWorker(init);
      worker.unref();
      this.workers.push({ worker, control, indices, grads, lossOut, errorPort: port1, generation: 0, ready: false });
    }
  }

  get threads(): number {
    return this.workers.length + 1;
  }

  waitUntilReady(): void {
    for (const h of this.workers) this.awaitReady(h);
  }

  // compute() and the helpers below are kept small on purpose: V8 optimises each on a background
  // thread, and on two cores with both threads busy a long optimising compile (one big compute() took
  // 11–37 ms, three times over as it met new paths) takes a core from the training or worker thread.
  compute(batchIdx: Int32Array, n: number): number {
    const shares = splitShares(n, this.workers.length + 1, CHUNK_ROWS);
    if (shares.length > 1) this.params.set(this.ctx.network.params);
    for (let s = 1; s < shares.length; s++) this.post(this.workers[s - 1], batchIdx, shares[s][0], shares[s][1], n);
    // The training thread's own share: rows [0, count0) of the batch.
    const ownStart = performance.now();
    let total = this.computeHere(batchIdx, 0, shares[0][1], n, false);
    const ownMs = performance.now() - ownStart;
    // Fixed-order reduction: grads = ((own + worker 1) + worker 2) + …
    for (let s = 1; s < shares.length; s++) total += this.collect(this.workers[s - 1], batchIdx, shares[s][0], shares[s][1], n, ownMs);
    return total;
  }

  /** Hands rows [start, start + count) of the batch to worker h. */
  private post(h: WorkerHandle, batchIdx: Int32Array, start: number, count: number, n: number): void {
    // A worker still starting up is no reason to wait when its share can be taken over.
    if (this.canTakeOver(count)) this.checkFailed(h);
    else this.awaitReady(h);
    h.indices.set(batchIdx.subarray(start, start + count));
    Atomics.store(h.control, Slot.COUNT, count);
    Atomics.store(h.control, Slot.TOTAL, n);
    Atomics.store(h.control, Slot.COMMAND, COMMAND_COMPUTE);
    h.generation += 1;
    Atomics.store(h.control, Slot.REQUEST, h.generation);
    Atomics.notify(h.control, Slot.REQUEST);
  }

  /** The gradient of rows [start, start + count) on this thread (added to the gradient with accumulate). */
  private computeHere(batchIdx: Int32Array, start: number, count: number, n: number, accumulate: boolean): number {
    const { network, data, loss } = this.ctx;
    data.gather(batchIdx.subarray(start, start + count), this.xBatch, this.yBatch, count);
    return network.forwardBackward(this.xBatch, this.yBatch, count, loss, n, accumulate);
  }

  /** Adds worker h's share (or, when it is late, computes it here); returns the share's loss. */
  private collect(h: WorkerHandle, batchIdx: Int32Array, start: number, count: number, n: number, ownMs: number): number {
    const takeOver = this.canTakeOver(count) && (
      Atomics.compareExchange(h.control, Slot.CLAIM, h.generation - 1, h.generation) === h.generation - 1 ||
      // The worker took it. It started before this thread finished its own share of the same size,
      // so it should be done within as long again; if not, it lost its core to another process
      // (for a whole time slice, milliseconds) and the share is computed here instead. Its late
      // result is never read: the next request waits for the next generation.
      !this.waitFor(h, Slot.DONE, h.generation, 'compute its share of the batch', ownMs)
    );
    if (takeOver) {
      this.sharesTakenOver += 1;
      return this.computeHere(batchIdx, start, count, n, true);
    }
    this.awaitDone(h);
    const { network } = this.ctx;
    network.kernels.addInPlace(network.grads, h.grads, network.paramCount);
    return h.lossOut[0];
  }

  async dispose(): Promise<void> {
    const k = this.ctx.network.kernels;
    k.free(this.xBatch);
    k.free(this.yBatch);
    for (const h of this.workers) {
      Atomics.store(h.control, Slot.COMMAND, COMMAND_STOP);
      h.generation += 1;
      Atomics.store(h.control, Slot.REQUEST, h.generation);
      Atomics.notify(h.control, Slot.REQUEST);
      h.errorPort.close();
    }
    await Promise.all(this.workers.map((h) => h.worker.terminate()));
    // Only now: a worker writes its gradient until it stops.
    if (k.engine === 'wasm') for (const h of this.workers) k.free(h.grads);
    this.workers.length = 0;
  }

  /**
   * Whether the training thread may compute a worker's share itself: a single chunk (accumulated onto
   * the gradient, the chunk's sum is added once, as the reduction adds the worker's) and no dropout
   * (a worker's replica draws its own masks).
   */
  private canTakeOver(count: number): boolean {
    return count <= CHUNK_ROWS && this.ctx.network.config.dropout === 0;
  }

  private checkFailed(h: WorkerHandle): void {
    if (Atomics.load(h.control, Slot.STATUS) === STATUS_FAILED) {
      const msg = receiveMessageOnPort(h.errorPort)?.message ?? 'unknown error';
      throw new TracehoundError('E_WORKER', `A training worker thread failed: ${msg}. Retry with --threads 1.`);
    }
  }

  private awaitReady(h: WorkerHandle): void {
    if (h.ready) return;
    this.waitFor(h, Slot.READY, 1, 'start');
    h.ready = true;
  }

  private awaitDone(h: WorkerHandle): void {
    this.waitFor(h, Slot.DONE, h.generation, 'compute its share of the batch');
  }

  /** Waits until control[slot] = value: true; false after patienceMs if given; an error after the timeout. */
  private waitFor(h: WorkerHandle, slot: number, value: number, what: string, patienceMs = Infinity): boolean {
    const start = performance.now();
    const deadline = start + WORKER_TIMEOUT_MS;
    const patience = start + patienceMs;
    for (;;) {
      const now = Atomics.load(h.control, slot);
      this.checkFailed(h);
      if (now === value) return true;
      const t = performance.now();
      if (t >= patience) return false;
      const left = deadline - t;
      if (left <= 0) throw new TracehoundError('E_WORKER', `A training worker thread did not ${what} within ${WORKER_TIMEOUT_MS / 1000} s. Retry with --threads 1.`);
      // Spin first (protocol.ts says why), within the patience; sleep only if that runs out.
      if (spinUntilChanged(h.control, slot, now, Math.min(SPIN_MS, patience - t)) !== now) continue;
      if (performance.now() >= patience) return false;
      Atomics.wait(h.control, slot, now, Math.min(left, patience - performance.now(), 1000));
    }
  }
}
