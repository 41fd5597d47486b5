// kind → fromJSON: loads any saved transformer (including a Pipeline's branches) from its tag.
// A switch rather than a module-level table so the Pipeline ↔ registry import cycle is harmless:
// nothing here runs until a document is loaded.

import { ModelFormatError } from '../errors.js';
import type { Transformer } from './transformer.js';
import { StandardScaler } from './standard-scaler.js';
import { BethFlags } from './beth-flags.js';
import { ColumnSelector } from './column-selector.js';
import { FrequencyEncoder } from './frequency-encoder.js';
import { RateEncoder } from './rate-encoder.js';
import { Pipeline } from './pipeline.js';

export const TRANSFORMER_KINDS = ['StandardScaler', 'BethFlags', 'ColumnSelector', 'FrequencyEncoder', 'RateEncoder', 'Pipeline'] as const;

export function transformerFromJSON(doc: unknown): Transformer {
  const kind = typeof doc === 'object' && doc !== null ? (doc as { kind?: unknown }).kind : undefined;
  switch (kind) {
    case 'StandardScaler':
      return StandardScaler.fromJSON(doc);
    case 'BethFlags':
      return BethFlags.fromJSON(doc);
    case 'ColumnSelector':
      return ColumnSelector.fromJSON(doc);
    case 'FrequencyEncoder':
      return FrequencyEncoder.fromJSON(doc);
    case 'RateEncoder':
      return RateEncoder.fromJSON(doc);
    case 'Pipeline':
      return Pipeline.fromJSON(doc);
    default:
      throw new ModelFormatError(
        `Unknown transformer kind ${JSON.stringify(kind)}. Known kinds: ${TRANSFORMER_KINDS.join(', ')}.`,
      );
  }
}

/** Loads a saved Pipeline document (the form a model manifest stores). */
export function pipelineFromJSON(doc: unknown): Pipeline {
  return Pipeline.fromJSON(doc);
}
