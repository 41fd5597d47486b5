// One call that explains a model on a table: partial dependence (+ ICE) of every input feature,
// two-feature PD for the named pairs, and permutation importance — the documents `explain` writes
// as pdp.json and importance.json (CONTRACT.md) and the report draws.

import type { FeatureName, Table } from '../data/table.js';
import { logLoss, rocAuc } from '../metrics/index.js';
import type { ScoringModel } from '../model/types.js';
import { permutationImportance, type ImportanceMetric, type PermutationImportance } from './importance.js';
import {
  partialDependence,
  partialDependence2d,
  type FeaturePartialDependence,
  type PairPartialDependence,
} from './partial-dependence.js';
import { sampleRows } from './sample.js';

export interface ExplainOptions {
  /** Grid resolution per feature (default 20). */
  grid?: number;
  /** Background rows sampled from the table (default 10,000). */
  sample?: number;
  ice?: boolean;
  pairs?: readonly [FeatureName, FeatureName][];
  /** Permutation repeats (default 5); 0 skips importance. */
  repeats?: number;
  /** Importance metric; by default ROC-AUC, or log loss when the sample holds one class only. */
  importanceMetric?: ImportanceMetric;
  seed?: number;
}

export interface PdpDocument {
  /** Rows of the background sample that every curve averages over. */
  rows: number;
  seed: number;
  gridResolution: number;
  /** On what the curves are computed. */
  response: 'probability';
  seconds: number;
  features: FeaturePartialDependence[];
  pairs: PairPartialDependence[];
}

export interface ImportanceDocument extends PermutationImportance {
  repeatsPerFeature: number;
  seconds: number;
  /** Why the metric is not the one asked for, when it had to change. */
  note?: string;
}

export interface Explanation {
  pdp: PdpDocument;
  importance: ImportanceDocument | null;
}

export const DEFAULT_EXPLAIN = { grid: 20, sample: 10_000, repeats: 5, seed: 42 } as const;

export function explainModel(model: ScoringModel, table: Table, opts: ExplainOptions = {}): Explanation {
  const grid = opts.grid ?? DEFAULT_EXPLAIN.grid;
  const seed = opts.seed ?? DEFAULT_EXPLAIN.seed;
  const repeats = opts.repeats ?? DEFAULT_EXPLAIN.repeats;
  const s = sampleRows(table, model.inputColumns, opts.sample ?? DEFAULT_EXPLAIN.sample, seed);

  let t0 = performance.now();
  const features = model.inputColumns.map((name) => partialDependence(model, s, name, { resolution: grid, ice: opts.ice }));
  const pairs = (opts.pairs ?? []).map((pair) => partialDependence2d(model, s, pair, { resolution: grid }));
  const pdp: PdpDocument = {
    rows: s.n,
    seed,
    gridResolution: grid,
    response: 'probability',
    seconds: (performance.now() - t0) / 1000,
    features,
    pairs,
  };

  let importance: ImportanceDocument | null = null;
  if (repeats > 0 && s.labels) {
    let metric = opts.importanceMetric ?? 'roc_auc';
    let note: string | undefined;
    let positives = 0;
    for (let i = 0; i < s.n; i++) positives += s.labels[i];
    if (metric === 'roc_auc' && (positives === 0 || positives === s.n) && !opts.importanceMetric) {
      metric = 'logloss';
      note = `ROC-AUC is undefined on ${s.n} rows of one class; importance is the rise in log loss instead.`;
    }
    t0 = performance.now();
    const imp = permutationImportance(model, s, { rocAuc, logLoss }, { metric, repeats, seed });
    importance = { ...imp, repeatsPerFeature: repeats, seconds: (performance.now() - t0) / 1000, ...(note ? { note } : {}) };
  }
  return { pdp, importance };
}
