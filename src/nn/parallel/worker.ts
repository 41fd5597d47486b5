// A gradient worker: holds a replica of the network and a copy of the training rows in its own
// kernel memory; on each request it takes the current parameters, computes the gradient of its
// share of the batch (the loss averaged over the whole batch, so shares add up) and hands it back.

import { workerData } from 'node:worker_threads';
import { rngFromState } from '../../random.js';
import { getKernels } from '../engine.js';
import { createWasmKernels } from '../kernels-wasm.js';
import { Mlp } from '../mlp.js';
import { TrainingRows } from '../training-rows.js';
import type { MlpConfig } from '../mlp-config.js';
import { COMMAND_STOP, STATUS_FAILED, Slot, spinUntilChanged, type WorkerInit } from './protocol.js';

const init = workerData as WorkerInit;
const control = init.control;

function fail(e: unknown): void {
  init.errorPort.postMessage(e instanceof Error ? e.message : String(e));
  Atomics.store(control, Slot.STATUS, STATUS_FAILED);
  Atomics.store(control, Slot.READY, 1);
  Atomics.store(control, Slot.DONE, Atomics.load(control, Slot.REQUEST));
  Atomics.notify(control, Slot.READY);
  Atomics.notify(control, Slot.DONE);
}

function run(): void {
  const kernels = init.engine === 'wasm' && init.wasmPath ? createWasmKernels({ wasmPath: init.wasmPath }) : getKernels(init.engine);
  const net = new Mlp(init.config as MlpConfig, { kernels });
  net.reseedDropout(rngFromState(init.rngState));
  const d = net.inputs;
  const data = TrainingRows.copy(kernels, init.packed, init.rows, d);
  const xBatch = kernels.alloc(init.batchSize * d);
  const yBatch = kernels.alloc(init.batchSize);
  const idx = kernels.allocInt32(init.batchSize);
  warmUp(net, data, xBatch, yBatch, idx);
  Atomics.store(control, Slot.READY, 1);
  Atomics.notify(control, Slot.READY);

  let seen = 0;
  for (;;) {
    if (spinUntilChanged(control, Slot.REQUEST, seen) === seen) Atomics.wait(control, Slot.REQUEST, seen);
    seen = Atomics.load(control, Slot.REQUEST);
    if (Atomics.load(control, Slot.COMMAND) === COMMAND_STOP) break;
    // The training thread computed this share itself (this thread was not running): nothing to do.
    if (Atomics.compareExchange(control, Slot.CLAIM, seen - 1, seen) !== seen - 1) continue;
    const count = Atomics.load(control, Slot.COUNT);
    const total = Atomics.load(control, Slot.TOTAL);
    net.params.set(init.params);
    idx.set(init.indices.subarray(0, count));
    data.gather(idx, xBatch, yBatch, count);
    init.lossOut[0] = net.forwardBackward(xBatch, yBatch, count, init.loss, total);
    init.grads.set(net.grads);
    Atomics.store(control, Slot.DONE, seen);
    Atomics.notify(control, Slot.DONE);
  }
}

/**
 * A few passes over one share before saying READY: V8 first runs wasm and JS in baseline code and
 * optimises what gets hot, and a cold worker's first shares are slow enough that the training thread
 * takes them over (parallel-source.ts), so the worker would stay cold (`bench --threads 2`, 5 runs:
 * median 2.3M samples/s without the warm-up, 3.3M with it). The dropout stream is reset afterwards,
 * so the warm-up leaves no trace in the weights.
 */
function warmUp(net: Mlp, data: TrainingRows, xBatch: Float32Array, yBatch: Float32Array, idx: Int32Array): void {
  const count = Math.min(init.batchSize, init.rows, 512);
  for (let i = 0; i < count; i++) idx[i] = i;
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) {
    data.gather(idx, xBatch, yBatch, count);
    net.forwardBackward(xBatch, yBatch, count, init.loss, count);
  }
  net.reseedDropout(rngFromState(init.rngState));
}

const WARM_UP_PASSES = 50;

try {
  run();
} catch (e) {
  fail(e);
}
