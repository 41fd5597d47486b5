// The multilayer perceptron: dense layers with one activation, inverted dropout on hidden
// layers, one linear output unit whose sigmoid is the probability of the positive class.
//
// PARAMETER LAYOUT (the bundle and the ONNX export depend on it; see mlp-config.ts):
//   params = [ W_0 (in_0×out_0, row-major), b_0 (out_0), W_1, b_1, …, W_{L-1}, b_{L-1} ]
//   sizes: in_0 = inputs, out_l = hidden[l], out_{L-1} = 1. Gradients: same layout in `grads`.
//   Example 7→64→32→1: W_0 @0 (448), b_0 @448 (64), W_1 @512 (2048), b_1 @2560 (32), W_2 @2592 (32), b_2 @2624 (1).
//
// Work is done in chunks of CHUNK_ROWS rows (for training and for inference) so a chunk's
// activations stay in cache; gradients of later chunks are accumulated onto the first's.

import { ValidationError } from '../errors.js';
import { createRng, DEFAULT_SEED, type Rng } from '../random.js';
import { getKernels } from './engine.js';
import { DROPOUT_STATE_WORDS, seedDropoutState } from './dropout-ts.js';
import { initialiseParameters } from './init.js';
import type { Kernels } from './kernels.js';
import { layerLayout, parameterCount, validateMlpConfig, type LayerLayout, type MlpConfig } from './mlp-config.js';

export const CHUNK_ROWS = 512;

export interface LossOptions {
  /** Weight of positive rows in the loss (1 = unweighted). */
  posWeight: number;
  /** Focal-loss exponent γ (0 = plain BCE). */
  focalGamma: number;
}

export interface MlpOptions {
  /** Seeds the initial weights and the dropout masks. */
  seed?: number;
  kernels?: Kernels;
  /** Start from these weights (flat layout) instead of a fresh initialisation. */
  weights?: Float32Array;
}

interface LayerBuffers {
  layout: LayerLayout;
  w: Float32Array;
  b: Float32Array;
  gW: Float32Array;
  gB: Float32Array;
  /** Pre-activation [CHUNK_ROWS × outputs]. */
  pre: Float32Array;
  /** Activation output (after dropout when training); the same buffer as `pre` except for GELU. */
  out: Float32Array;
  /** ∂L/∂out, turned into ∂L/∂pre by the backward kernel. */
  grad: Float32Array;
  /** Dropout mask (0 or 1/keep) for hidden layers when dropout > 0. */
  mask: Float32Array | null;
}

export class Mlp {
  readonly config: Readonly<MlpConfig>;
  readonly kernels: Kernels;
  readonly paramCount: number;
  /** All parameters, flat layout above. Optimizers update it in place. */
  readonly params: Float32Array;
  /** Gradients of the last forwardBackward, same layout. */
  readonly grads: Float32Array;
  private readonly layers: LayerBuffers[];
  private readonly inputChunk: Float32Array;
  /** The dropout mask streams (dropout-ts.ts), in kernel memory; null without dropout. */
  private readonly dropoutState: Int32Array | null;

  constructor(config: MlpConfig, options: MlpOptions = {}) {
    this.config = Object.freeze(validateMlpConfig(config));
    this.kernels = options.kernels ?? getKernels();
    const k = this.kernels;
    this.paramCount = parameterCount(this.config);
    this.params = k.alloc(this.paramCount);
    this.grads = k.alloc(this.paramCount);
    const layouts = layerLayout(this.config);
    const rng = createRng(options.seed ?? DEFAULT_SEED);
    if (options.weights) this.setWeights(options.weights);
    else initialiseParameters(this.params, layouts, this.config.init, rng);
    this.dropoutState = this.config.dropout > 0 ? k.allocInt32(DROPOUT_STATE_WORDS) : null;
    this.reseedDropout(rng.fork());
    this.inputChunk = k.alloc(CHUNK_ROWS * this.config.inputs);
    this.layers = layouts.map((layout, l) => {
      const size = CHUNK_ROWS * layout.outputs;
      const pre = k.alloc(size);
      const hidden = l + 1 < layouts.length;
      // relu and leaky_relu keep the sign of pre, which is all their backward needs, so their output
      // overwrites pre in place: half the activation memory and one store less per value. (With
      // dropout, out·mask keeps the sign too, and dropped units get a zero gradient either way.)
      const inPlace = !hidden || layout.activation === 'relu' || layout.activation === 'leaky_relu';
      return {
        layout,
        w: this.params.subarray(layout.wOffset, layout.bOffset),
        b: this.params.subarray(layout.bOffset, layout.bOffset + layout.outputs),
        gW: this.grads.subarray(layout.wOffset, layout.bOffset),
        gB: this.grads.subarray(layout.bOffset, layout.bOffset + layout.outputs),
        pre,
        out: inPlace ? pre : k.alloc(size),
        grad: k.alloc(size),
        mask: hidden && this.config.dropout > 0 ? k.alloc(size) : null,
      };
    });
  }

  get inputs(): number {
    return this.config.inputs;
  }

  /** Where each layer's W and b sit in the flat buffer. */
  layout(): LayerLayout[] {
    return this.layers.map((l) => ({ ...l.layout }));
  }

  /** Restart the dropout mask stream (fit() does this from its seed so a run depends only on it). */
  reseedDropout(rng: Rng): void {
    if (this.dropoutState) seedDropoutState(this.dropoutState, rng);
  }

  /**
   * Forward and backward over a mini-batch: writes ∂loss/∂params into `grads` and returns the mean
   * loss over the n rows (weighted by posWeight / focal term as asked). x [n × inputs] and y [n] must
   * be buffers from this network's kernels (or views of them). Dropout is active here.
   * `meanOver` (default n) is the row count the loss is averaged over: a data-parallel worker
   * computing its share of a larger batch passes the whole batch's size, so the shares' gradients
   * and losses simply add up (src/nn/parallel/). With `accumulate` the gradient is added to what
   * `grads` holds (the training thread computing a worker's share, src/nn/parallel/).
   */
  forwardBackward(x: Float32Array, y: Float32Array, n: number, loss: LossOptions, meanOver = n, accumulate = false): number {
    const d = this.config.inputs;
    if (!(n > 0)) throw new ValidationError(`forwardBackward needs at least one row. Got n=${n}.`);
    const scale = 1 / meanOver;
    const last = this.layers[this.layers.length - 1];
    let total = 0;
    for (let r0 = 0; r0 < n; r0 += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, n - r0);
      const xc = x.subarray(r0 * d, (r0 + rows) * d);
      this.forwardChunk(xc, rows, true);
      total += this.kernels.bceWithLogits(last.out, y.subarray(r0, r0 + rows), last.grad, rows, loss.posWeight, loss.focalGamma, scale);
      this.backwardChunk(xc, rows, accumulate || r0 > 0);
    }
    return total / meanOver;
  }

  /** Logits for n rows of X [n × inputs] (any Float32Array), into `out` if given. No dropout. */
  predictLogits(X: Float32Array, n: number, out: Float32Array = new Float32Array(n)): Float32Array {
    return this.predict(X, n, out, false);
  }

  /** Probability of the positive class for n rows of X [n × inputs] (any Float32Array). No dropout. */
  predictProba(X: Float32Array, n: number, out: Float32Array = new Float32Array(n)): Float32Array {
    return this.predict(X, n, out, true);
  }

  /** A copy of all parameters (flat layout). */
  getWeights(): Float32Array {
    return Float32Array.from(this.params);
  }

  setWeights(w: Float32Array): void {
    if (w.length !== this.paramCount) {
      throw new ValidationError(`Weights of length ${w.length} do not fit this network: it has ${this.paramCount} parameters (${describe(this.config)}).`);
    }
    this.params.set(w);
  }

  /** The configuration, enough with getWeights() to rebuild the network. */
  toJSON(): MlpConfig {
    return validateMlpConfig(this.config as MlpConfig);
  }

  /** Return every buffer to the kernels (matters for the wasm engine). The network is unusable after. */
  dispose(): void {
    const k = this.kernels;
    for (const l of this.layers) {
      k.free(l.pre);
      if (l.out !== l.pre) k.free(l.out);
      k.free(l.grad);
      if (l.mask) k.free(l.mask);
    }
    if (this.dropoutState) k.free(this.dropoutState);
    k.free(this.inputChunk);
    k.free(this.params);
    k.free(this.grads);
  }

  private predict(X: Float32Array, n: number, out: Float32Array, probability: boolean): Float32Array {
    const d = this.config.inputs;
    if (!Number.isInteger(n) || n < 0) throw new ValidationError(`The row count must be a non-negative integer. Got ${n}.`);
    if (X.length < n * d) throw new ValidationError(`Input has ${X.length} values, but ${n} rows × ${d} features need ${n * d}.`);
    if (out.length < n) throw new ValidationError(`Output buffer has ${out.length} values, ${n} needed.`);
    const logits = this.layers[this.layers.length - 1].out;
    for (let r0 = 0; r0 < n; r0 += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, n - r0);
      this.inputChunk.set(X.subarray(r0 * d, (r0 + rows) * d));
      this.forwardChunk(this.inputChunk, rows, false);
      if (probability) this.kernels.sigmoid(logits, logits, rows);
      out.set(logits.subarray(0, rows), r0);
    }
    return out;
  }

  private forwardChunk(x: Float32Array, rows: number, training: boolean): void {
    let input = x;
    for (const l of this.layers) {
      const { inputs, outputs, activation } = l.layout;
      this.kernels.denseForward(input, l.w, l.b, l.pre, l.out, rows, inputs, outputs, activation);
      if (training && l.mask && this.dropoutState) {
        this.kernels.dropoutForward(l.out, l.mask, rows * outputs, 1 - this.config.dropout, this.dropoutState);
      }
      input = l.out;
    }
  }

  private backwardChunk(x: Float32Array, rows: number, accumulate: boolean): void {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const l = this.layers[i];
      const { inputs, outputs, activation } = l.layout;
      // grad holds ∂L/∂(dropped output); the mask turns it into ∂L/∂act.
      if (l.mask) this.kernels.mulInPlace(l.grad, l.mask, rows * outputs);
      const input = i === 0 ? x : this.layers[i - 1].out;
      const dX = i === 0 ? null : this.layers[i - 1].grad;
      this.kernels.denseBackward(input, l.w, l.pre, l.grad, l.gW, l.gB, dX, rows, inputs, outputs, activation, accumulate);
    }
  }
}

function describe(c: Readonly<MlpConfig>): string {
  return [c.inputs, ...c.hidden, 1].join('→');
}
