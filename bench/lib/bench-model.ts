// What the scoring benchmarks share: their --name value arguments, and the default model trained for
// real (trainModel on the real BETH training block) and saved where `tracehound` can load it.

import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { saveModel } from '../../src/bundle/save.js';
import { readTable } from '../../src/data/read.js';
import { DEFAULT_TRAIN_CONFIG } from '../../src/model/config.js';
import { trainModel } from '../../src/model/train.js';

/** The project root (bench/lib/ → ../..). */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The real BETH subsets beside the project (never copied into it). */
export const bethDir = join(root, '../shared/data/beth');

/** The value after --name on the command line, or dflt. */
export function option(name: string, dflt: string): string {
  const args = process.argv.slice(2);
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
}

/** Trains the default model on the training block (validation: the first validation file) into dir. */
export async function trainBenchModel(dir: string): Promise<string> {
  const train = await readTable(join(bethDir, 'datacamp_labelled_train_rows0-12499.csv.gz'));
  const validation = await readTable(join(bethDir, 'datacamp_labelled_validation_rows0-99_DERIVED_from_kaggle.csv.gz'));
  await saveModel(dir, await trainModel({ train, validation, config: DEFAULT_TRAIN_CONFIG }));
  return dir;
}
