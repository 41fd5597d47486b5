// saveModel: a trained model to a directory (manifest.json + weights.bin; see manifest.ts).
// Everything is written into a fresh temporary directory next to the target, which is renamed into
// place only when complete: a crash never leaves a half-written model where a model is expected.
// An existing model directory at the target is replaced; any other non-empty directory is refused.

import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { ValidationError } from '../errors.js';
import { FEATURE_COLUMNS, type SourceFile } from '../data/table.js';
import { VERSION } from '../version.js';
import type { TrainedModel } from '../model/train.js';
import { MANIFEST_FILE, MODEL_FORMAT_VERSION, WEIGHTS_FILE, type ModelManifest } from './manifest.js';
import { encodeWeights, sha256Hex } from './weights-file.js';

/** The manifest for a trained model and its weight bytes (no file is written). */
export function buildManifest(trained: TrainedModel, weightsSha256: string, extras?: Record<string, unknown>): ModelManifest {
  const { model, fit, training } = trained;
  const files = (s: readonly SourceFile[]) => s.map((f) => ({ path: f.path, format: f.format, rows: f.rows, sha256: f.sha256 }));
  return {
    formatVersion: MODEL_FORMAT_VERSION,
    tracehoundVersion: VERSION,
    createdAt: new Date().toISOString(),
    id: weightsSha256.slice(0, 16),
    inputColumns: [...FEATURE_COLUMNS],
    featureNames: model.pipeline.outputNames(),
    pipeline: model.pipeline.toJSON(),
    network: model.network.toJSON(),
    engine: trained.engine,
    threshold: model.threshold,
    thresholdRule: model.thresholdRule,
    thresholdSource: trained.thresholdSource,
    training: { files: files(training.sources), rows: training.rows, positives: training.positives },
    validationData: training.validationRows > 0
      ? { files: files(training.validationSources), rows: training.validationRows, positives: training.validationPositives }
      : null,
    trainingRanges: training.ranges,
    validation: trained.validation,
    // Fixed key order (epoch, loss, valLoss, then the rest) so the file reads like a table.
    history: fit.history.map(({ epoch, loss, valLoss, ...rest }) => ({ epoch, loss, ...(valLoss !== undefined ? { valLoss } : {}), ...rest })),
    fit: {
      epochs: fit.epochs,
      bestEpoch: fit.bestEpoch,
      seconds: fit.seconds,
      samplesPerSecond: fit.samplesPerSecond,
      stoppedEarly: fit.stoppedEarly,
      ...(fit.stoppedBy ? { stoppedBy: fit.stoppedBy } : {}),
    },
    config: trained.config,
    seed: trained.config.seed,
    posWeight: trained.posWeight,
    weights: { file: WEIGHTS_FILE, dtype: 'float32', byteOrder: 'little', count: model.network.paramCount, sha256: weightsSha256 },
    ...(extras && Object.keys(extras).length > 0 ? { extras } : {}),
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

/** Writes the model directory; returns its manifest. */
export async function saveModel(dir: string, trained: TrainedModel, extras?: Record<string, unknown>): Promise<ModelManifest> {
  const target = resolve(dir);
  if (await exists(target)) {
    const st = await stat(target);
    if (!st.isDirectory()) throw new ValidationError(`Cannot write the model to ${dir}: it exists and is not a directory.`);
    const entries = await readdir(target);
    if (entries.length > 0 && !entries.includes(MANIFEST_FILE)) {
      throw new ValidationError(`Cannot write the model to ${dir}: the directory is not empty and holds no model (no ${MANIFEST_FILE}). Choose another --out.`);
    }
  }
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const suffix = `${process.pid}-${Date.now().toString(36)}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${suffix}`);
  await mkdir(tmp);
  try {
    const bytes = encodeWeights(trained.model.network.getWeights());
    const manifest = buildManifest(trained, sha256Hex(bytes), extras);
    await writeFile(join(tmp, WEIGHTS_FILE), bytes);
    await writeFile(join(tmp, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    if (await exists(target)) {
      // Move the old model aside, put the new one in place, then delete the old one.
      const old = join(parent, `.${basename(target)}.old-${suffix}`);
      await rename(target, old);
      await rename(tmp, target);
      await rm(old, { recursive: true, force: true });
    } else {
      await rename(tmp, target);
    }
    return manifest;
  } catch (e) {
    await rm(tmp, { recursive: true, force: true });
    throw e;
  }
}
