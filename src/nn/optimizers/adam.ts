// Adam (Kingma & Ba) as torch.optim.Adam: weight decay is an L2 term added to the gradient.

import type { Optimizer, ParameterBuffers } from './optimizer.js';

export interface AdamSettings {
  lr: number;
  beta1: number;
  beta2: number;
  eps: number;
  weightDecay: number;
}

export class Adam implements Optimizer {
  protected readonly m: Float32Array;
  protected readonly v: Float32Array;
  /** Steps taken so far (bias correction uses t ≥ 1). */
  t = 0;

  constructor(protected readonly target: ParameterBuffers, readonly settings: AdamSettings) {
    this.m = target.kernels.alloc(target.params.length);
    this.v = target.kernels.alloc(target.params.length);
  }

  /** AdamW overrides this to decouple the decay from the gradient. */
  protected get decoupled(): boolean {
    return false;
  }

  step(): void {
    this.t += 1;
    const { params, grads, kernels } = this.target;
    const s = this.settings;
    kernels.adamStep(params, grads, this.m, this.v, params.length, s.lr, s.beta1, s.beta2, s.eps, s.weightDecay, this.decoupled, this.t);
  }

  dispose(): void {
    this.target.kernels.free(this.m);
    this.target.kernels.free(this.v);
  }
}
