// The per-column training range { min, max, p01, p99 } saved in a model's manifest: the scorer's
// drift check compares incoming events against it (values beyond what training showed are where a
// network extrapolates). Percentiles interpolate linearly between order statistics (numpy's default).
// The order statistics are selected, not sorted for: the same values in linear time, 26–35 ms
// instead of about 70 ms per 1.1M-row column (seven columns per `train` of bench/train-1m.ts).

import { FEATURE_COLUMNS, type FeatureName, type Table } from '../data/table.js';

export interface ColumnRange {
  min: number;
  max: number;
  p01: number;
  p99: number;
}

export type FeatureRanges = Record<FeatureName, ColumnRange>;

/** q-quantile (0 ≤ q ≤ 1) of sorted values, numpy 'linear' method. */
export function quantileSorted(sorted: Float64Array, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function featureRanges(table: Table): FeatureRanges {
  const out = {} as FeatureRanges;
  for (const name of FEATURE_COLUMNS) out[name] = columnRange(table.columns[name]);
  return out;
}

/** min, max, p01 and p99 of the values (NaN for none). */
export function columnRange(values: ArrayLike<number>): ColumnRange {
  const a = Float64Array.from(values);
  const n = a.length;
  if (n === 0) return { min: NaN, max: NaN, p01: NaN, p99: NaN };
  let min = Infinity, max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = a[i];
    // NaN has no place in a partial order: sort (NaNs last, as Float64Array#sort puts them).
    if (v !== v) return rangeOfSorted(a.sort());
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max, p01: selectedQuantile(a, 0.01), p99: selectedQuantile(a, 0.99) };
}

function rangeOfSorted(sorted: Float64Array): ColumnRange {
  return { min: sorted[0], max: sorted[sorted.length - 1], p01: quantileSorted(sorted, 0.01), p99: quantileSorted(sorted, 0.99) };
}

/** quantileSorted(sorted copy of a, q), without sorting: a is reordered. */
function selectedQuantile(a: Float64Array, q: number): number {
  const pos = (a.length - 1) * q;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  const low = selectKth(a, lo);
  // After selecting the lo-th value, everything after index lo is ≥ it: the next order statistic
  // is their minimum.
  let high = low;
  if (hi !== lo) {
    high = Infinity;
    for (let i = lo + 1; i < a.length; i++) if (a[i] < high) high = a[i];
  }
  return low + (high - low) * (pos - lo);
}

/**
 * The k-th smallest value (0-based) of a, which it reorders so that a[0..k) ≤ a[k] ≤ a(k..]:
 * quickselect with a median-of-three pivot and a three-way partition, so columns with few distinct
 * values (BETH's userId, argsNum) take one pass per distinct value at worst, not one per row.
 */
export function selectKth(a: Float64Array, k: number): number {
  let lo = 0, hi = a.length - 1;
  while (lo < hi) {
    const pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
    let lt = lo, i = lo, gt = hi;
    while (i <= gt) {
      const v = a[i];
      if (v < pivot) {
        a[i++] = a[lt];
        a[lt++] = v;
      } else if (v > pivot) {
        a[i] = a[gt];
        a[gt--] = v;
      } else i++;
    }
    // [lo, lt) < pivot, [lt, gt] = pivot, (gt, hi] > pivot
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[k];
}

function medianOfThree(x: number, y: number, z: number): number {
  if (x < y) return y < z ? y : x < z ? z : x;
  return x < z ? x : y < z ? z : y;
}
