// Activations and their derivatives for the ts engine, element-wise over float32 buffers.
// The formulas are the contract of kernels.ts (GELU = tanh approximation, leaky slope 0.01).

import { GELU_A, GELU_C, LEAKY_RELU_SLOPE, type Activation } from './kernels.js';

/** out[i] = act(pre[i]) for i < len (out may equal pre). */
export function applyActivation(pre: Float32Array, out: Float32Array, len: number, act: Activation): void {
  switch (act) {
    case 'linear':
      if (out !== pre) out.set(pre.subarray(0, len));
      return;
    case 'relu':
      for (let i = 0; i < len; i++) {
        const z = pre[i];
        out[i] = z > 0 ? z : 0;
      }
      return;
    case 'leaky_relu':
      for (let i = 0; i < len; i++) {
        const z = pre[i];
        out[i] = z > 0 ? z : LEAKY_RELU_SLOPE * z;
      }
      return;
    case 'gelu':
      for (let i = 0; i < len; i++) {
        const z = pre[i];
        out[i] = 0.5 * z * (1 + Math.tanh(GELU_C * (z + GELU_A * z * z * z)));
      }
      return;
  }
}

/** d[i] *= act'(pre[i]) for i < len: turns ∂L/∂out into ∂L/∂pre in place. */
export function multiplyByActivationDerivative(pre: Float32Array, d: Float32Array, len: number, act: Activation): void {
  switch (act) {
    case 'linear':
      return;
    case 'relu':
      for (let i = 0; i < len; i++) if (!(pre[i] > 0)) d[i] = 0;
      return;
    case 'leaky_relu':
      for (let i = 0; i < len; i++) if (!(pre[i] > 0)) d[i] *= LEAKY_RELU_SLOPE;
      return;
    case 'gelu':
      for (let i = 0; i < len; i++) d[i] *= geluDerivative(pre[i]);
      return;
  }
}

/** d/dz of 0.5·z·(1 + tanh(u)), u = c·(z + a·z³). */
export function geluDerivative(z: number): number {
  const z2 = z * z;
  const t = Math.tanh(GELU_C * (z + GELU_A * z2 * z));
  return 0.5 * (1 + t) + 0.5 * z * (1 - t * t) * GELU_C * (1 + 3 * GELU_A * z2);
}
