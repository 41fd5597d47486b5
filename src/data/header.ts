// The column names of a file, read without DuckDB: the first CSV record, or the keys of the first
// NDJSON object. Reading them ourselves lets a missing column be named before any parsing starts.

import { DataFormatError } from '../errors.js';
import { csvRecords } from './csv-records.js';
import { textChunks } from './files.js';

/** The first record of a CSV file (the header). An empty file, or one with only blank lines, is an error. */
export async function readCsvHeader(path: string, gzip: boolean): Promise<string[]> {
  for await (const record of csvRecords(textChunks(path, gzip))) {
    return record.fields;
  }
  throw new DataFormatError(`${path} is empty: expected a header line and events.`);
}

/** Split NDJSON text into its non-blank lines with 1-based line numbers. */
export async function* ndjsonLines(chunks: AsyncIterable<string>): AsyncGenerator<{ line: number; text: string }> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop() ?? '';
    for (const text of parts) {
      line++;
      if (text.trim() !== '') yield { line, text };
    }
  }
  line++;
  if (rest.trim() !== '') yield { line, text: rest };
}

/** Parse one NDJSON line into an object, or fail naming the line. */
export function parseNdjsonObject(path: string, line: number, text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataFormatError(`${path} line ${line}: not valid JSON (${(e as Error).message}).`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new DataFormatError(`${path} line ${line}: expected a JSON object with the event's fields, got ${Array.isArray(value) ? 'an array' : JSON.stringify(value)}.`);
  }
  return value as Record<string, unknown>;
}

/** The keys of the first NDJSON object: the "header" the format is detected from. */
export async function readNdjsonKeys(path: string, gzip: boolean): Promise<string[]> {
  for await (const { line, text } of ndjsonLines(textChunks(path, gzip))) {
    return Object.keys(parseNdjsonObject(path, line, text));
  }
  throw new DataFormatError(`${path} is empty: expected one JSON event per line.`);
}
