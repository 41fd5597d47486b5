// Activation codes shared with src/nn/kernels-wasm.ts, and the scalar (float64) forms used where
// no vector form is worth having (GELU needs tanh). Constants as in src/nn/kernels.ts.

export const LINEAR: i32 = 0;
export const RELU: i32 = 1;
export const LEAKY_RELU: i32 = 2;
export const GELU: i32 = 3;

export const LEAKY_SLOPE: f32 = 0.01;
const GELU_C: f64 = 0.7978845608028654; // sqrt(2/pi)
const GELU_A: f64 = 0.044715;

/** gelu(x) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
@inline
export function gelu(x: f64): f64 {
  return 0.5 * x * (1.0 + Math.tanh(GELU_C * (x + GELU_A * x * x * x)));
}

/** d gelu / dx for the tanh form. */
@inline
export function geluDerivative(x: f64): f64 {
  const t = Math.tanh(GELU_C * (x + GELU_A * x * x * x));
  return 0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * GELU_C * (1.0 + 3.0 * GELU_A * x * x);
}

/**
 * Store pre and act(pre) for four lanes; GELU is applied afterwards by a scalar pass. When pre and
 * out are the same buffer only act(pre) is stored: the Mlp shares them for relu and leaky_relu, whose
 * backward needs only the sign of pre, which act(pre) keeps (src/nn/mlp.ts).
 */
@inline
export function storeActivated(prePtr: usize, outPtr: usize, acc: v128, act: i32): void {
  if (prePtr != outPtr) v128.store(prePtr, acc);
  if (act == RELU) {
    // and-mask rather than max: NaN and -0 become +0 exactly as `pre > 0 ? pre : 0` does.
    v128.store(outPtr, v128.and(acc, f32x4.gt(acc, f32x4.splat(0))));
  } else if (act == LEAKY_RELU) {
    v128.store(outPtr, v128.bitselect(acc, f32x4.mul(acc, f32x4.splat(LEAKY_SLOPE)), f32x4.gt(acc, f32x4.splat(0))));
  } else {
    v128.store(outPtr, acc);
  }
}

@inline
export function activateScalar(v: f32, act: i32): f32 {
  if (act == RELU) return v > 0 ? v : 0;
  if (act == LEAKY_RELU) return v > 0 ? v : v * LEAKY_SLOPE;
  if (act == GELU) return <f32>gelu(<f64>v);
  return v;
}

/** out[i] = gelu(pre[i]) for a run of len values (the vector loops store pre; this finishes GELU). */
export function geluPass(pre: usize, out: usize, len: i32): void {
  for (let i = 0; i < len; i++) {
    const off = <usize>i << 2;
    store<f32>(out + off, <f32>gelu(<f64>load<f32>(pre + off)));
  }
}

/** d ⊙= gelu'(pre) in place over len values (relu and leaky_relu are fused into backward.ts). */
export function geluBackward(pre: usize, d: usize, len: i32): void {
  for (let i = 0; i < len; i++) {
    const off = <usize>i << 2;
    store<f32>(d + off, <f32>(<f64>load<f32>(d + off) * geluDerivative(<f64>load<f32>(pre + off))));
  }
}
