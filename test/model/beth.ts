// The real BETH subsets for the model tests, found relative to this file (../shared/data/beth next
// to the repository), and the held-out split bench/holdout-seeds.ts reports on.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable } from '../../src/data/read.js';
import { concatTables, type Table } from '../../src/data/table.js';
import { timeOrderedHoldout } from '../../src/data/holdout.js';

export const BETH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'beth');
export const TRAIN_FILE = join(BETH_DIR, 'datacamp_labelled_train_rows0-12499.csv.gz');
export const VALIDATION_FILES = [
  join(BETH_DIR, 'datacamp_labelled_validation_rows0-99_DERIVED_from_kaggle.csv.gz'),
  join(BETH_DIR, 'datacamp_labelled_validation_rows13000-25499.csv.gz'),
];

export async function bethSplits(): Promise<{ train: Table; validation: Table; heldOut: Table; full: Table }> {
  const full = await readTable(TRAIN_FILE);
  const { train, test } = timeOrderedHoldout(full, 0.2);
  const validation = concatTables(await Promise.all(VALIDATION_FILES.map((f) => readTable(f))));
  return { train, validation, heldOut: test, full };
}
