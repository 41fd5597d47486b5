// loadModel: a saved model directory back to a scoring model, checking as it goes: the directory
// and both files exist, the manifest is JSON of a format version this tracehound reads, the weights
// file has the size and sha256 the manifest records, the pipeline and network rebuild and agree.
// Each failure is a ModelFormatError naming the directory or file and what is wrong.

import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { ModelFormatError, TracehoundError } from '../errors.js';
import { pipelineFromJSON } from '../features/registry.js';
import type { Pipeline } from '../features/pipeline.js';
import { getKernels } from '../nn/engine.js';
import type { EngineName } from '../nn/kernels.js';
import { Mlp } from '../nn/mlp.js';
import { Model } from '../model/model.js';
import { MANIFEST_FILE, MODEL_FORMAT_VERSION, WEIGHTS_FILE, type ModelManifest } from './manifest.js';
import { decodeWeights, sha256Hex } from './weights-file.js';

/** A model loaded from disk: the scoring model plus where it came from and its manifest. */
export class LoadedModel extends Model {
  constructor(
    readonly dir: string,
    readonly manifest: ModelManifest,
    pipeline: Pipeline,
    network: Mlp,
  ) {
    super(pipeline, network, manifest.threshold, manifest.thresholdRule);
  }
}

export interface LoadOptions {
  /** Engine to score on (default: getKernels()'s choice). */
  engine?: EngineName;
}

async function readOrFail(path: string, what: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelFormatError(`${path} is missing: ${what}.`);
    throw new ModelFormatError(`Cannot read ${path}: ${code ?? (e as Error).message}.`);
  }
}

export async function loadModel(dir: string, options: LoadOptions = {}): Promise<LoadedModel> {
  const root = resolve(dir);
  try {
    if (!(await stat(root)).isDirectory()) throw new ModelFormatError(`${dir} is not a directory: --model takes a model directory written by 'tracehound train'.`);
  } catch (e) {
    if (e instanceof TracehoundError) throw e;
    throw new ModelFormatError(`There is no model directory at ${dir}.`);
  }
  const manifestPath = join(root, MANIFEST_FILE);
  const text = (await readOrFail(manifestPath, `not a tracehound model directory (no ${MANIFEST_FILE})`)).toString('utf8');
  let manifest: ModelManifest;
  try {
    manifest = JSON.parse(text) as ModelManifest;
  } catch (e) {
    throw new ModelFormatError(`${manifestPath} is not valid JSON: ${(e as Error).message}.`);
  }
  if (typeof manifest !== 'object' || manifest === null || typeof manifest.formatVersion !== 'number') {
    throw new ModelFormatError(`${manifestPath} has no 'formatVersion': not a tracehound model manifest.`);
  }
  if (manifest.formatVersion > MODEL_FORMAT_VERSION) {
    throw new ModelFormatError(
      `${manifestPath} has model format version ${manifest.formatVersion} (written by tracehound ${manifest.tracehoundVersion ?? 'unknown'}); ` +
        `this tracehound reads format version ${MODEL_FORMAT_VERSION} and older. Upgrade tracehound to load it.`,
    );
  }
  for (const key of ['pipeline', 'network', 'weights', 'threshold'] as const) {
    if (manifest[key] === undefined || manifest[key] === null) throw new ModelFormatError(`${manifestPath} has no '${key}'.`);
  }

  const weightsPath = join(root, manifest.weights.file ?? WEIGHTS_FILE);
  const bytes = await readOrFail(weightsPath, 'the model weights');
  const expectedBytes = manifest.weights.count * 4;
  if (bytes.length !== expectedBytes) {
    throw new ModelFormatError(`${weightsPath} has ${bytes.length} bytes; the manifest says ${manifest.weights.count} float32 values (${expectedBytes} bytes). The file is truncated or corrupted.`);
  }
  const actual = sha256Hex(bytes);
  if (actual !== manifest.weights.sha256) {
    throw new ModelFormatError(`${weightsPath} does not match its checksum: the manifest says sha256 ${manifest.weights.sha256}, the file has ${actual}. The file is corrupted or was changed.`);
  }

  let pipeline: Pipeline;
  let network: Mlp;
  try {
    pipeline = pipelineFromJSON(manifest.pipeline);
    network = new Mlp(manifest.network, { kernels: getKernels(options.engine), weights: decodeWeights(bytes) });
  } catch (e) {
    if (e instanceof TracehoundError) throw new ModelFormatError(`${manifestPath}: ${e.message}`);
    throw e;
  }
  if (!pipeline.isFitted()) throw new ModelFormatError(`${manifestPath}: the saved pipeline is not fitted.`);
  try {
    return new LoadedModel(root, manifest, pipeline, network);
  } catch (e) {
    if (e instanceof TracehoundError) throw new ModelFormatError(`${manifestPath}: ${e.message}`);
    throw e;
  }
}
