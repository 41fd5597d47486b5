// Gaussian-process regression with a Matérn 5/2 kernel, one length scale per input dimension
// (ARD), a signal amplitude and a noise variance, all fitted by maximising the log marginal
// likelihood (Nelder–Mead on the log-parameters, from a default start and a few random ones).
// Inputs are expected in [0, 1]^D; targets are standardised here and un-standardised on predict.

import type { Rng } from '../../random.js';
import { cholesky, choleskySolve, solveLower } from './linalg.js';
import { nelderMead } from './nelder-mead.js';

const SQRT5 = Math.sqrt(5);
const LOG_2PI = Math.log(2 * Math.PI);

/** Bounds on the log-hyperparameters: they keep the fit away from degenerate optima. */
const LOG_AMP: [number, number] = [Math.log(0.05), Math.log(20)];
const LOG_LS: [number, number] = [Math.log(0.01), Math.log(20)];
const LOG_NOISE: [number, number] = [Math.log(1e-6), Math.log(1)];
const JITTER = 1e-8;

export interface GpHyperparameters {
  amplitude: number;
  lengthScales: number[];
  noise: number;
}

export interface GpFitOptions {
  /** Random restarts of the optimiser besides the default start. */
  restarts?: number;
  /** Objective evaluations per optimiser run. */
  maxEvals?: number;
}

/** Matérn 5/2 correlation at scaled distance r ≥ 0. */
export function matern52(r: number): number {
  const s = SQRT5 * r;
  return (1 + s + (s * s) / 3) * Math.exp(-s);
}

function clamp(v: number, [lo, hi]: [number, number]): number {
  return Math.min(hi, Math.max(lo, v));
}

export class GaussianProcess {
  private readonly x: number[][];
  private readonly n: number;
  private readonly dim: number;
  private readonly yMean: number;
  private readonly yStd: number;
  private readonly y: Float64Array;
  private l!: Float64Array;
  private alpha!: Float64Array;
  hyper!: GpHyperparameters;
  logMarginalLikelihood = -Infinity;

  constructor(x: readonly (readonly number[])[], y: readonly number[]) {
    if (x.length === 0 || x.length !== y.length) throw new RangeError(`GaussianProcess needs matching non-empty x and y, got ${x.length} and ${y.length}`);
    this.x = x.map((r) => r.slice());
    this.n = x.length;
    this.dim = x[0].length;
    const mean = y.reduce((a, b) => a + b, 0) / this.n;
    const variance = y.reduce((a, b) => a + (b - mean) ** 2, 0) / this.n;
    this.yMean = mean;
    this.yStd = variance > 0 ? Math.sqrt(variance) : 1;
    this.y = Float64Array.from(y, (v) => (v - mean) / this.yStd);
  }

  private unpack(theta: readonly number[]): GpHyperparameters {
    return {
      amplitude: Math.exp(clamp(theta[0], LOG_AMP)),
      lengthScales: theta.slice(1, 1 + this.dim).map((t) => Math.exp(clamp(t, LOG_LS))),
      noise: Math.exp(clamp(theta[1 + this.dim], LOG_NOISE)),
    };
  }

  private covariance(h: GpHyperparameters): Float64Array {
    const { n, dim, x } = this;
    const k = new Float64Array(n * n);
    const inv = h.lengthScales.map((l) => 1 / l);
    for (let i = 0; i < n; i++) {
      k[i * n + i] = h.amplitude + h.noise + JITTER;
      for (let j = 0; j < i; j++) {
        let r2 = 0;
        for (let d = 0; d < dim; d++) {
          const t = (x[i][d] - x[j][d]) * inv[d];
          r2 += t * t;
        }
        const v = h.amplitude * matern52(Math.sqrt(r2));
        k[i * n + j] = v;
        k[j * n + i] = v;
      }
    }
    return k;
  }

  /** log p(y | X, θ) for standardised y, or -Infinity when K is not positive definite. */
  private lml(h: GpHyperparameters): { value: number; l: Float64Array | null; alpha: Float64Array | null } {
    const k = this.covariance(h);
    if (!cholesky(k, this.n)) return { value: -Infinity, l: null, alpha: null };
    const alpha = choleskySolve(k, this.n, this.y);
    let quad = 0;
    let logDet = 0;
    for (let i = 0; i < this.n; i++) {
      quad += this.y[i] * alpha[i];
      logDet += Math.log(k[i * this.n + i]);
    }
    return { value: -0.5 * quad - logDet - 0.5 * this.n * LOG_2PI, l: k, alpha };
  }

  /** Fit the hyperparameters by maximising the log marginal likelihood. */
  fit(rng: Rng, opts: GpFitOptions = {}): this {
    const restarts = opts.restarts ?? 2;
    const maxEvals = opts.maxEvals ?? 60 * (this.dim + 2);
    const starts: number[][] = [[0, ...new Array(this.dim).fill(Math.log(0.5)), Math.log(1e-3)]];
    for (let r = 0; r < restarts; r++) {
      starts.push([
        rng.uniform(Math.log(0.3), Math.log(3)),
        ...Array.from({ length: this.dim }, () => rng.uniform(Math.log(0.05), Math.log(2))),
        rng.uniform(Math.log(1e-5), Math.log(0.1)),
      ]);
    }
    let best: number[] = starts[0];
    let bestValue = Infinity;
    for (const s of starts) {
      const res = nelderMead((t) => -this.lml(this.unpack(t)).value, s, { maxEvals, step: 0.7 });
      if (res.value < bestValue) {
        bestValue = res.value;
        best = res.x;
      }
    }
    this.setHyperparameters(this.unpack(best));
    return this;
  }

  /** Use given hyperparameters (no fitting). Raises the noise until K factorises if needed. */
  setHyperparameters(h: GpHyperparameters): this {
    let hh = { ...h, lengthScales: h.lengthScales.slice() };
    let r = this.lml(hh);
    while (r.l === null) {
      hh = { ...hh, noise: hh.noise * 10 + 1e-6 };
      r = this.lml(hh);
    }
    this.hyper = hh;
    this.l = r.l;
    this.alpha = r.alpha as Float64Array;
    this.logMarginalLikelihood = r.value;
    return this;
  }

  /** Predictive mean and variance of the latent function (noise excluded), in the original y units. */
  predict(xs: readonly number[]): { mean: number; variance: number } {
    const { n, dim, x, hyper } = this;
    const ks = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let r2 = 0;
      for (let d = 0; d < dim; d++) {
        const t = (xs[d] - x[i][d]) / hyper.lengthScales[d];
        r2 += t * t;
      }
      ks[i] = hyper.amplitude * matern52(Math.sqrt(r2));
    }
    let mean = 0;
    for (let i = 0; i < n; i++) mean += ks[i] * this.alpha[i];
    const v = solveLower(this.l, n, ks, new Float64Array(n));
    let vv = 0;
    for (let i = 0; i < n; i++) vv += v[i] * v[i];
    const variance = Math.max(hyper.amplitude - vv, 1e-12);
    return { mean: this.yMean + this.yStd * mean, variance: variance * this.yStd * this.yStd };
  }
}
