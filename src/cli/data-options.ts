// The data arguments every command that reads events shares (train, evaluate, tune, explain,
// report, data inspect): --data DIR, explicit --train/--validation/--test lists and --label.
// Explicit lists win over --data (see src/data/splits.ts).

import { InvalidArgumentError, Option, type Command } from 'commander';
import { LABEL_CHOICES, type LabelChoice } from '../data/formats.js';

export interface DataOptions {
  data?: string;
  train?: string[];
  validation?: string[];
  test?: string[];
  label?: LabelChoice;
  holdout?: number;
}

/**
 * `--train a.csv,b.csv` and `--train a.csv --train b.csv` both give [a.csv, b.csv]. A blank entry
 * ("a.csv,,b.csv", a trailing comma) is almost always a typing slip, so it is a usage error.
 */
export function parseFileList(value: string, previous: string[] | undefined): string[] {
  const parts = value.split(',').map((s) => s.trim());
  if (parts.some((p) => p === '')) {
    throw new InvalidArgumentError(`expected a comma-separated list of files without empty entries, got "${value}".`);
  }
  return [...(previous ?? []), ...parts];
}

/** A fraction strictly between 0 and 1. */
export function parseFraction(value: string): number {
  const x = Number(value);
  if (!(x > 0 && x < 1)) throw new InvalidArgumentError(`expected a fraction between 0 and 1 (exclusive), got "${value}".`);
  return x;
}

export function addDataOptions(cmd: Command): Command {
  return cmd
    .option(
      '--data <dir>',
      'directory whose file names say the split: *train*, *valid*/*val*, *test* (.csv[.gz], .parquet, .ndjson[.gz], .jsonl[.gz]); ' +
        'files without the event columns are skipped, and DataCamp files win over Kaggle files of the same split (Kaggle with --label evil)',
    )
    .option('--train <files>', 'training files, comma-separated (wins over --data)', parseFileList)
    .option('--validation <files>', 'validation files, comma-separated (wins over --data)', parseFileList)
    .option('--test <files>', 'test files, comma-separated (wins over --data)', parseFileList)
    .option(
      '--holdout <fraction>',
      'when the data has no test split: hold out the last <fraction> of each class of the training files (time order) as the test split; ' +
        'give the same value to train, evaluate, explain and report',
      parseFraction,
    )
    .addOption(
      new Option('--label <column>', "Kaggle BETH label column: 'sus' (default) or 'evil'; DataCamp files always use sus_label").choices(
        LABEL_CHOICES,
      ),
    );
}

/** The data fields of a command's parsed options (commander's opts()), without anything else. */
export function dataOptionsFrom(opts: Record<string, unknown>): DataOptions {
  const out: DataOptions = {};
  if (typeof opts.data === 'string') out.data = opts.data;
  if (Array.isArray(opts.train)) out.train = opts.train as string[];
  if (Array.isArray(opts.validation)) out.validation = opts.validation as string[];
  if (Array.isArray(opts.test)) out.test = opts.test as string[];
  if (opts.label === 'sus' || opts.label === 'evil') out.label = opts.label;
  if (typeof opts.holdout === 'number') out.holdout = opts.holdout;
  return out;
}
