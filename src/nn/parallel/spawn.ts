// Starting a worker thread on worker.ts. Under tsx (this file is .ts) the worker must register the
// TypeScript loader itself first: workers do not inherit a loader registered through tsx's API
// (bin/tracehound.js does that), so a two-line bootstrap does it and then imports the worker.

import { Worker } from 'node:worker_threads';
import { STATUS_FAILED, Slot, type WorkerInit } from './protocol.js';

const runningTypeScript = import.meta.url.endsWith('.ts');
const workerUrl = new URL(runningTypeScript ? './worker.ts' : './worker.js', import.meta.url);

export function spawnGradientWorker(init: WorkerInit): Worker {
  const transferList = [init.errorPort];
  if (!runningTypeScript) return new Worker(workerUrl, { workerData: init, transferList });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  // If even the import fails, report it through the control block: the training thread is
  // blocked in Atomics.wait and would never see an 'error' event.
  // Only dynamic import(): the code must parse both as a script and as a module (a parent run with
  // --input-type=module passes that flag on to eval workers).
  const bootstrap = `
    import('node:worker_threads').then(async ({ workerData }) => {
      try {
        const { register } = await import(${JSON.stringify(tsxApi)});
        register();
        await import(${JSON.stringify(workerUrl.href)});
      } catch (e) {
        const c = workerData.control;
        workerData.errorPort.postMessage(String((e && e.message) || e));
        Atomics.store(c, ${Slot.STATUS}, ${STATUS_FAILED});
        Atomics.store(c, ${Slot.READY}, 1);
        Atomics.store(c, ${Slot.DONE}, Atomics.load(c, ${Slot.REQUEST}));
        Atomics.notify(c, ${Slot.READY});
        Atomics.notify(c, ${Slot.DONE});
      }
    });
  `;
  return new Worker(bootstrap, { eval: true, workerData: init, transferList });
}
