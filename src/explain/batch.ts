// Batched scoring of "every background row with some columns overwritten by every grid point",
// the brute-force core of partial dependence (scikit-learn's `_partial_dependence_brute`).
//
// Two things keep it fast and model-agnostic:
// - rows that agree on every column that is NOT overwritten give identical predictions once the
//   overwritten columns are set, so they are scored once and weighted by their count (BETH events
//   repeat a lot: the same process makes many calls). This is exact for any deterministic model.
// - all (row, grid point) combinations go to the model in a few big scoreRows calls.

import type { ScoringModel } from '../model/types.js';
import type { RowSample } from './sample.js';

/** Rows per scoreRows call: large enough to amortise the call, small enough to stay in memory. */
export const MAX_BATCH_ROWS = 1 << 18;

export interface RowGroups {
  /** Index (into the sample) of one representative row per group. */
  readonly representatives: Int32Array;
  /** Number of sample rows in each group. */
  readonly counts: Float64Array;
  /** The group of every sample row. */
  readonly groupOf: Int32Array;
}

/**
 * Group sample rows that are equal on every column except those in `ignore`. An open-addressing
 * hash table over the rows' float64 bit patterns (exact equality, checked on every probe): about
 * 20× faster than string keys, which mattered once scoring itself got fast.
 */
export function groupRows(s: RowSample, ignore: readonly number[]): RowGroups {
  const d = s.columns.length;
  const keepList: number[] = [];
  for (let c = 0; c < d; c++) if (!ignore.includes(c)) keepList.push(c);
  const keep = Int32Array.from(keepList);
  const K = keep.length;
  const rows = s.rows;
  const bits = new Uint32Array(s.rows.buffer, s.rows.byteOffset, s.rows.length * 2);
  let size = 1;
  while (size < s.n * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1); // group number, or -1 when empty
  const reps: number[] = [];
  const counts: number[] = [];
  const groupOf = new Int32Array(s.n);
  for (let i = 0; i < s.n; i++) {
    let h = 0x811c9dc5;
    for (let k = 0; k < K; k++) {
      const w = (i * d + keep[k]) * 2;
      h = Math.imul(h ^ bits[w], 0x01000193);
      h = Math.imul(h ^ bits[w + 1], 0x01000193);
    }
    h ^= h >>> 15;
    let slot = h & (size - 1);
    let g = -1;
    for (;;) {
      const cand = slots[slot];
      if (cand < 0) break;
      const a = reps[cand] * d;
      const b = i * d;
      let k = 0;
      while (k < K && rows[a + keep[k]] === rows[b + keep[k]]) k++;
      if (k === K) {
        g = cand;
        break;
      }
      slot = (slot + 1) & (size - 1);
    }
    if (g < 0) {
      g = reps.length;
      slots[slot] = g;
      reps.push(i);
      counts.push(0);
    }
    counts[g]++;
    groupOf[i] = g;
  }
  return { representatives: Int32Array.from(reps), counts: Float64Array.from(counts), groupOf };
}

/**
 * Probabilities for every (representative row u, grid point k), laid out [u × points]:
 * out[u * points + k] = model(row u with columns[c] := values[k][c] for each c).
 * `values` is the list of grid points; each point gives one value per overwritten column.
 */
export function scoreOverwritten(
  model: ScoringModel,
  s: RowSample,
  representatives: Int32Array,
  columns: readonly number[],
  values: readonly (readonly number[])[],
): Float64Array {
  const d = s.columns.length;
  const points = values.length;
  const total = representatives.length * points;
  const out = new Float64Array(total);
  const chunkRows = Math.min(total, Math.max(points, Math.floor(MAX_BATCH_ROWS / points) * points));
  const batch = new Float64Array(chunkRows * d);
  let done = 0;
  while (done < total) {
    const n = Math.min(chunkRows, total - done);
    for (let r = 0; r < n; r++) {
      const flat = done + r;
      const u = (flat / points) | 0;
      const k = flat - u * points;
      const src = representatives[u] * d;
      batch.set(s.rows.subarray(src, src + d), r * d);
      const point = values[k];
      for (let c = 0; c < columns.length; c++) batch[r * d + columns[c]] = point[c];
    }
    const p = model.scoreRows(n === chunkRows ? batch : batch.subarray(0, n * d), n);
    for (let r = 0; r < n; r++) out[done + r] = p[r];
    done += n;
  }
  return out;
}
