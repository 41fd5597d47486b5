// The seam between the training loop and the gradient computation of one mini-batch.
// fit() asks a GradientSource for ∂loss/∂params of the rows named by an index array; the
// single-thread source gathers those rows into batch buffers and calls network.forwardBackward.
// A data-parallel source (src/nn/parallel/) registers itself with registerParallelGradientSource
// and is used when fit() is given threads > 1. Every source must leave the gradient in
// network.grads (flat layout) and return the mean loss of the batch.

import type { Mlp, LossOptions } from './mlp.js';
import type { TrainingRows } from './training-rows.js';

export interface GradientSource {
  /** Gradient of the mean loss over rows batchIdx[0..n) into network.grads; returns that mean loss. */
  compute(batchIdx: Int32Array, n: number): number;
  /** Release buffers / workers. */
  dispose(): void | Promise<void>;
  /**
   * Blocks until every thread of the source is started (the parallel source's workers load their
   * code and copy the rows, up to a second; compute() does not wait for them). For benches, which
   * must time the threads they claim to time.
   */
  waitUntilReady?(): void;
}

export interface GradientSourceContext {
  network: Mlp;
  /** All training rows and their labels, packed in the network's kernel memory. */
  data: TrainingRows;
  /** Largest batch compute() will be asked for. */
  batchSize: number;
  loss: LossOptions;
  threads: number;
  /** Seed for anything random the source needs (dropout masks of worker replicas). */
  seed: number;
}

export type GradientSourceFactory = (ctx: GradientSourceContext) => GradientSource;

let parallelFactory: GradientSourceFactory | null = null;

/** Install (or with null, remove) the data-parallel source used when threads > 1; returns the previous one. */
export function registerParallelGradientSource(factory: GradientSourceFactory | null): GradientSourceFactory | null {
  const previous = parallelFactory;
  parallelFactory = factory;
  return previous;
}

export function hasParallelGradientSource(): boolean {
  return parallelFactory !== null;
}

/** The parallel source when threads > 1 and one is registered; the single-thread one otherwise. */
export function createGradientSource(ctx: GradientSourceContext): GradientSource {
  if (ctx.threads > 1 && parallelFactory !== null) return parallelFactory(ctx);
  return new SingleThreadGradientSource(ctx);
}

export class SingleThreadGradientSource implements GradientSource {
  private readonly xBatch: Float32Array;
  private readonly yBatch: Float32Array;

  constructor(private readonly ctx: GradientSourceContext) {
    const k = ctx.network.kernels;
    this.xBatch = k.alloc(ctx.batchSize * ctx.network.inputs);
    this.yBatch = k.alloc(ctx.batchSize);
  }

  compute(batchIdx: Int32Array, n: number): number {
    const { network, data, loss } = this.ctx;
    data.gather(batchIdx, this.xBatch, this.yBatch, n);
    return network.forwardBackward(this.xBatch, this.yBatch, n, loss);
  }

  dispose(): void {
    const k = this.ctx.network.kernels;
    k.free(this.xBatch);
    k.free(this.yBatch);
  }
}
