// `export --format onnx`: the whole model — preprocessing (BETH flags, scaling) and network — as one
// ONNX graph that any ONNX Runtime can run. Input `events`: float64 [N × 7], the raw features in
// the model's input-column order (float64 so that ids such as mountNamespace 4026531840 compare
// exactly). Outputs `probability`: float32 [N], the probability of suspicious; `label`: int64 [N],
// 1 when probability ≥ the model's threshold (compared in float64, as tracehound does).

import type { MlpConfig } from '../nn/mlp-config.js';
import { GraphBuilder, valueInfo } from './onnx-graph.js';
import { addNetwork } from './onnx-network.js';
import { addPreprocessing } from './onnx-preprocess.js';
import { DataType, encodeModel } from './onnx-proto.js';

/** Opset 17 (every operation used exists there; ONNX Runtime ≥ 1.13 runs it) and its IR version. */
export const ONNX_OPSET = 17;
export const ONNX_IR_VERSION = 8;
export const ONNX_INPUT = 'events';
export const ONNX_OUTPUTS = ['probability', 'label'] as const;

export interface OnnxExportInput {
  /** The fitted pipeline's saved JSON (Pipeline.toJSON(), as the manifest stores it). */
  pipeline: unknown;
  network: { config: MlpConfig; weights: Float32Array };
  inputColumns: readonly string[];
  threshold: number;
  modelId: string;
  tracehoundVersion: string;
}

export function buildOnnxModel(m: OnnxExportInput): Uint8Array {
  const g = new GraphBuilder();
  const features = addPreprocessing(g, m.pipeline, ONNX_INPUT, m.inputColumns);
  if (features.width !== m.network.config.inputs) {
    throw new RangeError(`the pipeline gives ${features.width} features but the network takes ${m.network.config.inputs}`);
  }
  const p = addNetwork(g, features.out, m.network.config, m.network.weights);
  const probability = g.op('Squeeze', [p, g.constInt64('axis1', [1])], {}, ONNX_OUTPUTS[0]);
  const atLeast = g.op('GreaterOrEqual', [
    g.op('Cast', [probability], { to: DataType.DOUBLE }),
    g.constDouble('threshold', [m.threshold], []),
  ]);
  g.op('Cast', [atLeast], { to: DataType.INT64 }, ONNX_OUTPUTS[1]);

  const columns = m.inputColumns.join(', ');
  return encodeModel({
    irVersion: ONNX_IR_VERSION,
    producerName: 'tracehound',
    producerVersion: m.tracehoundVersion,
    docString: `tracehound model ${m.modelId}: probability that a BETH kernel-process event is suspicious.`,
    opsetImport: [{ domain: '', version: ONNX_OPSET }],
    metadataProps: [
      { key: 'tracehound.model_id', value: m.modelId },
      { key: 'tracehound.input_columns', value: columns },
      { key: 'tracehound.threshold', value: String(m.threshold) },
    ],
    graph: {
      name: 'tracehound',
      node: g.nodes,
      initializer: g.initializers,
      input: [valueInfo(ONNX_INPUT, DataType.DOUBLE, ['N', m.inputColumns.length], `raw event features as float64, columns: ${columns}`)],
      output: [
        valueInfo(ONNX_OUTPUTS[0], DataType.FLOAT, ['N'], 'probability that the event is suspicious'),
        valueInfo(ONNX_OUTPUTS[1], DataType.INT64, ['N'], `1 when probability >= ${m.threshold}`),
      ],
    },
  });
}
