// A plain float64 implementation of the kernel math, written for clarity rather than speed:
// the oracle for the kernel contract suite and the finite-difference gradient checks.

import { GELU_A, GELU_C, LEAKY_RELU_SLOPE, type Activation } from '../../src/nn/kernels.js';

export function act64(z: number, a: Activation): number {
  switch (a) {
    case 'linear': return z;
    case 'relu': return z > 0 ? z : 0;
    case 'leaky_relu': return z > 0 ? z : LEAKY_RELU_SLOPE * z;
    case 'gelu': return 0.5 * z * (1 + Math.tanh(GELU_C * (z + GELU_A * z ** 3)));
  }
}

export function actDerivative64(z: number, a: Activation): number {
  switch (a) {
    case 'linear': return 1;
    case 'relu': return z > 0 ? 1 : 0;
    case 'leaky_relu': return z > 0 ? 1 : LEAKY_RELU_SLOPE;
    case 'gelu': {
      const t = Math.tanh(GELU_C * (z + GELU_A * z ** 3));
      return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_C * (1 + 3 * GELU_A * z * z);
    }
  }
}

type Num = ArrayLike<number>;

export function denseForward64(x: Num, w: Num, b: Num, n: number, k: number, m: number, a: Activation) {
  const pre = new Float64Array(n * m), out = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      let s = b[j];
      for (let p = 0; p < k; p++) s += x[i * k + p] * w[p * m + j];
      pre[i * m + j] = s;
      out[i * m + j] = act64(s, a);
    }
  }
  return { pre, out };
}

export function denseBackward64(x: Num, w: Num, pre: Num, dOut: Num, n: number, k: number, m: number, a: Activation) {
  const dPre = new Float64Array(n * m), gW = new Float64Array(k * m), gB = new Float64Array(m), dX = new Float64Array(n * k);
  for (let i = 0; i < n * m; i++) dPre[i] = dOut[i] * actDerivative64(pre[i], a);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < m; j++) {
      const g = dPre[i * m + j];
      gB[j] += g;
      for (let p = 0; p < k; p++) {
        gW[p * m + j] += x[i * k + p] * g;
        dX[i * k + p] += g * w[p * m + j];
      }
    }
  }
  return { dPre, gW, gB, dX };
}

/** Per-row loss and ∂loss/∂z by the textbook formulas (log/σ of clamped values, no stability tricks needed in f64 for |z| ≤ 30). */
export function bce64(z: number, y: number, posWeight: number, gamma: number): { loss: number; dz: number } {
  const p = 1 / (1 + Math.exp(-z));
  const positive = y > 0.5;
  const pt = positive ? p : 1 - p;
  const w = positive ? posWeight : 1;
  const loss = -w * Math.pow(1 - pt, gamma) * Math.log(pt);
  // d/dpt of -(1-pt)^γ log pt = γ(1-pt)^(γ-1) log pt - (1-pt)^γ / pt; dpt/dz = ±p(1-p).
  const dLdpt = w * ((gamma === 0 ? 0 : gamma * Math.pow(1 - pt, gamma - 1) * Math.log(pt)) - Math.pow(1 - pt, gamma) / pt);
  const dz = dLdpt * (positive ? 1 : -1) * p * (1 - p);
  return { loss, dz };
}

export function adam64(
  p: Float64Array, g: Num, m: Float64Array, v: Float64Array,
  lr: number, b1: number, b2: number, eps: number, wd: number, decoupled: boolean, t: number,
): void {
  for (let i = 0; i < p.length; i++) {
    if (decoupled) p[i] *= 1 - lr * wd;
    const gi = g[i] + (decoupled ? 0 : wd * p[i]);
    m[i] = b1 * m[i] + (1 - b1) * gi;
    v[i] = b2 * v[i] + (1 - b2) * gi * gi;
    const mHat = m[i] / (1 - b1 ** t), vHat = v[i] / (1 - b2 ** t);
    p[i] -= (lr * mHat) / (Math.sqrt(vHat) + eps);
  }
}

export function sgd64(p: Float64Array, g: Num, vel: Float64Array, lr: number, mu: number, wd: number, nesterov: boolean): void {
  for (let i = 0; i < p.length; i++) {
    const gi = g[i] + wd * p[i];
    vel[i] = mu * vel[i] + gi;
    p[i] -= lr * (nesterov ? gi + mu * vel[i] : vel[i]);
  }
}

/** Mean loss of an MLP (flat layout of mlp.ts, no dropout) over n rows, all in float64. */
export function mlpLoss64(
  params: Num, sizes: readonly number[], hiddenAct: Activation,
  X: Num, y: Num, n: number, posWeight: number, gamma: number,
): number {
  let input: Num = X;
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const k = sizes[l], m = sizes[l + 1];
    const w = Array.prototype.slice.call(params, offset, offset + k * m) as number[];
    const b = Array.prototype.slice.call(params, offset + k * m, offset + k * m + m) as number[];
    offset += k * m + m;
    input = denseForward64(input, w, b, n, k, m, l + 2 === sizes.length ? 'linear' : hiddenAct).out;
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += bce64(input[i], y[i], posWeight, gamma).loss;
  return total / n;
}
