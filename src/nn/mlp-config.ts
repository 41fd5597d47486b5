// The network's configuration and the flat parameter layout derived from it.
//
// Flat layout (fixed: the saved bundle and the ONNX export read it): one Float32Array holding,
// for each layer l = 0..L-1 in order, W_l [in_l × out_l] row-major (input-major, as ONNX MatMul's B)
// followed by b_l [out_l]. Layers: inputs → hidden[0] → … → hidden[H-1] → 1; every hidden layer uses
// `activation`, the last one is linear (its output is the logit; σ gives the probability).
// Gradients use a second buffer with exactly the same layout.

import { ValidationError } from '../errors.js';
import { ACTIVATIONS, type Activation } from './kernels.js';

export type InitScheme = 'kaiming' | 'xavier';
export const INIT_SCHEMES: readonly InitScheme[] = ['kaiming', 'xavier'];

export interface MlpConfig {
  /** Number of input features. */
  inputs: number;
  /** Widths of the hidden layers, in order (may be empty: logistic regression). */
  hidden: number[];
  activation: Activation;
  /** Probability of zeroing a hidden unit during training (inverted dropout); 0 turns it off. */
  dropout: number;
  init: InitScheme;
}

export const DEFAULT_MLP_CONFIG: Omit<MlpConfig, 'inputs'> = {
  hidden: [64, 32],
  activation: 'relu',
  dropout: 0,
  init: 'kaiming',
};

/** One dense layer's place in the flat buffer. */
export interface LayerLayout {
  inputs: number;
  outputs: number;
  activation: Activation;
  /** Offset of W [inputs × outputs] in the flat buffer. */
  wOffset: number;
  /** Offset of b [outputs] (= wOffset + inputs·outputs). */
  bOffset: number;
}

export function layerLayout(config: MlpConfig): LayerLayout[] {
  const sizes = [config.inputs, ...config.hidden, 1];
  const layers: LayerLayout[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l], outputs = sizes[l + 1];
    const last = l + 2 === sizes.length;
    layers.push({ inputs, outputs, activation: last ? 'linear' : config.activation, wOffset: offset, bOffset: offset + inputs * outputs });
    offset += inputs * outputs + outputs;
  }
  return layers;
}

export function parameterCount(config: MlpConfig): number {
  const layers = layerLayout(config);
  const last = layers[layers.length - 1];
  return last.bOffset + last.outputs;
}

function isPositiveInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v > 0;
}

/** Check every field and return a clean copy; throws ValidationError naming the field and rule. */
export function validateMlpConfig(config: MlpConfig): MlpConfig {
  const c = config as unknown as Record<string, unknown>;
  if (!isPositiveInt(c.inputs)) {
    throw new ValidationError(`The 'inputs' option must be a positive integer. Got ${JSON.stringify(c.inputs)}.`);
  }
  if (!Array.isArray(c.hidden) || !c.hidden.every(isPositiveInt)) {
    throw new ValidationError(`The 'hidden' option must be a list of positive integers. Got ${JSON.stringify(c.hidden)}.`);
  }
  if (!ACTIVATIONS.includes(c.activation as Activation)) {
    throw new ValidationError(`The 'activation' option must be one of ${ACTIVATIONS.join(', ')}. Got ${JSON.stringify(c.activation)}.`);
  }
  if (typeof c.dropout !== 'number' || !(c.dropout >= 0 && c.dropout < 1)) {
    throw new ValidationError(`The 'dropout' option must be a number in [0, 1). Got ${JSON.stringify(c.dropout)}.`);
  }
  if (!INIT_SCHEMES.includes(c.init as InitScheme)) {
    throw new ValidationError(`The 'init' option must be one of ${INIT_SCHEMES.join(', ')}. Got ${JSON.stringify(c.init)}.`);
  }
  return {
    inputs: config.inputs,
    hidden: [...config.hidden],
    activation: config.activation,
    dropout: config.dropout,
    init: config.init,
  };
}
