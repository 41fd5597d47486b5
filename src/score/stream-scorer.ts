// The streaming scorer: a Transform from the bytes of a CSV or NDJSON event stream to the same lines
// with `score` and `label` added, in order. Rows are gathered into batches of `batchRows` and scored
// with the model's batched scoreRows, so memory holds one input chunk and one batch whatever the
// stream's length; the Transform's own buffering gives backpressure (a slow reader pauses the source).

import { Transform, type TransformCallback } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { DataFormatError, isTracehoundError } from '../errors.js';
import { DriftMonitor, type DriftOptions, type DriftWarning } from './drift.js';
import { createCodec, sniffFormat, type EventCodec, type EventFormat } from './event-codec.js';
import { scoreAndLabel, type ServableModel } from './servable.js';

export type OnError = 'stop' | 'skip';

export interface StreamScorerOptions {
  /** Name used in error messages ("events.csv", "<stdin>"). */
  file: string;
  /** Input (and output) format; sniffed from the first line when not given. */
  format?: EventFormat;
  onError?: OnError;
  batchRows?: number;
  drift?: DriftOptions;
  /** Called for each skipped bad row (onError 'skip'). */
  onSkip?: (error: DataFormatError, lineNo: number) => void;
  onDrift?: (warning: DriftWarning) => void;
}

export interface StreamScorerStats {
  rows: number;
  flagged: number;
  skipped: number;
  lines: number;
  format: EventFormat | null;
  driftWarnings: number;
}

export const DEFAULT_BATCH_ROWS = 4096;
/** A BETH event line is a few hundred bytes; a longer one means the input is not line-delimited events. */
export const MAX_LINE_CHARS = 1 << 20;

export class StreamScorer extends Transform {
  readonly stats: StreamScorerStats = { rows: 0, flagged: 0, skipped: 0, lines: 0, format: null, driftWarnings: 0 };
  readonly drift: DriftMonitor;
  private readonly decoder = new StringDecoder('utf8');
  private readonly batchRows: number;
  private readonly width: number;
  private readonly rows: Float64Array;
  private readonly pendingLines: string[] = [];
  private codec: EventCodec | null = null;
  private carry = '';
  private headerDone = false;

  constructor(private readonly model: ServableModel, private readonly opts: StreamScorerOptions) {
    super({ readableHighWaterMark: 1 << 16, writableHighWaterMark: 1 << 16 });
    this.batchRows = opts.batchRows ?? DEFAULT_BATCH_ROWS;
    this.width = model.inputColumns.length;
    this.rows = new Float64Array(this.batchRows * this.width);
    this.drift = new DriftMonitor(model.ranges, model.inputColumns, opts.drift);
    if (opts.format) this.useFormat(opts.format);
  }

  override _transform(chunk: Buffer | string, _enc: BufferEncoding, cb: TransformCallback): void {
    try {
      const text = this.carry + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
      let start = 0;
      const out: string[] = [];
      for (let nl = text.indexOf('\n', start); nl >= 0; nl = text.indexOf('\n', start)) {
        this.line(text.slice(start, nl), out);
        start = nl + 1;
      }
      this.carry = text.slice(start);
      if (this.carry.length > MAX_LINE_CHARS) {
        throw new DataFormatError(
          `${this.opts.file} line ${this.stats.lines + 1} is longer than ${MAX_LINE_CHARS} characters without a line break: not CSV or NDJSON events.`,
        );
      }
      cb(null, out.length ? out.join('') : undefined);
    } catch (e) {
      cb(e as Error);
    }
  }

  override _flush(cb: TransformCallback): void {
    try {
      const out: string[] = [];
      const rest = this.carry + this.decoder.end();
      this.carry = '';
      if (rest.length > 0) this.line(rest, out);
      this.scoreBatch(out);
      if (this.codec === null) throw new DataFormatError(`${this.opts.file} is empty: expected a CSV header line or NDJSON events.`);
      cb(null, out.length ? out.join('') : undefined);
    } catch (e) {
      cb(e as Error);
    }
  }

  private useFormat(format: EventFormat): void {
    this.codec = createCodec(format, this.opts.file, this.model.inputColumns);
    this.stats.format = format;
  }

  private line(raw: string, out: string[]): void {
    const lineNo = ++this.stats.lines;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim().length === 0) return;
    if (this.codec === null) this.useFormat(sniffFormat(line));
    const codec = this.codec as EventCodec;
    if (codec.hasHeader && !this.headerDone) {
      if (lineNo !== 1) throw new DataFormatError(`${this.opts.file} line ${lineNo}: the header must be on line 1, not after blank lines.`);
      out.push(codec.header(line) + '\n');
      this.headerDone = true;
      return;
    }
    const n = this.pendingLines.length;
    try {
      codec.parse(line, lineNo, this.rows, n * this.width);
    } catch (e) {
      if (this.opts.onError === 'skip' && e instanceof DataFormatError) {
        this.stats.skipped++;
        this.opts.onSkip?.(e, lineNo);
        return;
      }
      throw isTracehoundError(e) ? e : new DataFormatError(`${this.opts.file} line ${lineNo}: ${(e as Error).message}`);
    }
    this.pendingLines.push(line);
    if (this.pendingLines.length === this.batchRows) this.scoreBatch(out);
  }

  private scoreBatch(out: string[]): void {
    const n = this.pendingLines.length;
    if (n === 0) return;
    const rows = n === this.batchRows ? this.rows : this.rows.subarray(0, n * this.width);
    const { scores, labels } = scoreAndLabel(this.model, rows, n);
    const codec = this.codec as EventCodec;
    let text = '';
    for (let i = 0; i < n; i++) {
      text += codec.emit(this.pendingLines[i], scores[i], labels[i]) + '\n';
      this.stats.flagged += labels[i];
    }
    out.push(text);
    this.stats.rows += n;
    for (const w of this.drift.observe(rows, n)) {
      this.stats.driftWarnings++;
      this.opts.onDrift?.(w);
    }
    this.pendingLines.length = 0;
  }
}
