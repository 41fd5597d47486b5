// Scoring a whole stream: open the input (a file, .gz or not, or stdin), run it through the
// StreamScorer with pipeline() (which propagates backpressure and errors), and write to stdout or
// to a file. A file is written under a temporary name beside the target and renamed only when the
// whole stream scored; on any error the temporary file is removed, so no partial output is left.

import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import type { Readable, Writable } from 'node:stream';
import { DataFormatError } from '../errors.js';
import { formatFromName, type EventFormat } from './event-codec.js';
import type { ServableModel } from './servable.js';
import { StreamScorer, type StreamScorerOptions, type StreamScorerStats } from './stream-scorer.js';

export interface ScoreStreamOptions extends Omit<StreamScorerOptions, 'file' | 'format'> {
  /** A path, or '-' / undefined for `stdin`. */
  input?: string;
  /** A path, or '-' / undefined for `stdout`. */
  output?: string;
  format?: EventFormat;
  stdin?: Readable;
  stdout?: Writable;
}

let tempCounter = 0;

async function openInput(path: string): Promise<Readable> {
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw new DataFormatError(`${path} is a directory, not an event file.`);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new DataFormatError(`${path} does not exist.`);
    throw e;
  }
  const raw = createReadStream(path);
  if (!path.toLowerCase().endsWith('.gz')) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  gunzip.on('error', () => raw.destroy());
  return raw.pipe(gunzip);
}

function describeStreamError(e: unknown, file: string): unknown {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'Z_BUF_ERROR' || code === 'Z_DATA_ERROR') {
    return new DataFormatError(`${file} is not a complete gzip file (${(e as Error).message}); was it cut short?`);
  }
  return e;
}

export interface ScoreStreamStats extends StreamScorerStats {
  /** stdout was closed by its reader before the stream ended. */
  closedEarly?: boolean;
}

export async function scoreStream(model: ServableModel, opts: ScoreStreamOptions): Promise<ScoreStreamStats> {
  const fromStdin = opts.input === undefined || opts.input === '-';
  const file = fromStdin ? '<stdin>' : basename(opts.input as string);
  const format = opts.format ?? (fromStdin ? undefined : (formatFromName(opts.input as string) ?? undefined));
  const source = fromStdin ? (opts.stdin ?? process.stdin) : await openInput(opts.input as string);
  const scorer = new StreamScorer(model, { ...opts, file, format });

  const toStdout = opts.output === undefined || opts.output === '-';
  if (toStdout) {
    try {
      await pipeline(source, scorer, opts.stdout ?? process.stdout, { end: opts.stdout !== undefined && opts.stdout !== process.stdout });
    } catch (e) {
      // The reader went away (`| head`): like any Unix filter, stop quietly.
      if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') {
        source.destroy();
        return { ...scorer.stats, closedEarly: true };
      }
      throw describeStreamError(e, file);
    }
    return scorer.stats;
  }

  const target = opts.output as string;
  const temp = join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${++tempCounter}`);
  try {
    await pipeline(source, scorer, createWriteStream(temp, { flags: 'wx' }));
    await rename(temp, target);
  } catch (e) {
    await rm(temp, { force: true });
    const code = (e as NodeJS.ErrnoException)?.code;
    if ((e as NodeJS.ErrnoException)?.syscall && ['ENOENT', 'EACCES', 'EISDIR', 'ENOTDIR', 'EROFS', 'ENOSPC'].includes(code ?? '')) {
      throw new DataFormatError(`Cannot write ${target}: ${code}.`);
    }
    throw describeStreamError(e, file);
  }
  return scorer.stats;
}
