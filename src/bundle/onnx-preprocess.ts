// The preprocessing pipeline as ONNX operations, read from the pipeline's saved JSON (the form the
// manifest stores), so the exported file needs nothing but ONNX Runtime. Every comparison and the
// scaling run in float64 on the raw ids, exactly as src/features/ computes them (mountNamespace
// 4026531840 compares exactly); the result is cast to float32 only at the end of each branch, where
// tracehound also rounds to float32.

import { ModelFormatError } from '../errors.js';
import { DataType } from './onnx-proto.js';
import type { GraphBuilder } from './onnx-graph.js';
import { encodeCount, type FrequencyEncoderState } from '../features/frequency-encoder.js';
import { RateEncoder } from '../features/rate-encoder.js';

interface SavedDoc {
  kind: string;
  params: Record<string, unknown>;
  state: Record<string, unknown> | null;
}

/** Slices raw columns out of the [N × inputColumns] double input, once per column. */
class ColumnSource {
  private readonly cache = new Map<string, string>();
  constructor(private readonly g: GraphBuilder, private readonly input: string, private readonly columns: readonly string[]) {}

  /** [N × 1] double tensor of one raw column. */
  column(name: string): string {
    const hit = this.cache.get(name);
    if (hit) return hit;
    const j = this.columns.indexOf(name);
    if (j < 0) throw new ModelFormatError(`The pipeline reads column '${name}', which is not a model input (${this.columns.join(', ')}).`);
    const out = this.g.op('Gather', [this.input, this.g.constInt64(`col_${name}`, [j])], { axis: 1 }, this.g.name(name));
    this.cache.set(name, out);
    return out;
  }

  /** [N × k] double tensor of several raw columns, in the given order. */
  columnsOf(names: readonly string[]): string {
    const idx = names.map((n) => {
      const j = this.columns.indexOf(n);
      if (j < 0) throw new ModelFormatError(`The pipeline reads column '${n}', which is not a model input (${this.columns.join(', ')}).`);
      return j;
    });
    return this.g.op('Gather', [this.input, this.g.constInt64('cols', idx)], { axis: 1 });
  }
}

function asFloat(g: GraphBuilder, t: string): string {
  return g.op('Cast', [t], { to: DataType.FLOAT });
}

function bethFlags(g: GraphBuilder, src: ColumnSource, p: Record<string, unknown>): string {
  const os = p.osProcessIds as number[];
  const below = p.userIdBelow as number;
  const host = p.hostMountNamespace as number;
  const isOs = (col: string): string => {
    const x = src.column(col);
    // x ∈ {ids}: an Or of equalities; an empty list is never true.
    if (os.length === 0) return g.op('Greater', [x, g.constDouble('inf', [Infinity], [1])]);
    return os
      .map((id) => g.op('Equal', [x, g.constDouble(`${col}_os`, [id], [1])]))
      .reduce((acc, e) => g.op('Or', [acc, e]));
  };
  const ret = src.column('returnValue');
  const zero = g.constDouble('zero', [0], [1]);
  // Same order as BETH_FLAG_NAMES in src/features/beth-flags.ts.
  const flags = [
    isOs('processId'),
    isOs('parentProcessId'),
    g.op('Less', [src.column('userId'), g.constDouble('userIdBelow', [below], [1])]),
    g.op('Equal', [src.column('mountNamespace'), g.constDouble('hostMountNamespace', [host], [1])]),
    g.op('Less', [ret, zero]),
    g.op('Equal', [ret, zero]),
    g.op('Greater', [ret, zero]),
  ].map((b) => asFloat(g, b));
  return g.op('Concat', flags, { axis: 1 }, g.name('beth_flags'));
}

/**
 * Cost: an [N × K] double one-hot per encoded column (K = the values kept at fit; 4 for userId on
 * the BETH training subset), fine for id columns with few values, heavy for K in the thousands.
 * [N × 1] double: the encoded value of each row's `col` among `values` (Equal against the list →
 * one-hot → MatMul with the encodings; a row matching none gets 0), and [N × 1] double 1/0: matched.
 * Float64 throughout, so the one non-zero product is the encoding exactly.
 */
function lookup(g: GraphBuilder, src: ColumnSource, col: string, values: number[], encoded: number[]): { value: string; seen: string } {
  const oneHot = g.op('Cast', [g.op('Equal', [src.column(col), g.constDouble(`${col}_known`, values, [1, values.length])])], { to: DataType.DOUBLE });
  return {
    value: g.op('MatMul', [oneHot, g.constDouble(`${col}_encoded`, encoded, [values.length, 1])]),
    seen: g.op('MatMul', [oneHot, g.constDouble(`${col}_ones`, values.map(() => 1), [values.length, 1])]),
  };
}

function fitted<T>(doc: SavedDoc, what: string): T {
  if (!doc.state) throw new ModelFormatError(`The saved ${what} is not fitted: there is nothing to export.`);
  return doc.state as T;
}

function frequencyEncoder(g: GraphBuilder, src: ColumnSource, doc: SavedDoc): string {
  const state = fitted<FrequencyEncoderState>(doc, 'FrequencyEncoder');
  const cols = (doc.params.columns as string[]).map((c, j) =>
    // Unseen values encode as 0, which is what the lookup gives a row matching no known value.
    lookup(g, src, c, state.values[j], state.counts[j].map((n) => encodeCount(n, state.rows))).value,
  );
  const z = cols.length === 1 ? cols[0] : g.op('Concat', cols, { axis: 1 });
  return g.op('Cast', [z], { to: DataType.FLOAT }, g.name('frequency'));
}

function rateEncoder(g: GraphBuilder, src: ColumnSource, doc: SavedDoc): string {
  const enc = RateEncoder.fromJSON(doc).encodings();
  const at = doc.params.unseenAtLeast as number | null;
  const cols = (doc.params.columns as string[]).map((c, j) => {
    const { value, seen } = lookup(g, src, c, enc[j].values, enc[j].encoded);
    const fallback =
      at === null
        ? g.constDouble(`${c}_unseen`, [enc[j].unseen], [1, 1])
        : g.op('Where', [
            g.op('GreaterOrEqual', [src.column(c), g.constDouble(`${c}_unseen_at`, [at], [1, 1])]),
            g.constDouble(`${c}_unseen_high`, [enc[j].unseenHigh], [1, 1]),
            g.constDouble(`${c}_unseen`, [enc[j].unseen], [1, 1]),
          ]);
    return g.op('Where', [g.op('Greater', [seen, g.constDouble('half', [0.5], [1, 1])]), value, fallback]);
  });
  const z = cols.length === 1 ? cols[0] : g.op('Concat', cols, { axis: 1 });
  return g.op('Cast', [z], { to: DataType.FLOAT }, g.name('rate'));
}

function standardScaler(g: GraphBuilder, src: ColumnSource, doc: SavedDoc): string {
  if (!doc.state) throw new ModelFormatError('The saved StandardScaler is not fitted: there is nothing to export.');
  const cols = doc.params.columns as string[];
  const mean = doc.state.mean as number[];
  const scale = doc.state.scale as number[];
  const clip = doc.params.clip as number | null;
  let z = g.op('Sub', [src.columnsOf(cols), g.constDouble('mean', mean, [1, cols.length])]);
  z = g.op('Div', [z, g.constDouble('scale', scale, [1, cols.length])]);
  if (clip !== null && clip !== undefined) {
    z = g.op('Min', [z, g.constDouble('clip_hi', [clip], [1])]);
    z = g.op('Max', [z, g.constDouble('clip_lo', [-clip], [1])]);
  }
  return g.op('Cast', [z], { to: DataType.FLOAT }, g.name('scaled'));
}

function branch(g: GraphBuilder, src: ColumnSource, doc: SavedDoc): { out: string; width: number } {
  switch (doc.kind) {
    case 'Pipeline': {
      const parts = (doc.params.branches as SavedDoc[]).map((b) => branch(g, src, b));
      if (parts.length === 1) return parts[0];
      const width = parts.reduce((s, p) => s + p.width, 0);
      return { out: g.op('Concat', parts.map((p) => p.out), { axis: 1 }, g.name('features')), width };
    }
    case 'BethFlags':
      return { out: bethFlags(g, src, doc.params), width: 7 };
    case 'ColumnSelector': {
      const cols = doc.params.columns as string[];
      return { out: asFloat(g, src.columnsOf(cols)), width: cols.length };
    }
    case 'StandardScaler':
      return { out: standardScaler(g, src, doc), width: (doc.params.columns as string[]).length };
    case 'FrequencyEncoder':
      return { out: frequencyEncoder(g, src, doc), width: (doc.params.columns as string[]).length };
    case 'RateEncoder':
      return { out: rateEncoder(g, src, doc), width: (doc.params.columns as string[]).length };
    default:
      throw new ModelFormatError(
        `Cannot export the transformer kind ${JSON.stringify(doc.kind)} to ONNX (known: Pipeline, BethFlags, ColumnSelector, StandardScaler, FrequencyEncoder, RateEncoder).`,
      );
  }
}

/**
 * Adds the pipeline's operations reading `input` ([N × inputColumns] double) and returns the name of
 * the [N × width] float tensor the network takes, and its width.
 */
export function addPreprocessing(
  g: GraphBuilder,
  pipelineJson: unknown,
  input: string,
  inputColumns: readonly string[],
): { out: string; width: number } {
  if (typeof pipelineJson !== 'object' || pipelineJson === null) {
    throw new ModelFormatError('The model has no saved preprocessing pipeline to export.');
  }
  return branch(g, new ColumnSource(g, input, inputColumns), pipelineJson as SavedDoc);
}
