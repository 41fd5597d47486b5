// Bayesian optimisation with a Gaussian process and Expected Improvement, like scikit-optimize's
// gp_minimize: random start-up trials, then a Matérn 5/2 ARD GP fitted on the finished trials
// (inputs in the unit cube, categoricals one-hot) and the candidate with the largest EI proposed.
// EI is maximised over random candidates, then the best few are refined by local perturbation.
// Every candidate is decoded and re-encoded before scoring, so integers and categoricals are
// scored at the feasible points that would actually be run.

import type { Rng } from '../../random.js';
import type { Params, SearchSpace } from '../distributions.js';
import { UnitCubeEncoding } from '../gp/encoding.js';
import { GaussianProcess, type GpFitOptions } from '../gp/gaussian-process.js';
import { normalCdf } from './parzen.js';
import { sampleRandomParams } from './random.js';
import { completedObservations, type Sampler } from './sampler.js';
import type { Direction, FrozenTrial } from '../trial.js';

export interface GpEiOptions {
  /** Random trials before the GP takes over. scikit-optimize: 10. */
  nStartupTrials?: number;
  /** Random candidates scored by EI. */
  nCandidates?: number;
  /** How many of the best candidates are refined locally. */
  nRefine?: number;
  /** Exploration margin ξ in EI (in standardised units of the objective), scikit-optimize: 0.01. */
  xi?: number;
  fit?: GpFitOptions;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/** Expected improvement below `best` of a normal prediction (minimisation). */
export function expectedImprovement(mean: number, variance: number, best: number, xi: number): number {
  const sd = Math.sqrt(variance);
  const imp = best - mean - xi;
  if (sd < 1e-12) return Math.max(imp, 0);
  const z = imp / sd;
  return imp * normalCdf(z) + sd * INV_SQRT_2PI * Math.exp(-0.5 * z * z);
}

export class GpEiSampler implements Sampler {
  readonly name = 'gp';
  private readonly opts: Required<Omit<GpEiOptions, 'fit'>> & { fit: GpFitOptions };

  constructor(opts: GpEiOptions = {}) {
    this.opts = {
      nStartupTrials: opts.nStartupTrials ?? 10,
      nCandidates: opts.nCandidates ?? 1000,
      nRefine: opts.nRefine ?? 5,
      xi: opts.xi ?? 0.01,
      fit: opts.fit ?? {},
    };
  }

  sample(history: readonly FrozenTrial[], space: SearchSpace, rng: Rng, direction: Direction): Params {
    const complete = completedObservations(history, space, direction);
    // Pruned trials were stopped for looking bad: they enter the fit at the worst completed value
    // (a pessimistic imputation), so the GP learns to avoid their region and heavy pruning does
    // not keep the search random for long.
    const names = Object.keys(space);
    const pruned = history.filter((t) => t.state === 'PRUNED' && names.every((n) => n in t.params));
    if (complete.length + pruned.length < this.opts.nStartupTrials || complete.length < 2) return sampleRandomParams(space, rng);
    const worst = Math.max(...complete.map((o) => o.loss));
    const obs = [...complete, ...pruned.map((t) => ({ params: t.params, loss: worst, number: t.number }))];
    const enc = new UnitCubeEncoding(space);
    const xs = obs.map((o) => enc.encode(o.params));
    const ys = obs.map((o) => o.loss);
    const gp = new GaussianProcess(xs, ys).fit(rng, this.opts.fit);
    const best = Math.min(...ys);
    // ξ is given in standardised units; scale it to the objective's spread.
    const spread = Math.sqrt(ys.reduce((a, y) => a + (y - ys.reduce((s, v) => s + v, 0) / ys.length) ** 2, 0) / ys.length) || 1;
    const xi = this.opts.xi * spread;
    const score = (u: number[]): { u: number[]; ei: number } => {
      const feasible = enc.encode(enc.decode(u));
      const p = gp.predict(feasible);
      return { u: feasible, ei: expectedImprovement(p.mean, p.variance, best, xi) };
    };

    const scored: { u: number[]; ei: number }[] = [];
    for (let c = 0; c < this.opts.nCandidates; c++) scored.push(score(enc.encode(sampleRandomParams(space, rng))));
    // Also look right next to the best observations: EI is often largest there once the GP is sure.
    const order = obs.map((_, i) => i).sort((a, b) => ys[a] - ys[b] || obs[a].number - obs[b].number);
    for (const i of order.slice(0, this.opts.nRefine)) scored.push(score(xs[i]));
    scored.sort((a, b) => b.ei - a.ei);

    const numeric = enc.numericCoordinates();
    let winner = scored[0];
    for (const start of scored.slice(0, this.opts.nRefine)) {
      const refined = this.refine(start, numeric, enc.dims, score, rng);
      if (refined.ei > winner.ei) winner = refined;
    }
    return enc.decode(winner.u);
  }

  /** Stochastic local search on the numeric coordinates with a shrinking step. */
  private refine(
    start: { u: number[]; ei: number },
    numeric: readonly number[],
    dims: number,
    score: (u: number[]) => { u: number[]; ei: number },
    rng: Rng,
  ): { u: number[]; ei: number } {
    if (numeric.length === 0 || dims === 0) return start;
    let cur = start;
    let step = 0.1;
    for (let it = 0; it < 30 && step > 1e-3; it++) {
      const u = cur.u.slice();
      for (const k of numeric) u[k] = Math.min(1, Math.max(0, u[k] + step * rng.normal()));
      const s = score(u);
      if (s.ei > cur.ei) cur = s;
      else step *= 0.85;
    }
    return cur;
  }
}
