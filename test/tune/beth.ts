// The real BETH subsets for the tune tests, found relative to this file (../shared/data/beth from
// the repository root), loaded once per test process.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSplits } from '../../src/data/splits.js';
import type { TrialData } from '../../src/tune/job/evaluate-config.js';

export const BETH_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'shared', 'data', 'beth');

let cached: Promise<TrialData> | null = null;
export function bethData(): Promise<TrialData> {
  cached ??= loadSplits({ data: BETH_DIR }, { onWarning: () => undefined }).then((s) => {
    if (!s.train || !s.validation) throw new Error(`BETH training/validation files not found in ${BETH_DIR}`);
    return { train: s.train, validation: s.validation };
  });
  return cached;
}

/** A small, fast space for tests: tiny networks, a few epochs. */
export const SMALL_SPACE = {
  width: { type: 'int', low: 4, high: 16, log: true },
  lr: { type: 'float', low: 1e-3, high: 3e-2, log: true },
  activation: { type: 'categorical', choices: ['relu', 'gelu'] },
} as const;
