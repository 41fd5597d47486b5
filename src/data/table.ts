// The columnar Table every reader produces and every consumer takes.
// All feature values are integers; Float64Array holds every integer up to 2^53 exactly, which
// matters for mountNamespace (4026531840 and up, beyond 2^32 and beyond float32's 24-bit mantissa).

/** The seven integer event features shared by the DataCamp and Kaggle BETH formats, in this order. */
export const FEATURE_COLUMNS = [
  'processId',
  'threadId',
  'parentProcessId',
  'userId',
  'mountNamespace',
  'argsNum',
  'returnValue',
] as const;

export type FeatureName = (typeof FEATURE_COLUMNS)[number];

export type DataFormat = 'datacamp' | 'kaggle' | 'ndjson';

/** One file that went into a Table: enough to fingerprint the training data in a model manifest. */
export interface SourceFile {
  readonly path: string;
  readonly format: DataFormat;
  readonly rows: number;
  /** sha256 (hex) of the file's bytes as stored on disk (compressed bytes for .gz). */
  readonly sha256: string;
}

export interface Table {
  readonly rows: number;
  /** Feature columns by name, each of length `rows`. Always the seven FEATURE_COLUMNS. */
  readonly columns: Readonly<Record<FeatureName, Float64Array>>;
  /** 0/1 labels (sus_label, sus, or evil), or null when the input has no label column. */
  readonly labels: Uint8Array | null;
  /** Name of the label column the labels came from ('sus_label' | 'sus' | 'evil'), or null. */
  readonly labelColumn: string | null;
  readonly sources: readonly SourceFile[];
}

/** A dense row-major float32 matrix: the network's input and output type. */
export interface Matrix {
  readonly data: Float32Array;
  readonly rows: number;
  readonly cols: number;
}

/** Build a Table from plain arrays (tests, the HTTP service's JSON events, generated data). */
export function tableFromColumns(
  columns: Record<FeatureName, ArrayLike<number>>,
  labels: ArrayLike<number> | null = null,
  sources: readonly SourceFile[] = [],
  labelColumn: string | null = labels ? 'sus_label' : null,
): Table {
  const rows = columns.processId.length;
  const out = {} as Record<FeatureName, Float64Array>;
  for (const name of FEATURE_COLUMNS) {
    const col = columns[name];
    if (!col) throw new Error(`tableFromColumns: missing column '${name}'`);
    if (col.length !== rows) throw new Error(`tableFromColumns: column '${name}' has ${col.length} values, expected ${rows}`);
    out[name] = Float64Array.from(col);
  }
  let lab: Uint8Array | null = null;
  if (labels) {
    if (labels.length !== rows) throw new Error(`tableFromColumns: ${labels.length} labels for ${rows} rows`);
    lab = Uint8Array.from(labels);
  }
  return { rows, columns: out, labels: lab, labelColumn: lab ? labelColumn : null, sources };
}

/** Rows [start, end) of a table, or the rows at `indices`, as a new Table (copies). */
export function sliceTable(t: Table, indices: ArrayLike<number>): Table {
  const n = indices.length;
  const cols = {} as Record<FeatureName, Float64Array>;
  for (const name of FEATURE_COLUMNS) {
    const src = t.columns[name];
    const dst = new Float64Array(n);
    for (let i = 0; i < n; i++) dst[i] = src[indices[i]];
    cols[name] = dst;
  }
  let labels: Uint8Array | null = null;
  if (t.labels) {
    labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) labels[i] = t.labels[indices[i]];
  }
  return { rows: n, columns: cols, labels, labelColumn: t.labelColumn, sources: t.sources };
}

/** Concatenate tables (several files of one split). Labels are kept only if every table has them. */
export function concatTables(tables: readonly Table[]): Table {
  if (tables.length === 1) return tables[0];
  const rows = tables.reduce((s, t) => s + t.rows, 0);
  const cols = {} as Record<FeatureName, Float64Array>;
  for (const name of FEATURE_COLUMNS) {
    const dst = new Float64Array(rows);
    let off = 0;
    for (const t of tables) {
      dst.set(t.columns[name], off);
      off += t.rows;
    }
    cols[name] = dst;
  }
  const allLabelled = tables.length > 0 && tables.every((t) => t.labels !== null);
  let labels: Uint8Array | null = null;
  if (allLabelled) {
    labels = new Uint8Array(rows);
    let off = 0;
    for (const t of tables) {
      labels.set(t.labels as Uint8Array, off);
      off += t.rows;
    }
  }
  return {
    rows,
    columns: cols,
    labels,
    labelColumn: allLabelled ? tables[0].labelColumn : null,
    sources: tables.flatMap((t) => t.sources),
  };
}
