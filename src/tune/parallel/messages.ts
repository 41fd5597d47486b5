// Messages between the tune process and its trial worker threads.

import type { TrainConfig } from '../../model/types.js';
import type { EngineName } from '../../nn/kernels.js';
import type { EvaluateResult, TrialData } from '../job/evaluate-config.js';
import type { ObjectiveName } from '../job/objective-metric.js';

export interface WorkerInit {
  data: TrialData;
  engine?: EngineName;
}

export type ToWorker =
  | { type: 'run'; id: number; config: TrainConfig; objective: ObjectiveName; cv: number | null; reportSteps: boolean }
  | { type: 'step-answer'; id: number; prune: boolean };

export type FromWorker =
  | { type: 'step'; id: number; step: number; value: number }
  | { type: 'done'; id: number; result: EvaluateResult }
  | { type: 'error'; id: number; message: string; code: string | null; exitCode: number | null };
