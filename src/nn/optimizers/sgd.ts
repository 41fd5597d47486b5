// SGD with momentum as torch.optim.SGD (dampening 0), optional Nesterov, L2 weight decay.

import type { Optimizer, ParameterBuffers } from './optimizer.js';

export interface SgdSettings {
  lr: number;
  momentum: number;
  weightDecay: number;
  nesterov: boolean;
}

export class Sgd implements Optimizer {
  private readonly velocity: Float32Array;

  constructor(private readonly target: ParameterBuffers, readonly settings: SgdSettings) {
    this.velocity = target.kernels.alloc(target.params.length);
  }

  step(): void {
    const { params, grads, kernels } = this.target;
    const s = this.settings;
    kernels.sgdStep(params, grads, this.velocity, params.length, s.lr, s.momentum, s.weightDecay, s.nesterov);
  }

  dispose(): void {
    this.target.kernels.free(this.velocity);
  }
}
