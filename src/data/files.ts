// Opening an event file: which reader its name calls for, whether it is there at all, its text
// (gunzipped when the name ends in .gz), and one pass over its bytes for the sha256 fingerprint
// that also proves a gzip is complete. DuckDB does not notice a gzip cut at a line boundary, so the
// integrity check is ours.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createGunzip } from 'node:zlib';
import { DataFormatError } from '../errors.js';

export type FileKind = 'csv' | 'parquet' | 'ndjson';

export interface FileType {
  readonly kind: FileKind;
  readonly gzip: boolean;
}

const SUFFIXES: readonly [string, FileType][] = [
  ['.csv', { kind: 'csv', gzip: false }],
  ['.csv.gz', { kind: 'csv', gzip: true }],
  ['.parquet', { kind: 'parquet', gzip: false }],
  ['.ndjson', { kind: 'ndjson', gzip: false }],
  ['.jsonl', { kind: 'ndjson', gzip: false }],
  ['.ndjson.gz', { kind: 'ndjson', gzip: true }],
  ['.jsonl.gz', { kind: 'ndjson', gzip: true }],
];

export const SUPPORTED_SUFFIXES: readonly string[] = SUFFIXES.map(([s]) => s);

/** The file type a name asks for, or null for a name tracehound does not read. */
export function fileTypeOf(path: string): FileType | null {
  const lower = path.toLowerCase();
  let best: [string, FileType] | null = null;
  for (const entry of SUFFIXES) {
    if (lower.endsWith(entry[0]) && (!best || entry[0].length > best[0].length)) best = entry;
  }
  return best ? best[1] : null;
}

/** Like fileTypeOf, but an unknown extension is a data error naming what is accepted. */
export function requireFileType(path: string): FileType {
  const type = fileTypeOf(path);
  if (type) return type;
  const base = path.split(/[\\/]/).pop() ?? path;
  const dot = base.indexOf('.');
  const ext = dot >= 0 ? `'${base.slice(dot)}'` : 'no extension';
  throw new DataFormatError(`${path} has ${ext === 'no extension' ? ext : `the unknown extension ${ext}`}. Expected one of ${SUPPORTED_SUFFIXES.join(', ')}.`);
}

/** The file exists, is a regular file and is not empty; otherwise a DataFormatError that says which. */
export async function requireNonEmptyFile(path: string): Promise<number> {
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw new DataFormatError(`${path} is a directory; expected an event file (use --data for a directory of split files).`);
    size = st.size;
  } catch (e) {
    if (e instanceof DataFormatError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new DataFormatError(`${path} does not exist.`);
    if (code === 'EACCES') throw new DataFormatError(`${path} cannot be read (permission denied).`);
    throw new DataFormatError(`${path} cannot be read: ${(e as Error).message}`);
  }
  if (size === 0) throw new DataFormatError(`${path} is empty: expected a header line and events.`);
  return size;
}

/** Turn a zlib failure into a sentence about the file. */
export function gzipError(path: string, e: unknown): DataFormatError {
  const err = e as NodeJS.ErrnoException;
  if (err.code === 'Z_BUF_ERROR' || /unexpected end of file/i.test(err.message ?? '')) {
    return new DataFormatError(`${path} is a truncated gzip file (it ends before the compressed data does). Re-copy or re-compress it.`);
  }
  return new DataFormatError(`${path} is not a valid gzip file (${err.message}).`);
}

/** The file's text, decompressed when gzip is set, as UTF-8 string chunks. */
export async function* textChunks(path: string, gzip: boolean): AsyncGenerator<string> {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!gzip) {
    raw.setEncoding('utf8');
    try {
      for await (const chunk of raw) yield chunk as string;
    } finally {
      raw.destroy();
    }
    return;
  }
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  gunzip.setEncoding('utf8');
  try {
    for await (const chunk of gunzip) yield chunk as string;
  } catch (e) {
    throw gzipError(path, e);
  } finally {
    raw.destroy();
    gunzip.destroy();
  }
}

/**
 * sha256 (hex) of the bytes on disk. For gzip files the same pass inflates the data and discards it,
 * so a truncated or corrupt file fails here with a clear message.
 */
export async function fingerprint(path: string, gzip: boolean): Promise<string> {
  const hash = createHash('sha256');
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  if (!gzip) {
    for await (const chunk of raw) hash.update(chunk as Buffer);
    return hash.digest('hex');
  }
  const gunzip = createGunzip();
  raw.on('data', (chunk) => hash.update(chunk as Buffer));
  raw.on('error', (e) => gunzip.destroy(e));
  raw.pipe(gunzip);
  try {
    for await (const _ of gunzip) {
      // output discarded: inflating is how zlib checks the stream and its CRC
    }
  } catch (e) {
    throw gzipError(path, e);
  } finally {
    raw.destroy();
  }
  return hash.digest('hex');
}
