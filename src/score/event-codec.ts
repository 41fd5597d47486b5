// Reading one event per line (CSV with a header, or NDJSON) into the seven raw feature values, and
// writing the same line back with `score` and `label` added. The header is recognised by the data
// layer's detectFormat and every value goes through parseIntegerValue, so a bad row reads exactly as
// it would when training (file, line, column, value).

import { DataFormatError } from '../errors.js';
import { detectFormat, parseIntegerValue } from '../data/formats.js';
import { FEATURE_COLUMNS, type FeatureName } from '../data/table.js';
import { splitCsvLine } from './csv-line.js';

export type EventFormat = 'csv' | 'ndjson';
export const EVENT_FORMATS: readonly EventFormat[] = ['csv', 'ndjson'];

export interface EventCodec {
  readonly format: EventFormat;
  /** CSV reads a header line first; NDJSON does not. */
  readonly hasHeader: boolean;
  /** Read the header (line 1) and return the output header line. */
  header(line: string): string;
  /** Write the raw feature values of `line` (in `columns` order) into dst[off ...]. Throws DataFormatError. */
  parse(line: string, lineNo: number, dst: Float64Array, off: number): void;
  /** The input line with the score and label appended. */
  emit(line: string, score: number, label: number): string;
}

/** How a score is written: the shortest text that reads back as the same number (identical in JSON). */
export function formatScore(score: number): string {
  return String(score);
}

class CsvCodec implements EventCodec {
  readonly format = 'csv' as const;
  readonly hasHeader = true;
  private index: number[] = [];
  /** For each field position, the feature slot it fills, or -1. */
  private slotOfField = new Int32Array(0);
  private width = 0;

  constructor(private readonly file: string, private readonly columns: readonly FeatureName[]) {}

  header(line: string): string {
    const names = splitCsvLine(line);
    if (names === null) throw new DataFormatError(`${this.file} line 1: the header has an unterminated quoted field.`);
    const detected = detectFormat(names, this.file);
    const taken = names.map((n) => n.trim()).filter((n) => n === 'score' || n === 'label');
    if (taken.length > 0) {
      throw new DataFormatError(
        `${this.file} already has a column '${taken[0]}' (is it a scored file?). Score the original events, or drop the 'score' and 'label' columns first.`,
      );
    }
    this.index = this.columns.map((c) => detected.featureIndex[c]);
    this.width = names.length;
    this.slotOfField = new Int32Array(names.length).fill(-1);
    this.index.forEach((field, slot) => (this.slotOfField[field] = slot));
    return `${line},score,label`;
  }

  parse(line: string, lineNo: number, dst: Float64Array, off: number): void {
    if (line.indexOf('"') < 0 && this.parsePlain(line, lineNo, dst, off)) return;
    const fields = splitCsvLine(line);
    if (fields === null) throw new DataFormatError(`${this.file} line ${lineNo}: a quoted field is not closed on this line.`);
    if (fields.length !== this.width) {
      throw new DataFormatError(`${this.file} line ${lineNo}: expected ${this.width} fields as in the header, got ${fields.length}.`);
    }
    for (let j = 0; j < this.columns.length; j++) {
      dst[off + j] = parseIntegerValue(fields[this.index[j]], this.file, lineNo, this.columns[j]);
    }
  }

  /**
   * The fast path for lines without quotes (every DataCamp line): one pass over the characters,
   * plain decimal integers read in place. Anything unusual (blanks, a sign without digits, a long
   * number, a non-digit) goes to parseIntegerValue, which accepts it or words the error.
   * Returns false only when the field count is wrong (the slow path then reports it).
   */
  private parsePlain(line: string, lineNo: number, dst: Float64Array, off: number): boolean {
    const n = line.length;
    let field = 0;
    let start = 0;
    for (let i = 0; i <= n; i++) {
      if (i < n && line.charCodeAt(i) !== 44 /* , */) continue;
      if (field >= this.width) return false;
      const slot = this.slotOfField[field];
      if (slot >= 0) {
        let p = start;
        let neg = false;
        const c0 = line.charCodeAt(p);
        if (c0 === 45 /* - */ || c0 === 43 /* + */) {
          neg = c0 === 45;
          p++;
        }
        let v = 0;
        let ok = p < i && i - p <= 15;
        for (let q = p; ok && q < i; q++) {
          const d = line.charCodeAt(q) - 48;
          if (d < 0 || d > 9) ok = false;
          else v = v * 10 + d;
        }
        dst[off + slot] = ok ? (neg ? -v : v) : parseIntegerValue(line.slice(start, i), this.file, lineNo, this.columns[slot]);
      }
      field++;
      start = i + 1;
    }
    return field === this.width;
  }

  emit(line: string, score: number, label: number): string {
    return `${line},${formatScore(score)},${label}`;
  }
}

class NdjsonCodec implements EventCodec {
  readonly format = 'ndjson' as const;
  readonly hasHeader = false;

  constructor(private readonly file: string, private readonly columns: readonly FeatureName[]) {}

  header(): string {
    throw new Error('NDJSON has no header');
  }

  parse(line: string, lineNo: number, dst: Float64Array, off: number): void {
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      throw new DataFormatError(`${this.file} line ${lineNo}: not a JSON object (${(e as Error).message}).`);
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      throw new DataFormatError(`${this.file} line ${lineNo}: expected a JSON object with the event's fields, got ${truncate(line)}.`);
    }
    const rec = obj as Record<string, unknown>;
    for (let j = 0; j < this.columns.length; j++) {
      const name = this.columns[j];
      const v = rec[name];
      if (v === undefined) {
        throw new DataFormatError(`${this.file} line ${lineNo}: the event has no field '${name}'. Every event needs ${FEATURE_COLUMNS.join(', ')}.`);
      }
      // Numbers and integer strings are both accepted; parseIntegerValue words the error.
      dst[off + j] = parseIntegerValue(typeof v === 'string' ? v : JSON.stringify(v), this.file, lineNo, name);
    }
  }

  emit(line: string, score: number, label: number): string {
    // Splice into the original text so every input field keeps its exact bytes (ids beyond 2^53, key order).
    const t = line.trimEnd();
    const body = t.slice(0, -1).trimEnd();
    const sep = body.endsWith('{') ? '' : ',';
    return `${body}${sep}"score":${formatScore(score)},"label":${label}}`;
  }
}

export function createCodec(format: EventFormat, file: string, columns: readonly FeatureName[] = FEATURE_COLUMNS): EventCodec {
  return format === 'csv' ? new CsvCodec(file, columns) : new NdjsonCodec(file, columns);
}

/** Format from a file name, or null when the name does not tell (stdin, odd extensions). */
export function formatFromName(path: string): EventFormat | null {
  const p = path.toLowerCase().replace(/\.gz$/, '');
  if (p.endsWith('.csv')) return 'csv';
  if (p.endsWith('.ndjson') || p.endsWith('.jsonl')) return 'ndjson';
  return null;
}

/** Format from the first non-blank line: an object starts with '{'; anything else is a CSV header. */
export function sniffFormat(firstLine: string): EventFormat {
  return firstLine.trimStart().startsWith('{') ? 'ndjson' : 'csv';
}

function truncate(s: string): string {
  return s.length > 60 ? JSON.stringify(s.slice(0, 60)) + '…' : JSON.stringify(s);
}
