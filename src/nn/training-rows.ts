// The training rows as the gradient sources read them: one float32 row per event in kernel memory,
// its features followed by its label, then padding up to `rowStride` floats, starting on a 64-byte
// boundary.
//
// Why packed: a mini-batch is a random draw of rows, so gathering it is cache misses, not copying.
// Features in one array and labels in another cost two misses per row, often three (28-byte rows
// of 7 features straddle a line boundary in 6 rows of 16). Packed, 7 features and the label fill half
// of one 64-byte line. Measured on the default network, batch 1024, one thread: a training step
// went from 443 to 410 µs (median of 7 epochs), and `tracehound bench` from 2.28M to 2.56M
// samples/s (bench/compare-pytorch.ts, median of 5 rounds).
// Rows are padded to 4, 8 or 16 floats when features and label fit, so no row straddles a line:
// the default model's 12 features and label take 16 floats, one line, instead of 13 floats that
// straddle a line boundary in 3 rows of 4. Wider rows are padded to a multiple of 4 floats, so the
// gather copies whole vectors.

import { ValidationError } from '../errors.js';
import type { Kernels } from './kernels.js';

const LINE_FLOATS = 16;

/** Floats per packed row of `inputs` features and a label. */
export function rowStride(inputs: number): number {
  const used = inputs + 1;
  if (used <= 4) return 4;
  if (used <= 8) return 8;
  if (used <= LINE_FLOATS) return LINE_FLOATS;
  return Math.ceil(used / 4) * 4;
}

export class TrainingRows {
  /** [rows × stride]: the features of a row, then its 0/1 label, then zeros. */
  readonly packed: Float32Array;
  /** Floats per row (rowStride(inputs)). */
  readonly stride: number;
  /** The allocation behind `packed` (a few floats longer, so `packed` can start on a line). */
  private readonly buffer: Float32Array;

  private constructor(readonly kernels: Kernels, readonly rows: number, readonly inputs: number) {
    this.stride = rowStride(inputs);
    const length = rows * this.stride;
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
    const p = t.packed, stride = t.stride;
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
    this.kernels.gatherTrainingRows(this.packed, idx, x, y, n, this.inputs, this.stride);
  }

  dispose(): void {
    this.kernels.free(this.buffer);
  }
}
