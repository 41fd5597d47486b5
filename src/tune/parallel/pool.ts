// K worker threads that run trials at once. Each worker gets the loaded tables once (structured
// clone) and then runs one trial at a time; run() resolves with that trial's result.

import { Worker } from 'node:worker_threads';
import { TracehoundError } from '../../errors.js';
import type { TrainConfig } from '../../model/types.js';
import type { EvaluateResult, StepHook } from '../job/evaluate-config.js';
import type { ObjectiveName } from '../job/objective-metric.js';
import type { FromWorker, ToWorker, WorkerInit } from './messages.js';

interface Job {
  id: number;
  onStep?: StepHook;
  resolve: (r: EvaluateResult) => void;
  reject: (e: Error) => void;
}

/** A failure inside a worker, carrying the original error's code and exit status. */
export class WorkerTrialError extends TracehoundError {
  constructor(message: string, code: string, exitCode: number) {
    super(code, message, exitCode);
  }
}

export class TrialWorkerPool {
  private readonly idle: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly jobs = new Map<Worker, Job>();
  private readonly all: Worker[] = [];
  private nextId = 0;

  constructor(size: number, init: WorkerInit) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData: init });
      w.on('message', (m: FromWorker) => this.onMessage(w, m));
      w.on('error', (e) => this.finish(w, (job) => job.reject(e)));
      w.on('exit', (code) => this.finish(w, (job) => job.reject(new Error(`a trial worker exited with code ${code}`))));
      this.all.push(w);
      this.idle.push(w);
    }
  }

  private finish(w: Worker, fn: (job: Job) => void): void {
    const job = this.jobs.get(w);
    if (!job) return;
    this.jobs.delete(w);
    fn(job);
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  private onMessage(w: Worker, m: FromWorker): void {
    const job = this.jobs.get(w);
    if (!job || m.id !== job.id) return;
    if (m.type === 'step') {
      const hook = job.onStep;
      (hook ? hook(m.step, m.value) : Promise.resolve(false)).then(
        (prune) => w.postMessage({ type: 'step-answer', id: m.id, prune } satisfies ToWorker),
        () => w.postMessage({ type: 'step-answer', id: m.id, prune: false } satisfies ToWorker),
      );
    } else if (m.type === 'done') {
      this.finish(w, (j) => j.resolve(m.result));
    } else {
      const err = m.code !== null ? new WorkerTrialError(m.message, m.code, m.exitCode ?? 1) : new Error(m.message);
      this.finish(w, (j) => j.reject(err));
    }
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.shift();
    if (w) return Promise.resolve(w);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  async run(config: TrainConfig, objective: ObjectiveName, cv: number | null, onStep?: StepHook): Promise<EvaluateResult> {
    const w = await this.acquire();
    const id = this.nextId++;
    return new Promise<EvaluateResult>((resolve, reject) => {
      this.jobs.set(w, { id, onStep, resolve, reject });
      w.postMessage({ type: 'run', id, config, objective, cv, reportSteps: onStep !== undefined } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
