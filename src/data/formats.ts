// The two BETH file layouts tracehound reads, and how a header is recognised as one of them.
// Shared by the file readers (CSV, Parquet, NDJSON) and the streaming scorer, so that every entry
// point names a missing column, a bad value and its line the same way.

import { DataFormatError } from '../errors.js';
import { FEATURE_COLUMNS, type DataFormat, type FeatureName } from './table.js';

/** DataCamp's preprocessed BETH files: the seven integer features and `sus_label`. */
export const DATACAMP_COLUMNS = [...FEATURE_COLUMNS, 'sus_label'] as const;

/** The original Kaggle BETH split files (katehighnam/beth-dataset), 16 columns. */
export const KAGGLE_COLUMNS = [
  'timestamp',
  'processId',
  'threadId',
  'parentProcessId',
  'userId',
  'mountNamespace',
  'processName',
  'hostName',
  'eventId',
  'eventName',
  'stackAddresses',
  'argsNum',
  'returnValue',
  'args',
  'sus',
  'evil',
] as const;

/** Kaggle label columns; `sus` is the default, `--label evil` picks the other. */
export type LabelChoice = 'sus' | 'evil';
export const LABEL_CHOICES: readonly LabelChoice[] = ['sus', 'evil'];

/** Columns only the Kaggle layout has: their presence (without `sus_label`) means Kaggle. */
const KAGGLE_ONLY = new Set<string>(KAGGLE_COLUMNS.filter((c) => !(FEATURE_COLUMNS as readonly string[]).includes(c)));

export interface DetectedFormat {
  readonly format: DataFormat;
  /** Position in the header of each of the seven features. */
  readonly featureIndex: Record<FeatureName, number>;
  /** Position of the label column, or null for unlabelled events (scoring input). */
  readonly labelIndex: number | null;
  /** 'sus_label' | 'sus' | 'evil', or null when unlabelled. */
  readonly labelColumn: string | null;
}

export interface DetectOptions {
  readonly label?: LabelChoice;
}

/** The sentence every missing-column error ends with, so a user sees both accepted layouts. */
export function expectedColumnsText(): string {
  return `Expected the DataCamp columns (${DATACAMP_COLUMNS.join(', ')}) or the Kaggle BETH columns (${KAGGLE_COLUMNS.join(', ')}).`;
}

/** Header cells as written, minus a UTF-8 byte-order mark, surrounding blanks and quotes. */
export function cleanHeaderName(raw: string, first: boolean): string {
  let s = first && raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  s = s.trim();
  if (s.length >= 2 && s.startsWith('"') && s.endsWith('"')) s = s.slice(1, -1).replace(/""/g, '"');
  return s;
}

/**
 * Recognise a header as the DataCamp or the Kaggle BETH layout and locate the features and label.
 * All seven features are required; the label column is optional (unlabelled events can be scored).
 * Extra columns are allowed and ignored (the Kaggle layout is a superset of the DataCamp one).
 */
export function detectFormat(header: readonly string[], file: string, opts: DetectOptions = {}): DetectedFormat {
  const names = header.map((h, i) => cleanHeaderName(h, i === 0));
  if (names.length === 0 || (names.length === 1 && names[0] === '')) {
    throw new DataFormatError(`${file} has an empty header line. ${expectedColumnsText()}`);
  }
  const position = new Map<string, number>();
  names.forEach((name, i) => {
    if (position.has(name)) {
      throw new DataFormatError(`${file} has the column '${name}' twice (columns ${position.get(name)! + 1} and ${i + 1}).`);
    }
    position.set(name, i);
  });

  const missing = FEATURE_COLUMNS.filter((c) => !position.has(c));
  if (missing.length > 0) {
    const list = missing.map((c) => `'${c}'`).join(', ');
    const noun = missing.length === 1 ? 'column' : 'columns';
    throw new DataFormatError(`${file} has no ${noun} ${list}. ${expectedColumnsText()}`);
  }
  const featureIndex = {} as Record<FeatureName, number>;
  for (const c of FEATURE_COLUMNS) featureIndex[c] = position.get(c)!;

  const isDataCamp = position.has('sus_label') || !names.some((n) => KAGGLE_ONLY.has(n));
  if (isDataCamp) {
    if (opts.label === 'evil') {
      throw new DataFormatError(
        `${file} is in the DataCamp format, which has no column 'evil' (its label is 'sus_label'). Use --label sus, or a Kaggle BETH file for --label evil.`,
      );
    }
    const labelIndex = position.get('sus_label') ?? null;
    return { format: 'datacamp', featureIndex, labelIndex, labelColumn: labelIndex === null ? null : 'sus_label' };
  }

  const wanted: LabelChoice = opts.label ?? 'sus';
  const labelIndex = position.get(wanted) ?? null;
  if (labelIndex === null && opts.label !== undefined) {
    // An explicit --label names a column the user expects to be there.
    throw new DataFormatError(`${file} has no column '${wanted}' for --label ${wanted}. ${expectedColumnsText()}`);
  }
  return { format: 'kaggle', featureIndex, labelIndex, labelColumn: labelIndex === null ? null : wanted };
}

const INTEGER = /^\s*[+-]?\d+\s*$/;

/**
 * One integer cell. Every BETH feature is an integer; a non-integer is a data error that names the
 * file, the 1-based line (the header is line 1), the column and the value as written.
 */
export function parseIntegerValue(raw: string, file: string, line: number, column: string): number {
  if (!INTEGER.test(raw)) {
    throw new DataFormatError(`${file} line ${line}, column '${column}': expected an integer, got ${JSON.stringify(raw)}.`);
  }
  const v = Number(raw);
  if (!Number.isSafeInteger(v)) {
    throw new DataFormatError(
      `${file} line ${line}, column '${column}': ${raw.trim()} is too large to hold exactly (the limit is ±${Number.MAX_SAFE_INTEGER}).`,
    );
  }
  return v;
}

/** A label cell: 0 or 1 (Kaggle and DataCamp both write integers). */
export function parseLabelValue(raw: string, file: string, line: number, column: string): 0 | 1 {
  const v = parseIntegerValue(raw, file, line, column);
  if (v !== 0 && v !== 1) {
    throw new DataFormatError(`${file} line ${line}, column '${column}': a label must be 0 or 1, got ${JSON.stringify(raw)}.`);
  }
  return v;
}
