// The state one running service shares between its routes: the model, the metrics and the drift
// monitor. Every route scores through score() so that events, flags and drift are counted once.

import type { FastifyBaseLogger } from 'fastify';
import { DriftMonitor, formatDriftWarning, type DriftOptions } from '../score/drift.js';
import { scoreAndLabel, type ServableModel } from '../score/servable.js';
import { ServiceMetrics } from './metrics.js';

export interface ServiceOptions {
  maxEvents: number;
  drift?: DriftOptions;
  apiKey: boolean;
}

export class ScoringService {
  readonly metrics: ServiceMetrics;
  readonly drift: DriftMonitor;

  constructor(readonly model: ServableModel, readonly options: ServiceOptions) {
    this.metrics = new ServiceMetrics({ model_id: model.id, version: model.card.tracehoundVersion ?? 'unknown' });
    this.drift = new DriftMonitor(model.ranges, model.inputColumns, options.drift);
  }

  score(rows: Float64Array, n: number, log: FastifyBaseLogger): { scores: number[]; labels: number[] } {
    const { scores, labels } = scoreAndLabel(this.model, rows, n);
    let flagged = 0;
    for (let i = 0; i < n; i++) flagged += labels[i];
    this.metrics.eventsScored.inc({}, n);
    this.metrics.eventsFlagged.inc({}, flagged);
    for (const w of this.drift.observe(rows, n)) {
      this.metrics.driftWarnings.inc({ feature: w.feature });
      log.warn({ drift: { feature: w.feature, share: w.share } }, formatDriftWarning(w));
    }
    return { scores: Array.from(scores), labels: Array.from(labels) };
  }
}
