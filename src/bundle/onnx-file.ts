// Export a saved model directory to an .onnx file: load (with every check loadModel makes), build
// the graph from the manifest's pipeline and the loaded weights, and write the file under a
// temporary name that is renamed when complete.

import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { DataFormatError } from '../errors.js';
import { loadModel } from './load.js';
import { buildOnnxModel, ONNX_INPUT, ONNX_OPSET, ONNX_OUTPUTS } from './onnx-export.js';

export interface OnnxExportSummary {
  model: string;
  modelId: string;
  out: string;
  bytes: number;
  opset: number;
  input: { name: string; type: 'float64'; columns: string[] };
  outputs: string[];
  threshold: number;
}

export async function exportModelToOnnx(modelDir: string, out: string): Promise<OnnxExportSummary> {
  const model = await loadModel(modelDir);
  const bytes = buildOnnxModel({
    pipeline: model.manifest.pipeline,
    network: { config: model.network.toJSON(), weights: model.network.getWeights() },
    inputColumns: model.inputColumns,
    threshold: model.threshold,
    modelId: model.manifest.id,
    tracehoundVersion: model.manifest.tracehoundVersion,
  });
  const target = resolve(out);
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    throw new DataFormatError(`Cannot write ${out}: ${code ?? (e as Error).message}.`);
  }
  return {
    model: modelDir,
    modelId: model.manifest.id,
    out,
    bytes: bytes.length,
    opset: ONNX_OPSET,
    input: { name: ONNX_INPUT, type: 'float64', columns: [...model.inputColumns] },
    outputs: [...ONNX_OUTPUTS],
    threshold: model.threshold,
  };
}
