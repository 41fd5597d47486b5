// Weight initialisation from a seeded Rng. Biases start at zero.
// - kaiming (He): W ~ N(0, gain²/fan_in), gain = √2 for relu/gelu, √(2/(1+0.01²)) for leaky_relu,
//   1 for the linear output layer — keeps activation variance steady through ReLU-like layers.
// - xavier (Glorot uniform): W ~ U(±gain·√(6/(fan_in+fan_out))), gain 1.

import type { Rng } from '../random.js';
import { LEAKY_RELU_SLOPE, type Activation } from './kernels.js';
import type { InitScheme, LayerLayout } from './mlp-config.js';

export function kaimingGain(act: Activation): number {
  switch (act) {
    case 'relu':
    case 'gelu':
      return Math.SQRT2;
    case 'leaky_relu':
      return Math.sqrt(2 / (1 + LEAKY_RELU_SLOPE * LEAKY_RELU_SLOPE));
    case 'linear':
      return 1;
  }
}

/** Fill params (flat layout of layers) with fresh initial values. */
export function initialiseParameters(params: Float32Array, layers: readonly LayerLayout[], scheme: InitScheme, rng: Rng): void {
  for (const layer of layers) {
    const { inputs, outputs, wOffset, bOffset } = layer;
    const count = inputs * outputs;
    if (scheme === 'kaiming') {
      const std = kaimingGain(layer.activation) / Math.sqrt(inputs);
      for (let i = 0; i < count; i++) params[wOffset + i] = std * rng.normal();
    } else {
      const bound = Math.sqrt(6 / (inputs + outputs));
      for (let i = 0; i < count; i++) params[wOffset + i] = rng.uniform(-bound, bound);
    }
    params.fill(0, bOffset, bOffset + outputs);
  }
}
