// The per-column training range { min, max, p01, p99 } saved in a model's manifest: the scorer's
// drift check compares incoming events against it (values beyond what training showed are where a
// network extrapolates). Percentiles interpolate linearly between order statistics (numpy's default).

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
  for (const name of FEATURE_COLUMNS) {
    const sorted = Float64Array.from(table.columns[name]).sort();
    out[name] = {
      min: sorted.length ? sorted[0] : NaN,
      max: sorted.length ? sorted[sorted.length - 1] : NaN,
      p01: quantileSorted(sorted, 0.01),
      p99: quantileSorted(sorted, 0.99),
    };
  }
  return out;
}
