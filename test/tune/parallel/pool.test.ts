import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveTrainConfig } from '../../../src/model/config.js';
import { evaluateConfig } from '../../../src/tune/job/evaluate-config.js';
import { TrialWorkerPool, WorkerTrialError } from '../../../src/tune/parallel/pool.js';
import { bethData } from '../beth.js';

test('worker threads give the same result as the main thread, run jobs at once, relay steps and errors', async () => {
  const data = await bethData();
  const config = resolveTrainConfig({}, { hidden: [8], epochs: 2, seed: 3 });
  const pool = new TrialWorkerPool(2, { data });
  try {
    const steps: number[] = [];
    const [a, b, c] = await Promise.all([
      pool.run(config, 'logloss', null, async (s) => (steps.push(s), false)),
      pool.run({ ...config, seed: 4 }, 'logloss', null),
      pool.run(config, 'logloss', null), // waits for a free worker
    ]);
    const local = await evaluateConfig(data, { config, objective: 'logloss', cv: null });
    assert.equal(a.value, local.value, 'same seed, same result in a worker');
    assert.equal(c.value, local.value);
    assert.notEqual(b.value, a.value);
    assert.deepEqual(steps, [1, 2]);
    const pruned = await pool.run(config, 'logloss', null, async () => true);
    assert.equal(pruned.pruned, true);
    await assert.rejects(pool.run({ ...config, hidden: [0] }, 'logloss', null), (e: unknown) => e instanceof WorkerTrialError && e.code === 'E_VALIDATION');
  } finally {
    await pool.close();
  }
});
