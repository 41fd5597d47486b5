// The shared-memory protocol between the training thread and one gradient worker. Each worker has
// a small Int32 control block; the training thread and the worker hand a batch back and forth
// through it instead of postMessage (tens of microseconds per batch).
//
// Each side first spins on the slot (spinUntilChanged) and only then sleeps in Atomics.wait. A batch
// share takes ~200 µs, and waking a thread asleep in Atomics.wait costs a futex wake-up and, on a
// virtual machine, the hypervisor rescheduling an idle vCPU: on this project's 2-core VM it was often
// longer than the share itself, so the training thread took the share over. Spinning for a bounded
// time keeps both cores awake between batches and sleeps once training stops (`tracehound bench
// --threads 2`, 5 runs: median 2.5M samples/s without the spin, 3.3M with it).

import type { MessagePort } from 'node:worker_threads';

/** Control block slots (Int32Array over a SharedArrayBuffer). */
export const Slot = {
  /** Generation of the last request; the worker waits for it to change. */
  REQUEST: 0,
  /** Generation of the last finished request; the training thread waits for it to reach REQUEST. */
  DONE: 1,
  /** 1 once the worker has built its network and copied the training rows. */
  READY: 2,
  /** 0 ok, 1 the worker failed (the message is on the error port). */
  STATUS: 3,
  /** Rows in this worker's share of the batch. */
  COUNT: 4,
  /** Rows of the whole batch (the loss is a mean over these). */
  TOTAL: 5,
  /** 0 compute, 1 stop. */
  COMMAND: 6,
  /**
   * The last generation someone took on: the worker or, when the worker has not started it by the
   * time the training thread is done with its own share, the training thread (compareExchange from
   * generation − 1, so exactly one of them computes each request).
   */
  CLAIM: 7,
} as const;

export const CONTROL_SLOTS = 8;
export const COMMAND_COMPUTE = 0;
export const COMMAND_STOP = 1;
export const STATUS_OK = 0;
export const STATUS_FAILED = 1;

/** What a worker is started with (structured-cloned; SharedArrayBuffer-backed arrays are shared, not copied). */
export interface WorkerInit {
  index: number;
  engine: 'ts' | 'wasm';
  /** For the wasm engine: the module the training thread runs (the worker loads the same one). */
  wasmPath?: string;
  /** The network's configuration (Mlp.toJSON()). */
  config: unknown;
  /** All training rows, packed (training-rows.ts; copied once into the worker's kernel memory). */
  packed: Float32Array;
  rows: number;
  batchSize: number;
  loss: { posWeight: number; focalGamma: number };
  /** State of the worker's dropout stream (forked from the fit seed). */
  rngState: [number, number, number, number];
  control: Int32Array;
  /** Current parameters, written by the training thread before each request. */
  params: Float32Array;
  /** Row indices of this worker's share. */
  indices: Int32Array;
  /** This worker's gradient (flat layout), and its loss share in lossOut[0]. */
  grads: Float32Array;
  lossOut: Float64Array;
  errorPort: MessagePort;
}

/**
 * Split n batch rows over `parts` threads along 512-row chunk boundaries (the network's chunk size),
 * so each thread computes whole chunks: with two threads and batches up to 1536 rows the sums are
 * then the very floats one thread produces. Returns [start, count] per thread that has rows.
 */
export function splitShares(n: number, parts: number, chunkRows: number): Array<[number, number]> {
  const chunks = Math.ceil(n / chunkRows);
  const used = Math.min(parts, chunks);
  const shares: Array<[number, number]> = [];
  for (let p = 0; p < used; p++) {
    // ceil: earlier threads take the extra chunk, so with two threads the worker's share is the
    // last chunks and the reduction order matches one thread's accumulation for up to 3 chunks.
    const c0 = Math.ceil((p * chunks) / used), c1 = Math.ceil(((p + 1) * chunks) / used);
    const start = c0 * chunkRows;
    const end = Math.min(n, c1 * chunkRows);
    shares.push([start, end - start]);
  }
  return shares;
}

/** How long a thread spins on a control slot before it sleeps in Atomics.wait (see the top). */
export const SPIN_MS = 2;

/**
 * Spins until control[slot] differs from `seen` or `spinMs` pass; returns the slot's last value
 * (equal to `seen` when the spin ran out and the caller should Atomics.wait).
 */
export function spinUntilChanged(control: Int32Array, slot: number, seen: number, spinMs = SPIN_MS): number {
  // Every call site here is reached on every call. A clock read or a load reached only once a spin
  // outlasted 256 loads had no type feedback when V8 optimised this function, so the first long
  // spin deoptimised it and V8 compiled it again, in the middle of training (--trace-deopt).
  let end = 0;
  let v = seen;
  for (let first = true; ; first = false) {
    const now = performance.now();
    if (first) end = now + spinMs;
    if (now >= end) return v;
    // Check the clock once every 256 loads: a load is a few nanoseconds, performance.now() more.
    for (let i = 0; i < 256; i++) {
      v = Atomics.load(control, slot);
      if (v !== seen) return v;
    }
  }
}
