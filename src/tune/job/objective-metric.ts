// What a trial is scored on, read from trainModel's validation report, and which way is better.

import { UsageError } from '../../errors.js';
import type { Metrics } from '../../metrics/report.js';
import type { Direction } from '../trial.js';

export type ObjectiveName = 'logloss' | 'roc_auc' | 'pr_auc' | 'f1';
export const OBJECTIVES: readonly ObjectiveName[] = ['logloss', 'roc_auc', 'pr_auc', 'f1'];

const SPEC: Record<ObjectiveName, { direction: Direction; key: keyof Metrics }> = {
  logloss: { direction: 'minimize', key: 'logLoss' },
  roc_auc: { direction: 'maximize', key: 'rocAuc' },
  pr_auc: { direction: 'maximize', key: 'prAuc' },
  f1: { direction: 'maximize', key: 'f1' },
};

export function parseObjective(s: string): ObjectiveName {
  if (!(OBJECTIVES as readonly string[]).includes(s)) throw new UsageError(`--objective must be one of ${OBJECTIVES.join(', ')}. Got "${s}".`);
  return s as ObjectiveName;
}

export function objectiveDirection(o: ObjectiveName): Direction {
  return SPEC[o].direction;
}

export function objectiveValue(o: ObjectiveName, m: Metrics): number {
  return m[SPEC[o].key];
}
