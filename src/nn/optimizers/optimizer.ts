// The optimizer contract: one update rule over the network's flat parameter and gradient
// buffers (see mlp.ts for the layout). State buffers come from the same kernels, so the wasm
// engine updates everything in place in its memory.

import { ValidationError } from '../../errors.js';
import type { Kernels } from '../kernels.js';
import { Adam } from './adam.js';
import { AdamW } from './adamw.js';
import { Sgd } from './sgd.js';

export interface Optimizer {
  /** Apply one update to the parameters from the current gradients. */
  step(): void;
  /** Return state buffers to the kernels. */
  dispose(): void;
}

export type OptimizerName = 'adam' | 'adamw' | 'sgd';
export const OPTIMIZER_NAMES: readonly OptimizerName[] = ['adam', 'adamw', 'sgd'];

export interface OptimizerSpec {
  kind: OptimizerName;
  lr: number;
  /** L2 penalty for adam and sgd, decoupled decay for adamw. Default 0 (adamw: 0.01, as PyTorch). */
  weightDecay?: number;
  /** SGD momentum μ (default 0.9) and Nesterov (default false). */
  momentum?: number;
  nesterov?: boolean;
  /** Adam/AdamW β₁, β₂ (default 0.9, 0.999) and ε (default 1e-8). */
  betas?: [number, number];
  eps?: number;
}

/** What every optimizer works on: the flat buffers of one network. */
export interface ParameterBuffers {
  params: Float32Array;
  grads: Float32Array;
  kernels: Kernels;
}

function checkNumber(name: string, v: number, ok: (v: number) => boolean, rule: string): void {
  if (typeof v !== 'number' || !Number.isFinite(v) || !ok(v)) {
    throw new ValidationError(`The optimizer's '${name}' must be ${rule}. Got ${JSON.stringify(v)}.`);
  }
}

export function createOptimizer(spec: OptimizerSpec, target: ParameterBuffers): Optimizer {
  checkNumber('lr', spec.lr, (v) => v > 0, 'a positive number');
  const weightDecay = spec.weightDecay ?? (spec.kind === 'adamw' ? 0.01 : 0);
  checkNumber('weightDecay', weightDecay, (v) => v >= 0, 'a number ≥ 0');
  switch (spec.kind) {
    case 'sgd': {
      const momentum = spec.momentum ?? 0.9;
      checkNumber('momentum', momentum, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
      const nesterov = spec.nesterov ?? false;
      if (nesterov && momentum === 0) throw new ValidationError("Nesterov momentum needs 'momentum' > 0.");
      return new Sgd(target, { lr: spec.lr, momentum, weightDecay, nesterov });
    }
    case 'adam':
    case 'adamw': {
      const [beta1, beta2] = spec.betas ?? [0.9, 0.999];
      checkNumber('betas[0]', beta1, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
      checkNumber('betas[1]', beta2, (v) => v >= 0 && v < 1, 'a number in [0, 1)');
      const eps = spec.eps ?? 1e-8;
      checkNumber('eps', eps, (v) => v > 0, 'a positive number');
      const settings = { lr: spec.lr, beta1, beta2, eps, weightDecay };
      return spec.kind === 'adam' ? new Adam(target, settings) : new AdamW(target, settings);
    }
    default:
      throw new ValidationError(`The optimizer must be one of ${OPTIMIZER_NAMES.join(', ')}. Got ${JSON.stringify((spec as { kind: unknown }).kind)}.`);
  }
}
