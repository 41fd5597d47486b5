// A real saved model for the report / explain tests, trained at test time (never committed) on the
// BETH training block in ../shared/data/beth, resolved from this file so a fresh clone works.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveModel } from '../../src/bundle/save.js';
import { readTable } from '../../src/data/read.js';
import { DEFAULT_TRAIN_CONFIG } from '../../src/model/config.js';
import { trainModel } from '../../src/model/train.js';

export const BETH = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'beth');
export const BETH_TRAIN = join(BETH, 'datacamp_labelled_train_rows0-12499.csv.gz');
export const BETH_VALID_HEAD = join(BETH, 'datacamp_labelled_validation_rows0-99_DERIVED_from_kaggle.csv.gz');

/** Train a small model (few epochs, seeded) and save it to a new temporary directory. */
export async function savedBethModel(epochs = 4): Promise<string> {
  const train = await readTable(BETH_TRAIN);
  const validation = await readTable(BETH_VALID_HEAD);
  const trained = await trainModel({ train, validation, config: { ...DEFAULT_TRAIN_CONFIG, epochs, patience: epochs, seed: 7 }, progress: false });
  const dir = join(mkdtempSync(join(tmpdir(), 'tracehound-model-')), 'model');
  await saveModel(dir, trained);
  return dir;
}
