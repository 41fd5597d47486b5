// Request schemas of the HTTP service. `POST /v1/score` is validated by fastify's JSON-schema
// validator (its messages read "body/events/0/processId must be integer"); the NDJSON stream route
// validates each line with validateEvent below, worded the same way with the line number in front.

import { FEATURE_COLUMNS, type FeatureName } from '../data/table.js';

/** Every feature is an integer that a float64 holds exactly. */
const integerFeature = { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER } as const;

export function eventSchema(columns: readonly FeatureName[] = FEATURE_COLUMNS) {
  return {
    type: 'object',
    required: [...columns],
    // Extra fields (timestamp, processName, ...) are allowed and ignored: events from the Kaggle layout score as they are.
    properties: Object.fromEntries(columns.map((c) => [c, integerFeature])),
  } as const;
}

export function scoreBodySchema(maxEvents: number, columns: readonly FeatureName[] = FEATURE_COLUMNS) {
  return {
    type: 'object',
    required: ['events'],
    properties: {
      events: { type: 'array', minItems: 1, maxItems: maxEvents, items: eventSchema(columns) },
    },
  } as const;
}

export interface ScoreBody {
  events: Record<FeatureName, number>[];
}

/**
 * One NDJSON event, checked by hand (the route reads a raw body): null when valid, else the reason
 * ("processId must be integer", "must have required property 'userId'").
 */
export function validateEvent(value: unknown, columns: readonly FeatureName[] = FEATURE_COLUMNS): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be object';
  const rec = value as Record<string, unknown>;
  for (const c of columns) {
    if (!(c in rec)) return `must have required property '${c}'`;
  }
  for (const c of columns) {
    const v = rec[c];
    if (typeof v !== 'number' || !Number.isInteger(v)) return `${c} must be integer`;
    if (!Number.isSafeInteger(v)) return `${c} must be <= ${Number.MAX_SAFE_INTEGER} and >= ${-Number.MAX_SAFE_INTEGER}`;
  }
  return null;
}

/** Raw rows (row-major, `columns` order) from validated events. */
export function rowsFromEvents(events: readonly Record<string, unknown>[], columns: readonly FeatureName[] = FEATURE_COLUMNS): Float64Array {
  const w = columns.length;
  const rows = new Float64Array(events.length * w);
  for (let i = 0; i < events.length; i++) {
    const e = events[i];
    for (let j = 0; j < w; j++) rows[i * w + j] = e[columns[j]] as number;
  }
  return rows;
}
