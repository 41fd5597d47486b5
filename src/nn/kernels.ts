// The dense math of the network, behind one small interface. Two implementations exist:
// `ts` (plain TypeScript, the reference) and `wasm` (AssemblyScript compiled to WebAssembly SIMD).
// Everything above this line (layers, MLP, training loop, optimizers) is engine-agnostic and must
// only touch buffers obtained from `alloc`, so the wasm engine can work in place in its memory.
//
// Layout conventions (fixed: saved weights and the ONNX export depend on them):
// - matrices are row-major float32;
// - a dense layer's weight W is [inputs × outputs] (input-major, like ONNX MatMul's B), bias b is [outputs];
// - a batch x is [n × inputs], its output [n × outputs].
// - any buffer argument may be a subarray view of an alloc'd buffer (the Mlp passes 512-row chunk
//   views of a batch and per-layer views of the flat parameter buffer): locate data by byteOffset.

export type Activation = 'linear' | 'relu' | 'leaky_relu' | 'gelu';
export const ACTIVATIONS: readonly Activation[] = ['linear', 'relu', 'leaky_relu', 'gelu'];

/** Negative slope of leaky_relu (PyTorch's default). */
export const LEAKY_RELU_SLOPE = 0.01;

/**
 * GELU is the tanh approximation, identical in every engine and in the ONNX export:
 * gelu(x) = 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))).
 */
export const GELU_C = Math.sqrt(2 / Math.PI);
export const GELU_A = 0.044715;

export type EngineName = 'ts' | 'wasm';

export interface Kernels {
  readonly engine: EngineName;

  /** A zeroed float32 buffer the kernels may work on. Stays valid until free(); never detached. */
  alloc(length: number): Float32Array;
  /** A zeroed int32 buffer (row indices for gatherTrainingRows). */
  allocInt32(length: number): Int32Array;
  /** Return a buffer from alloc/allocInt32 (a no-op for the ts engine). */
  free(buf: Float32Array | Int32Array): void;

  /** pre = x·w + b; out = act(pre). x [n×k], w [k×m], b [m], pre and out [n×m]. For 'linear', pre may equal out. */
  denseForward(
    x: Float32Array, w: Float32Array, b: Float32Array,
    pre: Float32Array, out: Float32Array,
    n: number, k: number, m: number, act: Activation,
  ): void;

  /**
   * Backward of denseForward. On entry dOut [n×m] holds ∂L/∂out; on return it holds ∂L/∂pre
   * (dOut ⊙ act'(pre)). Then gW [k×m] = xᵀ·dPre and gB [m] = Σ_rows dPre — added to what gW/gB
   * hold when `accumulate`, written over them otherwise. If dX is not null, dX [n×k] = dPre·wᵀ.
   */
  denseBackward(
    x: Float32Array, w: Float32Array, pre: Float32Array, dOut: Float32Array,
    gW: Float32Array, gB: Float32Array, dX: Float32Array | null,
    n: number, k: number, m: number, act: Activation, accumulate: boolean,
  ): void;

  /**
   * Binary cross-entropy with logits, numerically stable, optional positive-class weight and focal
   * term: per row, p = σ(z), pt = p if y=1 else 1-p, w = posWeight if y=1 else 1,
   * loss = -w·(1-pt)^γ·log(pt)  (γ = 0 gives plain weighted BCE, as PyTorch's pos_weight).
   * Writes dLogits[i] = scale·∂loss_i/∂z_i and returns Σ loss_i (unscaled).
   */
  bceWithLogits(
    logits: Float32Array, y: Float32Array, dLogits: Float32Array,
    n: number, posWeight: number, focalGamma: number, scale: number,
  ): number;

  /** out[i] = σ(z[i]) for i < n (out may equal z). */
  sigmoid(z: Float32Array, out: Float32Array, n: number): void;

  /** a[i] *= b[i] for i < n (dropout masks). */
  mulInPlace(a: Float32Array, b: Float32Array, n: number): void;

  /** a[i] += b[i] for i < n (adding a worker thread's gradient). */
  addInPlace(a: Float32Array, b: Float32Array, n: number): void;

  /**
   * Inverted dropout keeping a fraction `keep` of out[0..n): draws mask[i] ∈ {0, 1/keep} from the
   * 16-word stream state (an allocInt32 buffer, seeded by dropout-ts.ts) and multiplies out by it.
   * Every engine draws the very same masks from the same state (dropout-ts.ts defines them).
   */
  dropoutForward(out: Float32Array, mask: Float32Array, n: number, keep: number, state: Int32Array): void;

  /**
   * From training rows packed as [d features, label, padding] in rows of `stride` floats, a
   * multiple of 4 (training-rows.ts): x[r, :] = src[idx[r], 0..d) and y[r] = src[idx[r], d] for
   * r < n. A shuffled row's features and label then come from one cache line instead of two arrays.
   */
  gatherTrainingRows(src: Float32Array, idx: Int32Array, x: Float32Array, y: Float32Array, n: number, d: number, stride: number): void;

  /**
   * Adam / AdamW on len parameters, step t ≥ 1 (bias correction uses t).
   * decoupled=false: L2 (g += wd·p) as torch.optim.Adam; decoupled=true: p -= lr·wd·p as AdamW.
   */
  adamStep(
    p: Float32Array, g: Float32Array, m: Float32Array, v: Float32Array, len: number,
    lr: number, beta1: number, beta2: number, eps: number, weightDecay: number, decoupled: boolean, t: number,
  ): void;

  /** SGD with momentum as torch.optim.SGD (dampening 0): g += wd·p; vel = μ·vel + g; p -= lr·(nesterov ? g + μ·vel : vel). */
  sgdStep(
    p: Float32Array, g: Float32Array, vel: Float32Array, len: number,
    lr: number, momentum: number, weightDecay: number, nesterov: boolean,
  ): void;
}
