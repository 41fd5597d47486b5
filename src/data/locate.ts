// When DuckDB rejects a file, or returns a value that is not an integer, these scans read the file
// again in JavaScript to find the first offending cell and name its line, column and value exactly.
// They run only on the error path, so they favour exact messages over speed.

import { DataFormatError } from '../errors.js';
import { FEATURE_COLUMNS } from './table.js';
import { parseIntegerValue, parseLabelValue, type DetectedFormat } from './formats.js';
import { csvRecords } from './csv-records.js';
import { textChunks } from './files.js';
import { ndjsonLines, parseNdjsonObject } from './header.js';

/** The columns a reader needs from each row: the seven features, then the label if there is one. */
export function neededColumns(det: DetectedFormat): { name: string; index: number; isLabel: boolean }[] {
  const cols = FEATURE_COLUMNS.map((name) => ({ name: name as string, index: det.featureIndex[name], isLabel: false }));
  if (det.labelIndex !== null && det.labelColumn !== null) cols.push({ name: det.labelColumn, index: det.labelIndex, isLabel: true });
  return cols;
}

/**
 * Scan a CSV file and throw a DataFormatError at the first bad row: wrong field count, or a cell
 * that is not an integer (not 0/1 for the label). Returns normally if every row is fine.
 */
export async function findCsvError(path: string, gzip: boolean, det: DetectedFormat, headerWidth: number): Promise<void> {
  const cols = neededColumns(det);
  let first = true;
  for await (const { line, fields } of csvRecords(textChunks(path, gzip))) {
    if (first) {
      first = false; // the header
      continue;
    }
    if (fields.length !== headerWidth) {
      throw new DataFormatError(
        `${path} line ${line}: expected ${headerWidth} fields as in the header, found ${fields.length}${fields.length < headerWidth ? ' (is the line cut short?)' : ''}.`,
      );
    }
    for (const c of cols) {
      if (c.isLabel) parseLabelValue(fields[c.index], path, line, c.name);
      else parseIntegerValue(fields[c.index], path, line, c.name);
    }
  }
}

function checkJsonValue(value: unknown, path: string, line: number, name: string, isLabel: boolean): void {
  if (value === undefined) throw new DataFormatError(`${path} line ${line}: no field '${name}'.`);
  let raw: string;
  if (typeof value === 'number') raw = Number.isFinite(value) ? String(value) : 'not a finite number';
  else if (typeof value === 'string') raw = value;
  else raw = JSON.stringify(value);
  if (typeof value === 'number' && Number.isSafeInteger(value) && (!isLabel || value === 0 || value === 1)) return;
  // Strings holding integers ("12") are accepted like DuckDB does; anything else fails with the value shown.
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new DataFormatError(`${path} line ${line}, field '${name}': expected an integer, got ${raw}.`);
  }
  if (isLabel) parseLabelValue(raw, path, line, name);
  else parseIntegerValue(raw, path, line, name);
}

/** Scan an NDJSON file and throw at the first bad line: invalid JSON, a missing field, a non-integer. */
export async function findNdjsonError(path: string, gzip: boolean, det: DetectedFormat, keys: readonly string[]): Promise<void> {
  const cols = neededColumns(det).map((c) => ({ ...c, key: keys[c.index] }));
  for await (const { line, text } of ndjsonLines(textChunks(path, gzip))) {
    const obj = parseNdjsonObject(path, line, text);
    for (const c of cols) checkJsonValue(obj[c.key], path, line, c.key, c.isLabel);
  }
}
