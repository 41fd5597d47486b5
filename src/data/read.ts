// readTable: one event file (CSV, CSV.gz, Parquet, NDJSON) into a Table, through DuckDB.
// The header is read and checked first (so a missing column is named before parsing); DuckDB then
// reads the feature and label columns as DOUBLE; every value is checked to be an exact integer
// (0/1 for labels). Anything wrong sends us to a JavaScript scan that names line, column and value.
// The sha256 fingerprint (which also proves a gzip is whole) is computed while DuckDB reads.

import { DataFormatError, TracehoundError } from '../errors.js';
import { FEATURE_COLUMNS, type FeatureName, type SourceFile, type Table } from './table.js';
import { detectFormat, type DetectedFormat, type LabelChoice } from './formats.js';
import { fingerprint, requireFileType, requireNonEmptyFile, type FileType } from './files.js';
import { readCsvHeader, readNdjsonKeys } from './header.js';
import { findCsvError, findNdjsonError, neededColumns } from './locate.js';
import { doubleOrNaN, queryDoubles, queryRows, sqlIdent, sqlString, type NumericResult } from './duckdb.js';

export interface ReadOptions {
  /** Kaggle label column: 'sus' (default) or 'evil'. */
  readonly label?: LabelChoice;
}

interface Body {
  readonly det: DetectedFormat;
  readonly result: NumericResult;
}

/** The first line of a DuckDB message (the rest lists its reader options, which helps nobody here). */
function duckMessage(e: unknown): string {
  return ((e as Error).message ?? String(e)).split('\n')[0];
}

/** First row whose value is not an exact integer (not 0/1 for a label), or -1. */
function firstBadRow(values: Float64Array, isLabel: boolean): number {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isLabel ? v !== 0 && v !== 1 : !Number.isSafeInteger(v)) return i;
  }
  return -1;
}

function firstBadCell(det: DetectedFormat, result: NumericResult): { row: number; column: string; value: number } | null {
  let best: { row: number; column: string; value: number } | null = null;
  neededColumns(det).forEach((c, j) => {
    const row = firstBadRow(result.columns[j], c.isLabel);
    if (row >= 0 && (!best || row < best.row)) best = { row, column: c.name, value: result.columns[j][row] };
  });
  return best;
}

function badCellError(path: string, det: DetectedFormat, bad: { row: number; column: string; value: number }): DataFormatError {
  const rule = det.labelColumn === bad.column ? 'a label must be 0 or 1' : 'expected an integer';
  const shown = Number.isNaN(bad.value) ? 'an empty value' : String(bad.value);
  return new DataFormatError(`${path} event ${bad.row + 1}, column '${bad.column}': ${rule}, got ${shown}.`);
}

async function readCsv(path: string, type: FileType, opts: ReadOptions): Promise<Body> {
  const header = await readCsvHeader(path, type.gzip);
  const det = detectFormat(header, path, opts);
  const cols = neededColumns(det);
  const wanted = new Set(cols.map((c) => c.index));
  // Columns are named by position (c0, c1, ...) so odd header names cannot break the SQL.
  const spec = header.map((_, i) => `'c${i}': '${wanted.has(i) ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
  const sql =
    `SELECT ${cols.map((c) => doubleOrNaN(`c${c.index}`)).join(', ')} FROM read_csv(${sqlString(path)}, header = true, auto_detect = false, ` +
    `delim = ',', quote = '"', escape = '"', compression = '${type.gzip ? 'gzip' : 'none'}', columns = {${spec}})`;
  let result: NumericResult;
  try {
    result = await queryDoubles(sql, cols.length);
  } catch (e) {
    await findCsvError(path, type.gzip, det, header.length);
    throw new DataFormatError(`${path} could not be read as CSV: ${duckMessage(e)}`);
  }
  const bad = firstBadCell(det, result);
  if (bad) {
    await findCsvError(path, type.gzip, det, header.length);
    throw badCellError(path, det, bad); // the scan should have thrown; never accept the value silently
  }
  return { det, result };
}

async function readNdjson(path: string, type: FileType, opts: ReadOptions): Promise<Body> {
  const keys = await readNdjsonKeys(path, type.gzip);
  const det = detectFormat(keys, path, opts);
  const cols = neededColumns(det);
  const spec = cols.map((c) => `${sqlString(keys[c.index])}: 'DOUBLE'`).join(', ');
  const sql =
    `SELECT ${cols.map((c) => doubleOrNaN(sqlIdent(keys[c.index]))).join(', ')} FROM read_json(${sqlString(path)}, ` +
    `format = 'newline_delimited', compression = '${type.gzip ? 'gzip' : 'uncompressed'}', columns = {${spec}})`;
  let result: NumericResult;
  try {
    result = await queryDoubles(sql, cols.length);
  } catch (e) {
    await findNdjsonError(path, type.gzip, det, keys);
    throw new DataFormatError(`${path} could not be read as NDJSON: ${duckMessage(e)}`);
  }
  const bad = firstBadCell(det, result);
  if (bad) {
    await findNdjsonError(path, type.gzip, det, keys);
    throw badCellError(path, det, bad);
  }
  return { det: { ...det, format: 'ndjson' }, result };
}

async function readParquet(path: string, opts: ReadOptions): Promise<Body> {
  const from = `read_parquet(${sqlString(path)})`;
  let names: string[];
  try {
    names = (await queryRows(`DESCRIBE SELECT * FROM ${from}`)).rows.map((r) => String(r[0]));
  } catch (e) {
    throw new DataFormatError(`${path} is not a readable Parquet file: ${duckMessage(e)}`);
  }
  const det = detectFormat(names, path, opts);
  const cols = neededColumns(det);
  const select = cols.map((c) => doubleOrNaN(`TRY_CAST(${sqlIdent(names[c.index])} AS DOUBLE)`)).join(', ');
  let result: NumericResult;
  try {
    result = await queryDoubles(`SELECT ${select} FROM ${from}`, cols.length);
  } catch (e) {
    throw new DataFormatError(`${path} could not be read as Parquet: ${duckMessage(e)}`);
  }
  const bad = firstBadCell(det, result);
  if (bad) {
    // TRY_CAST turned unreadable cells into NULL; fetch the original text of that one cell to show it.
    const name = names[det.featureIndex[bad.column as FeatureName] ?? det.labelIndex!];
    const probe = await queryRows(`SELECT CAST(${sqlIdent(name)} AS VARCHAR) FROM ${from} LIMIT 1 OFFSET ${bad.row}`);
    const raw = probe.rows[0]?.[0];
    const shown = raw === null || raw === undefined ? 'an empty value (NULL)' : JSON.stringify(String(raw));
    const rule = det.labelColumn === bad.column ? 'a label must be 0 or 1' : 'expected an integer';
    throw new DataFormatError(`${path} row ${bad.row + 1}, column '${bad.column}': ${rule}, got ${shown}.`);
  }
  return { det, result };
}

/** Read one event file into a Table. Every problem with the file is a DataFormatError naming it. */
export async function readTable(path: string, opts: ReadOptions = {}): Promise<Table> {
  const type = requireFileType(path);
  await requireNonEmptyFile(path);
  const hashing = fingerprint(path, type.gzip);
  hashing.catch(() => undefined); // awaited below on every path; this only silences the early rejection
  let body: Body;
  try {
    body =
      type.kind === 'csv' ? await readCsv(path, type, opts) : type.kind === 'ndjson' ? await readNdjson(path, type, opts) : await readParquet(path, opts);
  } catch (e) {
    // A truncated gzip explains whatever DuckDB or the header reader said about it, and better.
    if (type.gzip) await hashing;
    if (e instanceof TracehoundError) throw e;
    throw new DataFormatError(`${path} could not be read: ${duckMessage(e)}`);
  }
  const sha256 = await hashing;
  const { det, result } = body;
  if (result.rows === 0) throw new DataFormatError(`${path} has a header but no events.`);

  const columns = {} as Record<FeatureName, Float64Array>;
  FEATURE_COLUMNS.forEach((name, j) => (columns[name] = result.columns[j]));
  let labels: Uint8Array | null = null;
  if (det.labelIndex !== null) {
    const src = result.columns[FEATURE_COLUMNS.length];
    labels = new Uint8Array(result.rows);
    for (let i = 0; i < src.length; i++) labels[i] = src[i];
  }
  const source: SourceFile = { path, format: det.format, rows: result.rows, sha256 };
  return { rows: result.rows, columns, labels, labelColumn: labels ? det.labelColumn : null, sources: [source] };
}
