// A quick synchronous look at a file's header, for split discovery: is this an event file, and in
// which layout? Only the first 64 KiB are read (inflated as far as they go for .gz). When the header
// cannot be read this way (Parquet, a broken file) the answer is 'unknown' and the file is kept, so
// that reading it later reports the real problem instead of discovery hiding it.

import { closeSync, openSync, readSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import { DataFormatError } from '../errors.js';
import { detectFormat } from './formats.js';
import { splitCsvLine } from './csv-records.js';
import type { FileType } from './files.js';
import type { DataFormat } from './table.js';

/** layout: which column layout the header has (an NDJSON file has one too). */
export type Sniffed = { kind: 'events'; layout: DataFormat } | { kind: 'not-events'; reason: string } | { kind: 'unknown' };

const PREFIX_BYTES = 64 * 1024;

function readPrefix(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const buf = Buffer.alloc(PREFIX_BYTES);
    const n = readSync(fd, buf, 0, PREFIX_BYTES, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

function firstLine(path: string, type: FileType): string | null {
  let bytes = readPrefix(path);
  if (!bytes || bytes.length === 0) return null;
  if (type.gzip) {
    try {
      bytes = gunzipSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return null;
    }
  }
  const text = bytes.toString('utf8');
  const lines = text.split('\n');
  // With type.kind ndjson, skip leading blank lines; a header line never starts blank in CSV.
  const line = lines.find((l) => l.trim() !== '');
  if (line === undefined || (lines.length === 1 && bytes.length >= PREFIX_BYTES)) return null;
  return line;
}

/** Classify a file by its header without reading the whole file. */
export function sniffFile(path: string, type: FileType): Sniffed {
  if (type.kind === 'parquet') return { kind: 'unknown' };
  const line = firstLine(path, type);
  if (line === null) return { kind: 'unknown' };
  let header: string[];
  if (type.kind === 'csv') header = splitCsvLine(line);
  else {
    try {
      const obj: unknown = JSON.parse(line);
      if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return { kind: 'unknown' };
      header = Object.keys(obj);
    } catch {
      return { kind: 'unknown' };
    }
  }
  try {
    const det = detectFormat(header, path);
    return { kind: 'events', layout: det.format };
  } catch (e) {
    if (e instanceof DataFormatError) return { kind: 'not-events', reason: e.message.split('. Expected')[0] };
    throw e;
  }
}
