// The MLP as ONNX operations, reading the flat float32 parameter buffer in the layout documented in
// src/nn/mlp-config.ts: per layer W [in × out] row-major (ONNX MatMul's B as it is) then b [out].
// Hidden layers apply the configured activation; the last layer is the logit, then Sigmoid.

import { GELU_A, GELU_C, LEAKY_RELU_SLOPE, type Activation } from '../nn/kernels.js';
import { layerLayout, parameterCount, type MlpConfig } from '../nn/mlp-config.js';
import { ModelFormatError } from '../errors.js';
import type { GraphBuilder } from './onnx-graph.js';

function activation(g: GraphBuilder, x: string, act: Activation): string {
  switch (act) {
    case 'linear':
      return x;
    case 'relu':
      return g.op('Relu', [x]);
    case 'leaky_relu':
      return g.op('LeakyRelu', [x], { alpha: { float: LEAKY_RELU_SLOPE } });
    case 'gelu': {
      // 0.5·x·(1 + tanh(c·(x + a·x³))): the tanh approximation every tracehound engine uses.
      const x3 = g.op('Mul', [g.op('Mul', [x, x]), x]);
      const inner = g.op('Add', [x, g.op('Mul', [x3, g.constFloat('gelu_a', [GELU_A], [1])])]);
      const t = g.op('Tanh', [g.op('Mul', [inner, g.constFloat('gelu_c', [GELU_C], [1])])]);
      const onePlus = g.op('Add', [t, g.constFloat('one', [1], [1])]);
      return g.op('Mul', [g.op('Mul', [x, g.constFloat('half', [0.5], [1])]), onePlus]);
    }
  }
}

/** Adds the network reading `x` ([N × inputs] float) and returns the [N × 1] probability tensor. */
export function addNetwork(g: GraphBuilder, x: string, config: MlpConfig, weights: Float32Array): string {
  const expected = parameterCount(config);
  if (weights.length !== expected) {
    throw new ModelFormatError(`The network's weights have ${weights.length} values; its configuration needs ${expected}.`);
  }
  let h = x;
  layerLayout(config).forEach((layer, l) => {
    const w = g.constFloat(`W${l}`, weights.subarray(layer.wOffset, layer.wOffset + layer.inputs * layer.outputs), [layer.inputs, layer.outputs]);
    const b = g.constFloat(`b${l}`, weights.subarray(layer.bOffset, layer.bOffset + layer.outputs), [layer.outputs]);
    h = activation(g, g.op('Add', [g.op('MatMul', [h, w]), b], {}, g.name(`dense${l}`)), layer.activation);
  });
  return g.op('Sigmoid', [h]);
}
