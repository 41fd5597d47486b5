// Test helper (not a test): a small real model trained with the real trainModel on the real BETH
// training subset (../shared/data/beth, found relative to this file so a fresh clone works), saved
// to a temporary model directory and loaded back as the ServableModel the scorer and the service
// take. Trained once per test process.

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveModel } from '../../src/bundle/save.js';
import { readTable } from '../../src/data/read.js';
import type { Table } from '../../src/data/table.js';
import { DEFAULT_TRAIN_CONFIG } from '../../src/model/config.js';
import { trainModel, type TrainedModel } from '../../src/model/train.js';
import { loadServable } from '../../src/score/load-servable.js';
import type { ServableModel } from '../../src/score/servable.js';

export const BETH_DIR = fileURLToPath(new URL('../../../shared/data/beth/', import.meta.url));
export const TRAIN_FILE = `${BETH_DIR}datacamp_labelled_train_rows0-12499.csv.gz`;
export const VALIDATION_FILE = `${BETH_DIR}datacamp_labelled_validation_rows0-99_DERIVED_from_kaggle.csv.gz`;
export const KAGGLE_FILE = `${BETH_DIR}kaggle_labelled_training_data_head100.csv.gz`;

export interface RealModel {
  trained: TrainedModel;
  /** The model saved with saveModel and loaded back, as the CLI and the service load it. */
  servable: ServableModel;
  dir: string;
  train: Table;
}

let cached: Promise<RealModel> | null = null;

/**
 * features 'beth-flags+clipped' so that the network sees raw-valued inputs too (the scaler and the
 * clip are exercised by the ONNX export) — a few epochs are enough for scores that vary per row.
 */
export function realModel(): Promise<RealModel> {
  cached ??= (async () => {
    const train = await readTable(TRAIN_FILE);
    const validation = await readTable(VALIDATION_FILE);
    const trained = await trainModel({
      train,
      validation,
      config: { ...DEFAULT_TRAIN_CONFIG, features: 'beth-flags+clipped', epochs: 3, seed: 11 },
      engine: 'ts',
    });
    const dir = join(mkdtempSync(join(tmpdir(), 'th-model-')), 'model');
    await saveModel(dir, trained);
    return { trained, servable: await loadServable(dir), dir, train };
  })();
  return cached;
}

/** Row-major raw rows of a table (model input order). */
export function rowsOf(t: Table, columns: readonly string[]): Float64Array {
  const out = new Float64Array(t.rows * columns.length);
  columns.forEach((c, j) => {
    const col = (t.columns as unknown as Record<string, Float64Array>)[c];
    for (let i = 0; i < t.rows; i++) out[i * columns.length + j] = col[i];
  });
  return out;
}
