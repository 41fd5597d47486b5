// Adapters from the model engineer's types to the ServableModel seam: a freshly trained model (in
// memory) and a loaded model directory (manifest + weights). The manifest fields are read here
// and nowhere else in score/ and serve/.

import type { ModelManifest } from '../bundle/manifest.js';
import type { TrainedModel } from '../model/train.js';
import type { ScoringModel } from '../model/types.js';
import { VERSION } from '../version.js';
import type { ModelCard, ServableModel } from './servable.js';

function networkText(inputs: number, hidden: readonly number[], activation: string): string {
  return `${[inputs, ...hidden, 1].join(' → ')}, ${activation}`;
}

/** Metrics that have a value (ROC-AUC of a single-class split is NaN in memory, null when saved). */
function finiteMetrics(m: object): Record<string, number> {
  return Object.fromEntries(Object.entries(m).filter(([, x]) => typeof x === 'number' && Number.isFinite(x)));
}

/** A model trained in this process (tests, benches) as a ServableModel. */
export function servableFromTrained(t: TrainedModel, id: string): ServableModel {
  const m = t.model;
  const card: ModelCard = {
    id,
    createdAt: null,
    tracehoundVersion: VERSION,
    network: networkText(m.network.inputs, t.config.hidden, t.config.activation),
    features: t.config.features,
    threshold: m.threshold,
    thresholdRule: JSON.stringify(t.config.threshold),
    training: { files: t.training.sources.map((s) => s.path), rows: t.training.rows },
    validation: t.validation ? finiteMetrics(t.validation.metrics) : null,
  };
  return { scorer: m, id, inputColumns: m.inputColumns, threshold: m.threshold, ranges: t.training.ranges, card };
}

/** A saved model (its manifest) with the ScoringModel loaded from it, as a ServableModel. */
export function servableFromManifest(manifest: ModelManifest, scorer: ScoringModel): ServableModel {
  const validation = manifest.validation ? finiteMetrics(manifest.validation.metrics) : null;
  const card: ModelCard = {
    id: manifest.id,
    createdAt: manifest.createdAt ?? null,
    tracehoundVersion: manifest.tracehoundVersion ?? null,
    network: networkText(manifest.network.inputs, manifest.network.hidden, manifest.network.activation),
    features: `${manifest.config?.features ?? 'custom'} (${manifest.featureNames.join(', ')})`,
    threshold: manifest.threshold,
    thresholdRule: manifest.thresholdRule ? `${JSON.stringify(manifest.thresholdRule)} on ${manifest.thresholdSource}` : null,
    training: { files: manifest.training.files.map((f) => f.path), rows: manifest.training.rows },
    validation,
  };
  return {
    scorer,
    id: manifest.id,
    inputColumns: scorer.inputColumns,
    threshold: scorer.threshold,
    ranges: manifest.trainingRanges ?? null,
    card,
  };
}
