// A worker thread that runs trials (evaluateConfig) on the data it was given at start.
// Pruning questions go back to the main thread, which owns the study.

import { parentPort, workerData } from 'node:worker_threads';
import { isTracehoundError } from '../../errors.js';
import { evaluateConfig } from '../job/evaluate-config.js';
import type { FromWorker, ToWorker, WorkerInit } from './messages.js';

const port = parentPort;
if (!port) throw new Error('trial-worker.ts must run in a worker thread');
const init = workerData as WorkerInit;
const pending = new Map<number, (prune: boolean) => void>();
const send = (m: FromWorker): void => port.postMessage(m);

port.on('message', (m: ToWorker) => {
  if (m.type === 'step-answer') {
    pending.get(m.id)?.(m.prune);
    pending.delete(m.id);
    return;
  }
  const { id } = m;
  const onStep = m.reportSteps
    ? (step: number, value: number) =>
        new Promise<boolean>((resolve) => {
          pending.set(id, resolve);
          send({ type: 'step', id, step, value });
        })
    : undefined;
  evaluateConfig(init.data, { config: m.config, objective: m.objective, cv: m.cv, engine: init.engine, onStep }).then(
    (result) => send({ type: 'done', id, result }),
    (e: unknown) =>
      send({
        type: 'error', id,
        message: e instanceof Error ? e.message : String(e),
        code: isTracehoundError(e) ? e.code : null,
        exitCode: isTracehoundError(e) ? e.exitCode : null,
      }),
  );
});
