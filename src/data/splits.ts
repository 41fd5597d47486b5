// Which files make up the train / validation / test splits, and loading them.
//
// The rule (CONTRACT.md, made precise here):
// - `--data DIR` looks at the files directly in DIR with a readable extension (.csv, .csv.gz,
//   .parquet, .ndjson, .jsonl, .ndjson.gz, .jsonl.gz). A name (lower-cased) containing `train` is
//   training data; else `valid` or `val` validation; else `test` test. Files of one split are read in
//   name order and concatenated.
// - Only event files count: a file whose header clearly is not a BETH event layout (it lacks one of
//   the seven features, like the per-host Kaggle process logs) is skipped with a warning. A file whose
//   header cannot be checked cheaply (Parquet, a damaged file) is kept, so reading it reports why.
// - When one split holds files of both layouts (DataCamp and Kaggle BETH), the DataCamp files are
//   used and the others skipped with a warning: the DataCamp files are projections of the Kaggle
//   splits, so mixing them would count the same events twice. With `--label evil` the Kaggle files
//   are used instead, since only they have an `evil` column.
// - `--train/--validation/--test` lists win over `--data` split by split: an explicit list replaces
//   what discovery found for that split and nothing else.
// - `--holdout F` makes the test split out of the training files when the data has none (the BETH
//   subsets in shared/ have no test file): the last F of each class in time order is held out
//   (src/data/holdout.ts) and training sees only the rest. Every command given the same files and
//   the same F gets the same two tables, so `train --holdout 0.2` and `evaluate --holdout 0.2` agree.

import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataFormatError } from '../errors.js';
import { concatTables, type Table } from './table.js';
import { fileTypeOf, SUPPORTED_SUFFIXES } from './files.js';
import { sniffFile } from './sniff.js';
import { readTable } from './read.js';
import type { LabelChoice } from './formats.js';
import { timeOrderedHoldout } from './holdout.js';

export type SplitName = 'train' | 'validation' | 'test';
export const SPLIT_NAMES: readonly SplitName[] = ['train', 'validation', 'test'];

export interface SplitOptions {
  data?: string;
  /** Only steers discovery: with 'evil', Kaggle files win over DataCamp ones in a mixed split. */
  label?: LabelChoice;
  train?: string[];
  validation?: string[];
  test?: string[];
  /** Fraction of the training files held out (per class, last in time) as the test split. */
  holdout?: number;
}

export interface SplitFiles {
  train: string[];
  validation: string[];
  test: string[];
  /** Files discovery looked at and left out, with the reason (also sent to onWarning). */
  skipped?: { path: string; reason: string }[];
}

export interface ResolveOptions {
  /** Where discovery warnings go; default: one line each on stderr. */
  onWarning?: (message: string) => void;
}

/** The split a file name asks for, or null. */
export function splitOfName(name: string): SplitName | null {
  const lower = basename(name).toLowerCase();
  if (lower.includes('train')) return 'train';
  if (lower.includes('valid') || lower.includes('val')) return 'validation';
  if (lower.includes('test')) return 'test';
  return null;
}

function listDirectory(dir: string): string[] {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DataFormatError(`The --data directory ${dir} does not exist.`);
    throw new DataFormatError(`The --data directory ${dir} cannot be read: ${(e as Error).message}`);
  }
  if (!isDir) throw new DataFormatError(`--data expects a directory, but ${dir} is a file. Use --train/--validation/--test for files.`);
  return readdirSync(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

function mixedReason(split: SplitName, preferred: 'datacamp' | 'kaggle'): string {
  return preferred === 'datacamp'
    ? `the ${split} split also has DataCamp-format files; using those (the Kaggle file holds the same events with more columns)`
    : `the ${split} split also has Kaggle BETH files; using those for --label evil (DataCamp files have no 'evil' column)`;
}

/** Discover the split files of a directory (see the rule at the top of this file). */
export function discoverSplitFiles(dir: string, opts: ResolveOptions & { label?: LabelChoice } = {}): SplitFiles {
  const warn = opts.onWarning ?? ((m: string) => process.stderr.write(`tracehound: warning: ${m}\n`));
  const names = listDirectory(dir);
  const found: Record<SplitName, { path: string; layout: string }[]> = { train: [], validation: [], test: [] };
  const skipped: { path: string; reason: string }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const type = fileTypeOf(name);
    const split = splitOfName(name);
    if (!type || !split) continue;
    try {
      if (!statSync(path).isFile()) continue;
    } catch {
      continue;
    }
    const sniffed = sniffFile(path, type);
    if (sniffed.kind === 'not-events') {
      skipped.push({ path, reason: `not an event file: ${sniffed.reason}` });
      continue;
    }
    found[split].push({ path, layout: sniffed.kind === 'events' ? sniffed.layout : 'unknown' });
  }

  const out: SplitFiles = { train: [], validation: [], test: [], skipped };
  for (const split of SPLIT_NAMES) {
    const files = found[split];
    const [preferred, other] = opts.label === 'evil' ? (['kaggle', 'datacamp'] as const) : (['datacamp', 'kaggle'] as const);
    const mixed = files.some((f) => f.layout === preferred) && files.some((f) => f.layout === other);
    for (const f of files) {
      if (mixed && f.layout === other) skipped.push({ path: f.path, reason: mixedReason(split, preferred) });
      else out[split].push(f.path);
    }
  }
  if (out.train.length + out.validation.length + out.test.length === 0) {
    const seen = names.length === 0 ? 'it is empty' : `it holds ${names.slice(0, 8).join(', ')}${names.length > 8 ? `, and ${names.length - 8} more` : ''}`;
    const extra = skipped.length > 0 ? ` Skipped: ${skipped.map((s) => `${basename(s.path)} (${s.reason})`).join('; ')}.` : '';
    throw new DataFormatError(
      `${dir} has no split files: looked for event files whose names contain 'train', 'valid'/'val' or 'test' and end in ${SUPPORTED_SUFFIXES.join(', ')}, but ${seen}.${extra}`,
    );
  }
  for (const s of skipped) warn(`skipped ${s.path}: ${s.reason}.`);
  return out;
}

/** The files of each split: discovered from `data`, with any explicit list winning for its split. */
export function resolveSplitFiles(opts: SplitOptions, resolveOpts: ResolveOptions = {}): SplitFiles {
  const base: SplitFiles = opts.data !== undefined ? discoverSplitFiles(opts.data, { ...resolveOpts, label: opts.label }) : { train: [], validation: [], test: [], skipped: [] };
  return {
    train: opts.train ?? base.train,
    validation: opts.validation ?? base.validation,
    test: opts.test ?? base.test,
    skipped: base.skipped,
  };
}

export interface LoadedSplits {
  train: Table | null;
  validation: Table | null;
  test: Table | null;
}

async function loadFiles(files: readonly string[], label: LabelChoice | undefined): Promise<Table | null> {
  if (files.length === 0) return null;
  const tables: Table[] = [];
  for (const f of files) tables.push(await readTable(f, { label }));
  const labelled = tables.filter((t) => t.labels !== null).length;
  if (labelled > 0 && labelled < tables.length) {
    const unlabelled = tables.filter((t) => t.labels === null).map((t) => t.sources[0].path);
    throw new DataFormatError(`${unlabelled.join(', ')} ${unlabelled.length === 1 ? 'has' : 'have'} no label column, but other files of the same split do. Give every file of a split a label, or none.`);
  }
  return concatTables(tables);
}

/** Read every split (null where a split has no files), concatenating the files of each. */
export async function loadSplits(opts: SplitOptions, resolveOpts: ResolveOptions = {}): Promise<LoadedSplits> {
  const files = resolveSplitFiles(opts, resolveOpts);
  const validation = await loadFiles(files.validation, opts.label);
  if (opts.holdout !== undefined) return { ...(await carveHoldout(files, opts)), validation };
  return {
    train: await loadFiles(files.train, opts.label),
    validation,
    test: await loadFiles(files.test, opts.label),
  };
}

/** Read one split only (the others' files are not opened), honouring --holdout. */
export async function loadSplit(opts: SplitOptions, split: SplitName, files: SplitFiles = resolveSplitFiles(opts)): Promise<Table | null> {
  if (opts.holdout !== undefined && split !== 'validation') return (await carveHoldout(files, opts))[split];
  return loadFiles(files[split], opts.label);
}

/** Whether `split` has data under these options (a held-out test split counts). */
export function hasSplit(files: SplitFiles, split: SplitName, holdout: number | undefined): boolean {
  if (split === 'test' && holdout !== undefined) return files.train.length > 0;
  return files[split].length > 0;
}

async function carveHoldout(files: SplitFiles, opts: SplitOptions): Promise<{ train: Table | null; test: Table | null }> {
  if (files.test.length > 0) {
    throw new DataFormatError(
      `--holdout makes the test split out of the training files, but the data already has a test split (${files.test.join(', ')}). Use one or the other.`,
    );
  }
  const train = await loadFiles(files.train, opts.label);
  if (!train) return { train: null, test: null };
  const { train: rest, test } = timeOrderedHoldout(train, opts.holdout);
  return { train: rest, test };
}
