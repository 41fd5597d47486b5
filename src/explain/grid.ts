// The grid of values a feature is set to for partial dependence, as scikit-learn's
// inspection/_partial_dependence.py `_grid_from_X` builds it: the sorted unique values when the
// feature has fewer distinct values than the grid resolution (BETH's userId, mountNamespace, argsNum),
// else `resolution` evenly spaced points between the 5th and 95th percentiles (scipy's mquantiles,
// alphap = betap = 0.4, as scikit-learn uses).

import { ValidationError } from '../errors.js';

export type GridKind = 'uniques' | 'percentiles' | 'range' | 'constant';

export interface FeatureGrid {
  readonly values: number[];
  /** How the grid was built: unique values, the percentile span, the min–max span, or a single value. */
  readonly kind: GridKind;
}

export interface GridOptions {
  /** Number of grid points (scikit-learn's grid_resolution); default 20. */
  resolution?: number;
  /** Lower and upper percentiles in [0, 1]; default [0.05, 0.95]. */
  percentiles?: readonly [number, number];
}

/** scipy.stats.mstats.mquantiles with alphap = betap = 0.4 on an ascending-sorted array. */
export function mquantile(sorted: ArrayLike<number>, p: number, alphap = 0.4, betap = 0.4): number {
  const n = sorted.length;
  if (n === 0) throw new ValidationError('mquantile: no values');
  if (n === 1) return sorted[0];
  const m = alphap + p * (1 - alphap - betap);
  const aleph = n * p + m;
  const k = Math.floor(Math.min(Math.max(aleph, 1), n - 1));
  const gamma = Math.min(Math.max(aleph - k, 0), 1);
  return (1 - gamma) * sorted[k - 1] + gamma * sorted[k];
}

export function linspace(lo: number, hi: number, num: number): number[] {
  if (num === 1) return [lo];
  const out = new Array<number>(num);
  const step = (hi - lo) / (num - 1);
  for (let i = 0; i < num; i++) out[i] = lo + step * i;
  out[num - 1] = hi; // exact end point, as numpy's endpoint=True
  return out;
}

/** Sorted distinct values of a column (stops counting once more than `limit` are seen). */
export function distinctSorted(values: ArrayLike<number>, limit = Infinity): number[] {
  const seen = new Set<number>();
  for (let i = 0; i < values.length; i++) {
    seen.add(values[i]);
    if (seen.size > limit) break;
  }
  return [...seen].sort((a, b) => a - b);
}

export function checkResolution(resolution: number): void {
  if (!Number.isInteger(resolution) || resolution < 2) {
    throw new ValidationError(`The 'grid' option must be an integer of at least 2. Got ${resolution}.`);
  }
}

/** The grid for one feature column. */
export function featureGrid(values: ArrayLike<number>, opts: GridOptions = {}): FeatureGrid {
  const resolution = opts.resolution ?? 20;
  const [plo, phi] = opts.percentiles ?? [0.05, 0.95];
  checkResolution(resolution);
  if (!(plo >= 0 && phi <= 1 && plo < phi)) {
    throw new ValidationError(`Percentiles must satisfy 0 <= low < high <= 1. Got [${plo}, ${phi}].`);
  }
  if (values.length === 0) throw new ValidationError('Cannot build a partial-dependence grid from zero rows.');
  const uniques = distinctSorted(values, resolution);
  if (uniques.length < resolution) {
    return { values: uniques, kind: uniques.length === 1 ? 'constant' : 'uniques' };
  }
  const sorted = Float64Array.from(values).sort();
  const lo = mquantile(sorted, plo);
  const hi = mquantile(sorted, phi);
  if (hi - lo > 1e-12 * Math.max(1, Math.abs(lo))) return { values: linspace(lo, hi, resolution), kind: 'percentiles' };
  // scikit-learn raises here ("percentiles are too close"). A feature that is nearly constant with
  // a few outliers (BETH's returnValue: mostly 0) still deserves a curve, so span its full range.
  return { values: linspace(sorted[0], sorted[sorted.length - 1], resolution), kind: 'range' };
}

/** Deciles of a column (the rug under a partial-dependence plot, as scikit-learn draws). */
export function deciles(values: ArrayLike<number>): number[] {
  if (values.length === 0) return [];
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  for (let d = 1; d <= 9; d++) out.push(mquantile(sorted, d / 10));
  return out;
}
