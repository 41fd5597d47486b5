// The training rows as the gradient sources read them: one float32 row per event in kernel memory,
// its features followed by its label (stride inputs + 1), starting on a 64-byte boundary.
//
// Why packed: a mini-batch is a random draw of rows, so gathering it is cache misses, not copying.
// Features in one array and labels in another cost two misses per row, often three (a 28-byte row
// of 7 features crosses a line boundary 3 times in 7). Packed, 7 features and the label fill half
// of one 64-byte line. Measured on the default network, batch 1024, one thread: a training step
// went from 443 to 410 µs (median of 7 epochs), and `tracehound bench` from 2.28M to 2.56M
// samples/s (bench/compare-pytorch.ts, median of 5 rounds).

import { ValidationError } from '../errors.js';
import type { Kernels } from './kernels.js';

const LINE_FLOATS = 16;

export class TrainingRows {
  /** [rows × (inputs + 1)]: the features of a row, then its 0/1 label. */
  readonly packed: Float32Array;
  /** The allocation behind `packed` (a few floats longer, so `packed` can start on a line). */
  private readonly buffer: Float32Array;

  private constructor(readonly kernels: Kernels, readonly rows: number, readonly inputs: number) {
    const length = rows * (inputs + 1);
    this.buffer = kernels.alloc(length + LINE_FLOATS);
    const misalignment = (this.buffer.byteOffset >> 2) % LINE_FLOATS;
    const skip = misalignment === 0 ? 0 : LINE_FLOATS - misalignment;
    this.packed = this.buffer.subarray(skip, skip + length);
  }

  /** Packs X [rows × inputs] and y [rows] (any Float32Arrays) into kernel memory. */
  static pack(kernels: Kernels, X: Float32Array, y: Float32Array, rows: number, inputs: number): TrainingRows {
    if (X.length < rows * inputs || y.length < rows) {
      throw new ValidationError(`Training rows: ${rows} rows × ${inputs} features need ${rows * inputs} values and ${rows} labels; got ${X.length} and ${y.length}.`);
    }
    const t = new TrainingRows(kernels, rows, inputs);
    const p = t.packed, stride = inputs + 1;
    for (let r = 0, s = 0, o = 0; r < rows; r++, o += stride) {
      for (let c = 0; c < inputs; c++) p[o + c] = X[s++];
      p[o + inputs] = y[r];
    }
    return t;
  }

  /** A copy, in another kernels' memory, of rows already packed (a worker thread's own copy). */
  static copy(kernels: Kernels, packed: Float32Array, rows: number, inputs: number): TrainingRows {
    const t = new TrainingRows(kernels, rows, inputs);
    t.packed.set(packed.subarray(0, t.packed.length));
    return t;
  }

  /** x [n × inputs] and y [n] of the rows idx[0..n) (kernel buffers), in that order. */
  gather(idx: Int32Array, x: Float32Array, y: Float32Array, n: number): void {
    this.kernels.gatherTrainingRows(this.packed, idx, x, y, n, this.inputs);
  }

  dispose(): void {
    this.kernels.free(this.buffer);
  }
}
