// Tree-structured Parzen Estimator, after Optuna's TPESampler: after the start-up trials, the
// observations are split by gamma into a good group and a bad one, a Parzen estimator is built
// for each group, candidates are drawn from the good estimator l(x) and the one with the largest
// l(x)/g(x) is proposed. Multivariate (one product kernel per observation, Optuna's
// multivariate=True) by default; the independent per-dimension model (Optuna's default) on request.

import type { Rng } from '../../random.js';
import { fromInternal, internalBounds, toInternal, type Params, type SearchSpace } from '../distributions.js';
import type { Direction, FrozenTrial } from '../trial.js';
import { CategoricalParzen, MultivariateParzen, NumericParzen, observationWeights, type Estimator } from './parzen.js';
import { sampleRandomParams } from './random.js';
import { completedObservations, type Sampler } from './sampler.js';

export interface TpeOptions {
  /** Trials sampled at random before TPE starts (COMPLETE + PRUNED). Optuna: 10. */
  nStartupTrials?: number;
  /** Candidates drawn from l(x) per dimension. Optuna: 24. */
  nEiCandidates?: number;
  /** Size of the good group for n observations. Optuna: min(ceil(0.1·n), 25). */
  gamma?: (n: number) => number;
  priorWeight?: number;
  /**
   * Model the parameters jointly (Optuna's multivariate=True): one product kernel per
   * observation, so what made good trials good together is kept. Default true: it beats the
   * independent model on the regret benchmarks here (bench/sampler-regret.ts).
   */
  multivariate?: boolean;
}

/** Optuna's SIGMA0_MAGNITUDE: multivariate kernels are 0.2·n^(-1/(d+4)) of the range wide. */
const SIGMA0 = 0.2;

export const defaultGamma = (n: number): number => Math.min(Math.ceil(0.1 * n), 25);

interface Point {
  params: Readonly<Params>;
  number: number;
}

export class TpeSampler implements Sampler {
  readonly name = 'tpe';
  private readonly nStartup: number;
  private readonly nCandidates: number;
  private readonly gamma: (n: number) => number;
  private readonly priorWeight: number;
  private readonly multivariate: boolean;

  constructor(opts: TpeOptions = {}) {
    this.nStartup = opts.nStartupTrials ?? 10;
    this.nCandidates = opts.nEiCandidates ?? 24;
    this.gamma = opts.gamma ?? defaultGamma;
    this.priorWeight = opts.priorWeight ?? 1;
    this.multivariate = opts.multivariate ?? true;
  }

  sample(history: readonly FrozenTrial[], space: SearchSpace, rng: Rng, direction: Direction): Params {
    const complete = completedObservations(history, space, direction);
    const names = Object.keys(space);
    // Pruned trials count as observations of the bad group (they were stopped for looking worse).
    const pruned: Point[] = history
      .filter((t) => t.state === 'PRUNED' && names.every((n) => n in t.params))
      .map((t) => ({ params: t.params, number: t.number }));
    const n = complete.length + pruned.length;
    if (n < this.nStartup || complete.length === 0) return sampleRandomParams(space, rng);

    const sorted = [...complete].sort((a, b) => a.loss - b.loss || a.number - b.number);
    const nBelow = Math.max(1, Math.min(this.gamma(n), sorted.length));
    const byNumber = (a: Point, b: Point) => a.number - b.number;
    const below: Point[] = sorted.slice(0, nBelow).sort(byNumber);
    const above: Point[] = [...sorted.slice(nBelow), ...pruned].sort(byNumber);

    if (this.multivariate) return this.sampleJoint(below, above, names, space, rng);
    const out: Params = {};
    for (const name of names) {
      const d = space[name];
      const l = this.estimator(below, name, space);
      const g = this.estimator(above, name, space);
      out[name] = fromInternal(d, bestCandidate(l, g, this.nCandidates, rng));
    }
    return out;
  }

  private sampleJoint(below: readonly Point[], above: readonly Point[], names: readonly string[], space: SearchSpace, rng: Rng): Params {
    const l = new MultivariateParzen(names.map((n) => this.estimator(below, n, space, names.length)));
    const g = new MultivariateParzen(names.map((n) => this.estimator(above, n, space, names.length)));
    const best = bestCandidate(l, g, this.nCandidates, rng);
    const out: Params = {};
    names.forEach((n, j) => (out[n] = fromInternal(space[n], best[j])));
    return out;
  }

  /** One dimension's estimator; with `jointDims`, the multivariate fixed bandwidth is used. */
  private estimator(points: readonly Point[], name: string, space: SearchSpace, jointDims?: number): Estimator {
    const d = space[name];
    const xs = points.map((p) => toInternal(d, p.params[name]));
    const w = observationWeights(points.length);
    if (d.type === 'categorical') return new CategoricalParzen(xs, w, d.choices.length, this.priorWeight);
    const [lo, hi] = internalBounds(d);
    const bandwidth = jointDims === undefined ? undefined : SIGMA0 * Math.max(points.length, 1) ** (-1 / (jointDims + 4)) * (hi - lo);
    return new NumericParzen(xs, w, lo, hi, this.priorWeight, bandwidth);
  }
}

/** A density TPE draws candidates from (one parameter: a number; the joint one: a vector). */
interface Density<T> {
  sample(rng: Rng): T;
  logPdf(x: T): number;
}

/**
 * Of n candidates drawn from l (the good trials' density), the one with the largest l(x)/g(x):
 * TPE's stand-in for expected improvement.
 */
function bestCandidate<T>(l: Density<T>, g: Density<T>, n: number, rng: Rng): T {
  let best: T | undefined;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    const x = l.sample(rng);
    const ratio = l.logPdf(x) - g.logPdf(x);
    const score = Number.isNaN(ratio) ? -Infinity : ratio; // a NaN never beats a number
    if (best === undefined || score > bestScore) {
      bestScore = score;
      best = x;
    }
  }
  return best as T;
}
