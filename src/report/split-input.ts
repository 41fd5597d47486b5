// One split of the data options (--data / --train / --validation / --test) as a Table, for the
// commands that explain or report on a single split. Only that split's files are read.

import { UsageError } from '../errors.js';
import type { DataOptions } from '../cli/data-options.js';
import { hasSplit, loadSplit, resolveSplitFiles, type SplitFiles, type SplitName } from '../data/splits.js';
import type { Table } from '../data/table.js';

export interface SplitTable {
  split: SplitName;
  files: string[];
  table: Table;
}

export function hasDataOptions(o: DataOptions): boolean {
  return Boolean(o.data || o.train?.length || o.validation?.length || o.test?.length);
}

/** The files of every split (discovery warnings, if any, are printed once, here). */
export function splitFiles(o: DataOptions): SplitFiles {
  return resolveSplitFiles(o);
}

/**
 * The table of `split`, or of the first of `fallbacks` that has files when `split` is undefined.
 * A split the user named but the options do not provide is a usage error.
 */
export async function loadSplitTable(
  o: DataOptions,
  files: SplitFiles,
  split: SplitName | undefined,
  fallbacks: readonly SplitName[],
): Promise<SplitTable | null> {
  const chosen = split ?? fallbacks.find((s) => hasSplit(files, s, o.holdout));
  if (!chosen) return null;
  if (!hasSplit(files, chosen, o.holdout)) {
    throw new UsageError(`There is no ${chosen} split in the data options: give --${chosen} FILE or a --data directory with a '${chosen === 'validation' ? 'valid' : chosen}' file.`);
  }
  const table = (await loadSplit(o, chosen, files)) as Table;
  // A held-out test split is part of the training files: say which part, or a reader would think
  // the model was scored on the data it was trained on.
  const heldOut = chosen === 'test' && o.holdout !== undefined;
  const from = heldOut
    ? files.train.map((f) => `${f} (the last ${formatFraction(o.holdout as number)} of each class, held out by --holdout ${o.holdout})`)
    : files[chosen];
  return { split: chosen, files: from, table };
}

function formatFraction(f: number): string {
  return `${Number((f * 100).toFixed(2))}%`;
}
