// Shared by the data tests: where the real BETH subsets live (a sibling `shared/` of the repo,
// found from this file's location so a fresh clone at any path works) and tiny fixtures written
// to a fresh temporary directory at run time (nothing generated is ever committed).

import { mkdtempSync, writeFileSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';

export const BETH_DIR = fileURLToPath(new URL('../../../shared/data/beth/', import.meta.url));
export const bethFile = (name: string): string => join(BETH_DIR, name);
export const DATACAMP_TRAIN = bethFile('datacamp_labelled_train_rows0-12499.csv.gz');
export const DATACAMP_VAL_HEAD = bethFile('datacamp_labelled_validation_rows0-99_DERIVED_from_kaggle.csv.gz');
export const DATACAMP_VAL_BLOCK = bethFile('datacamp_labelled_validation_rows13000-25499.csv.gz');
export const KAGGLE_TRAIN_HEAD = bethFile('kaggle_labelled_training_data_head100.csv.gz');
export const KAGGLE_VAL_HEAD = bethFile('kaggle_labelled_validation_data_head100.csv.gz');
export const KAGGLE_HOST_UBUNTU = bethFile('kaggle_labelled_2021may-ubuntu_head100.csv.gz');

export const DATACAMP_HEADER = 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue,sus_label';

/** A fresh temporary directory, removed when the process exits. */
export function tempDir(prefix = 'tracehound-data-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Write a fixture file (gzip-compressed when the name ends in .gz) and return its path. */
export function writeFixture(dir: string, name: string, content: string | Buffer): string {
  const path = join(dir, name);
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  writeFileSync(path, name.endsWith('.gz') ? gzipSync(bytes) : bytes);
  return path;
}

/** The uncompressed text of a .gz file. */
export function gunzipText(path: string): string {
  return gunzipSync(readFileSync(path)).toString('utf8');
}
