// Partial dependence and ICE by brute force, modelled on scikit-learn's
// inspection/_partial_dependence.py (method='brute', response on predicted probability):
// for each grid value v of a feature, set that feature to v in every background row, score, and
// average. ICE keeps the per-row curves; centered ICE subtracts each curve's value at the first
// grid point (scikit-learn's `centered=True`). Two-feature PD does the same over the grid product.

import { FEATURE_COLUMNS, type FeatureName } from '../data/table.js';
import { UsageError, ValidationError } from '../errors.js';
import type { ScoringModel } from '../model/types.js';
import { groupRows, scoreOverwritten } from './batch.js';
import { deciles, featureGrid, type GridKind, type GridOptions } from './grid.js';
import { sampleColumn, type RowSample } from './sample.js';

export interface FeaturePartialDependence {
  readonly name: FeatureName;
  readonly grid: number[];
  readonly gridKind: GridKind;
  /** Mean predicted probability at each grid value. */
  readonly average: number[];
  /** max(average) − min(average): how far this feature alone moves the mean prediction. */
  readonly range: number;
  /** Deciles of the feature in the background sample (the rug). */
  readonly deciles: number[];
  /** ICE: one curve per background row [rows × grid], when asked for. */
  readonly individual?: number[][];
  /** Centered ICE: individual[i][k] − individual[i][0]. */
  readonly centered?: number[][];
}

export interface PairPartialDependence {
  readonly features: [FeatureName, FeatureName];
  readonly grid: [number[], number[]];
  /** average[i][j] = mean probability with features[0] = grid[0][i] and features[1] = grid[1][j]. */
  readonly average: number[][];
  readonly range: number;
}

export interface PartialDependenceOptions extends GridOptions {
  /** Keep the ICE curves (and centered ICE). */
  ice?: boolean;
}

function columnIndex(s: RowSample, name: string): number {
  const c = s.columns.indexOf(name as FeatureName);
  if (c < 0) {
    throw new ValidationError(`Unknown feature '${name}'. The model's input columns are ${s.columns.join(', ')}.`);
  }
  return c;
}

function rangeOf(values: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return values.length ? hi - lo : 0;
}

/** Partial dependence (and optionally ICE) of one feature, averaged over the sample rows. */
export function partialDependence(
  model: ScoringModel,
  s: RowSample,
  feature: FeatureName,
  opts: PartialDependenceOptions = {},
): FeaturePartialDependence {
  const c = columnIndex(s, feature);
  const column = sampleColumn(s, c);
  const { values: grid, kind } = featureGrid(column, opts);
  const groups = groupRows(s, [c]);
  const G = grid.length;
  const p = scoreOverwritten(model, s, groups.representatives, [c], grid.map((v) => [v]));
  const sums = new Float64Array(G);
  for (let u = 0; u < groups.counts.length; u++) {
    const w = groups.counts[u];
    for (let k = 0; k < G; k++) sums[k] += w * p[u * G + k];
  }
  const average = Array.from(sums, (v) => v / s.n);
  const result: FeaturePartialDependence = {
    name: feature,
    grid,
    gridKind: kind,
    average,
    range: rangeOf(average),
    deciles: deciles(column),
  };
  if (!opts.ice) return result;
  const individual: number[][] = [];
  const centered: number[][] = [];
  for (let i = 0; i < s.n; i++) {
    const u = groups.groupOf[i];
    const curve = Array.from(p.subarray(u * G, (u + 1) * G));
    individual.push(curve);
    centered.push(curve.map((v) => v - curve[0]));
  }
  return { ...result, individual, centered };
}

/** Two-feature partial dependence over the product of both grids. */
export function partialDependence2d(
  model: ScoringModel,
  s: RowSample,
  pair: readonly [FeatureName, FeatureName],
  opts: GridOptions = {},
): PairPartialDependence {
  const [a, b] = pair;
  if (a === b) throw new ValidationError(`A feature pair needs two different features. Got '${a}:${b}'.`);
  const ca = columnIndex(s, a);
  const cb = columnIndex(s, b);
  const ga = featureGrid(sampleColumn(s, ca), opts).values;
  const gb = featureGrid(sampleColumn(s, cb), opts).values;
  const points: number[][] = [];
  for (const va of ga) for (const vb of gb) points.push([va, vb]);
  const groups = groupRows(s, [ca, cb]);
  const P = points.length;
  const p = scoreOverwritten(model, s, groups.representatives, [ca, cb], points);
  const sums = new Float64Array(P);
  for (let u = 0; u < groups.counts.length; u++) {
    const w = groups.counts[u];
    for (let k = 0; k < P; k++) sums[k] += w * p[u * P + k];
  }
  const average: number[][] = [];
  for (let i = 0; i < ga.length; i++) average.push(Array.from(sums.subarray(i * gb.length, (i + 1) * gb.length), (v) => v / s.n));
  return { features: [a, b], grid: [ga, gb], average, range: rangeOf(average.flat()) };
}

/** Parse `--pairs a:b,c:d` into pairs of BETH feature names (a usage error otherwise). */
export function parsePairs(text: string | undefined): [FeatureName, FeatureName][] {
  if (!text) return [];
  return text.split(',').map((part) => {
    const names = part.trim().split(':');
    if (names.length !== 2 || !names[0] || !names[1] || names[0] === names[1]) {
      throw new UsageError(`The 'pairs' option takes pairs of two different features as a:b[,c:d]. Got '${part}'.`);
    }
    for (const n of names) {
      if (!(FEATURE_COLUMNS as readonly string[]).includes(n)) {
        throw new UsageError(`The 'pairs' option names an unknown feature '${n}'. Features: ${FEATURE_COLUMNS.join(', ')}.`);
      }
    }
    return [names[0] as FeatureName, names[1] as FeatureName];
  });
}
