// One-dimensional Parzen estimators as Optuna's TPE builds them: a truncated-Gaussian mixture for
// numeric dimensions (in internal space, so log dims are log-normal kernels) and a smoothed
// categorical mixture. Each observation is a kernel; a prior kernel keeps unexplored regions alive.

import type { Rng } from '../../random.js';

const SQRT2 = Math.SQRT2;
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** erf with |error| < 1.2e-7 (Numerical Recipes' erfc Chebyshev fit). */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const r =
    t *
    Math.exp(
      -z * z - 1.26551223 +
        t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
        t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - r : r - 1;
}

export function normalCdf(z: number): number {
  return 0.5 * (1 + erf(z / SQRT2));
}

/** Optuna's default_weights: flat for the 25 most recent observations, a linear ramp before them. */
export function observationWeights(n: number): number[] {
  if (n === 0) return [];
  if (n < 25) return new Array(n).fill(1);
  const ramp: number[] = [];
  const m = n - 25;
  for (let i = 0; i < m; i++) ramp.push(m === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (m - 1));
  return [...ramp, ...new Array(25).fill(1)];
}

function normalise(w: number[]): number[] {
  const s = w.reduce((a, b) => a + b, 0);
  return w.map((v) => v / s);
}

function logSumExp(a: number[]): number {
  let m = -Infinity;
  for (const v of a) if (v > m) m = v;
  if (m === -Infinity) return m;
  let s = 0;
  for (const v of a) s += Math.exp(v - m);
  return m + Math.log(s);
}

function pickComponent(weights: readonly number[], rng: Rng): number {
  let u = rng.next();
  for (let i = 0; i < weights.length - 1; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

export interface Estimator {
  /** Mixture weights of the kernels (one per observation, then the prior), summing to 1. */
  readonly weights: readonly number[];
  sample(rng: Rng): number;
  logPdf(x: number): number;
  /** Draw from kernel k alone (the multivariate estimator picks k once for all dimensions). */
  sampleKernel(k: number, rng: Rng): number;
  kernelLogPdf(k: number, x: number): number;
}

/**
 * Truncated-Gaussian mixture on [low, high] over observations `xs` (internal coordinates).
 * Bandwidths: Optuna's univariate rule by default, or one fixed bandwidth for every observation
 * kernel (the multivariate TPE's Scott-like rule).
 */
export class NumericParzen implements Estimator {
  readonly mus: number[];
  readonly sigmas: number[];
  readonly weights: number[];
  private readonly logNorm: number[];

  constructor(
    xs: readonly number[],
    obsWeights: readonly number[],
    readonly low: number,
    readonly high: number,
    priorWeight = 1,
    bandwidth?: number,
  ) {
    const range = high - low || 1e-12;
    const n = xs.length;
    // Bandwidth of each observation's kernel (Optuna, consider_endpoints=False): the larger distance
    // to its sorted neighbours, the outermost kernels using their inner neighbour only; clipped
    // between range/min(100, n+2) ("magic clip") and the range. The prior kernel sits in the
    // middle and is as wide as the space.
    const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b]);
    const sorted = order.map((i) => xs[i]);
    const sigmas = new Array<number>(n + 1);
    const minSigma = range / Math.min(100, n + 2);
    for (let k = 0; k < n; k++) {
      let s: number;
      if (bandwidth !== undefined) s = bandwidth;
      else if (n === 1) s = Math.max(sorted[0] - low, high - sorted[0]);
      else if (k === 0) s = sorted[1] - sorted[0];
      else if (k === n - 1) s = sorted[n - 1] - sorted[n - 2];
      else s = Math.max(sorted[k] - sorted[k - 1], sorted[k + 1] - sorted[k]);
      sigmas[order[k]] = Math.min(range, Math.max(minSigma, s));
    }
    sigmas[n] = range;
    const mus = [...xs, (low + high) / 2];
    this.mus = mus;
    this.sigmas = sigmas;
    this.weights = normalise([...obsWeights, priorWeight]);
    this.logNorm = mus.map((m, i) => {
      const mass = normalCdf((high - m) / sigmas[i]) - normalCdf((low - m) / sigmas[i]);
      return Math.log(Math.max(mass, 1e-300));
    });
  }

  sample(rng: Rng): number {
    return this.sampleKernel(pickComponent(this.weights, rng), rng);
  }

  sampleKernel(k: number, rng: Rng): number {
    const mu = this.mus[k];
    const s = this.sigmas[k];
    // Rejection from the untruncated normal: the kernel's centre lies inside, so acceptance is
    // at least about a third; the clamp only guards a pathological run.
    for (let tries = 0; tries < 200; tries++) {
      const x = mu + s * rng.normal();
      if (x >= this.low && x <= this.high) return x;
    }
    return Math.min(this.high, Math.max(this.low, mu));
  }

  kernelLogPdf(k: number, x: number): number {
    const z = (x - this.mus[k]) / this.sigmas[k];
    return -0.5 * z * z - LOG_SQRT_2PI - Math.log(this.sigmas[k]) - this.logNorm[k];
  }

  logPdf(x: number): number {
    return logSumExp(this.weights.map((w, k) => Math.log(w) + this.kernelLogPdf(k, x)));
  }
}

/** Mixture of per-observation categorical kernels, each smoothed by priorWeight/K, plus a uniform prior. */
export class CategoricalParzen implements Estimator {
  /** kernels[k][c]: probability of choice c under kernel k. */
  readonly kernels: number[][];
  readonly weights: number[];
  readonly probs: number[];

  constructor(indices: readonly number[], obsWeights: readonly number[], k: number, priorWeight = 1) {
    this.weights = normalise([...obsWeights, priorWeight]);
    this.kernels = indices.map((c) => {
      const kernel = new Array<number>(k).fill(priorWeight / k / (1 + priorWeight));
      kernel[c] += 1 / (1 + priorWeight);
      return kernel;
    });
    this.kernels.push(new Array<number>(k).fill(1 / k));
    const probs = new Array<number>(k).fill(0);
    this.kernels.forEach((kernel, i) => kernel.forEach((p, c) => (probs[c] += this.weights[i] * p)));
    this.probs = normalise(probs);
  }

  sample(rng: Rng): number {
    return pickComponent(this.probs, rng);
  }

  logPdf(x: number): number {
    return Math.log(this.probs[x]);
  }

  sampleKernel(k: number, rng: Rng): number {
    return pickComponent(this.kernels[k], rng);
  }

  kernelLogPdf(k: number, x: number): number {
    return Math.log(this.kernels[k][x]);
  }
}

/**
 * The joint estimator of multivariate TPE: kernel k is the product over dimensions of each
 * dimension's kernel k, so correlations between parameters of good trials are kept.
 */
export class MultivariateParzen {
  constructor(readonly dims: readonly Estimator[]) {}

  sample(rng: Rng): number[] {
    const k = pickComponent(this.dims[0].weights, rng);
    return this.dims.map((d) => d.sampleKernel(k, rng));
  }

  logPdf(x: readonly number[]): number {
    const w = this.dims[0].weights;
    return logSumExp(w.map((wk, k) => Math.log(wk) + this.dims.reduce((s, d, j) => s + d.kernelLogPdf(k, x[j]), 0)));
  }
}
