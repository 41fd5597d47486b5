// The shared-memory protocol between the training thread and one gradient worker. Each worker has
// a small Int32 control block; the training thread and the worker hand a batch back and forth with
// Atomics.wait/notify (a few microseconds) instead of postMessage (tens of microseconds per batch).

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
  /** All training rows and labels (copied once into the worker's kernel memory). */
  X: Float32Array;
  y: Float32Array;
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
