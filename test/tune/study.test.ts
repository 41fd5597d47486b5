import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../../src/errors.js';
import { MedianPruner } from '../../src/tune/pruner.js';
import { RandomSampler } from '../../src/tune/samplers/random.js';
import { TpeSampler } from '../../src/tune/samplers/tpe.js';
import { MemoryStorage } from '../../src/tune/storage/memory.js';
import { Study, TrialPruned, trialRng } from '../../src/tune/study.js';

const space = { x: { type: 'float', low: -1, high: 1, log: false } } as const;
const open = (extra: Partial<Parameters<typeof Study.open>[0]> = {}) =>
  Study.open({ name: 's', storage: new MemoryStorage(), sampler: new RandomSampler(), space, seed: 1, ...extra });

test('ask gives a live RUNNING trial with numbered params; tell freezes it', async () => {
  const study = await open();
  const a = await study.ask();
  const b = await study.ask();
  assert.deepEqual([a.number, b.number], [0, 1]);
  assert.ok(typeof a.params.x === 'number');
  assert.equal((await study.trials())[0].state, 'RUNNING');
  const fa = await study.tell(a, 0.5);
  assert.equal(fa.state, 'COMPLETE');
  assert.equal(fa.value, 0.5);
  assert.ok(Object.isFrozen(fa) && Object.isFrozen(fa.params));
  await b.report(1, 2);
  const fb = await study.tell(b, { state: 'PRUNED' });
  assert.equal(fb.state, 'PRUNED');
  assert.equal(fb.value, 2, 'a pruned trial keeps its last reported value');
  assert.deepEqual(fb.intermediate, { 1: 2 });
  const c = await study.ask();
  assert.equal((await study.tell(c, NaN)).state, 'FAILED');
  const d = await study.ask();
  assert.equal((await study.tell(d.number, { state: 'FAILED', error: 'boom' })).error, 'boom');
  assert.deepEqual((await study.trials()).map((t) => t.state), ['COMPLETE', 'PRUNED', 'FAILED', 'FAILED']);
});

test('optimize runs nTrials, calls callbacks, finds the best by direction', async () => {
  for (const direction of ['minimize', 'maximize'] as const) {
    const study = await open({ direction });
    const seen: number[] = [];
    await study.optimize((t) => (t.params.x as number) ** 2, { nTrials: 12, callbacks: [(_s, t) => void seen.push(t.number)] });
    assert.deepEqual(seen, [...Array(12).keys()]);
    const trials = await study.trials();
    const values = trials.map((t) => t.value as number);
    const best = await study.bestTrial();
    assert.equal(best?.value, direction === 'minimize' ? Math.min(...values) : Math.max(...values));
  }
});

test('optimize stops starting trials after timeoutMs', async () => {
  const study = await open();
  const t0 = Date.now();
  await study.optimize(async () => {
    await new Promise((r) => setTimeout(r, 30));
    return 1;
  }, { nTrials: 1000, timeoutMs: 150 });
  const n = (await study.trials()).length;
  assert.ok(n >= 2 && n < 20, `${n} trials`);
  assert.ok(Date.now() - t0 < 1000);
});

test('optimize with concurrency keeps several trials in flight, numbers stay unique', async () => {
  const study = await open();
  let inFlight = 0;
  let maxInFlight = 0;
  await study.optimize(async () => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((r) => setTimeout(r, 10));
    inFlight--;
    return 0;
  }, { nTrials: 9, concurrency: 3 });
  assert.equal(maxInFlight, 3);
  const trials = await study.trials();
  assert.deepEqual(trials.map((t) => t.number), [...Array(9).keys()]);
  assert.ok(trials.every((t) => t.state === 'COMPLETE'));
});

test('TrialPruned ends a trial as PRUNED; errors end it as FAILED and are rethrown unless caught', async () => {
  const study = await open();
  await study.optimize(async (t) => {
    await t.report(1, 3);
    throw new TrialPruned(1);
  }, { nTrials: 2 });
  assert.deepEqual((await study.trials()).map((t) => t.state), ['PRUNED', 'PRUNED']);
  await assert.rejects(study.optimize(() => { throw new Error('bug'); }, { nTrials: 3 }), /bug/);
  const after = await study.trials();
  assert.equal(after.length, 3);
  assert.equal(after[2].state, 'FAILED');
  assert.equal(after[2].error, 'bug');
  await study.optimize(() => { throw new Error('flaky'); }, { nTrials: 2, catchErrors: true });
  assert.equal((await study.trials()).length, 5);
  // Bad-input errors always stop the run, even with catchErrors.
  await assert.rejects(study.optimize(() => { throw new ValidationError('bad'); }, { nTrials: 2, catchErrors: true }), ValidationError);
});

test('trial.shouldPrune asks the study pruner with the trial reports and the other trials', async () => {
  const study = await open({ pruner: new MedianPruner({ direction: 'minimize', nStartupTrials: 2 }) });
  for (const v of [1, 2]) {
    const t = await study.ask();
    await t.report(1, v);
    await study.tell(t, v);
  }
  const bad = await study.ask();
  await bad.report(1, 5);
  assert.equal(await bad.shouldPrune(1), true);
  const good = await study.ask();
  await good.report(1, 0.5);
  assert.equal(await good.shouldPrune(1), false);
});

test('the same seed reproduces a model-based study; trialRng depends on seed and number only', async () => {
  const run = async (seed: number) => {
    const s = await open({ sampler: new TpeSampler({ nStartupTrials: 3 }), seed });
    await s.optimize((t) => (t.params.x as number) ** 2, { nTrials: 10 });
    return (await s.trials()).map((t) => t.params.x);
  };
  assert.deepEqual(await run(5), await run(5));
  assert.notDeepEqual(await run(5), await run(6));
  assert.equal(trialRng(3, 4).next(), trialRng(3, 4).next());
  assert.notEqual(trialRng(3, 4).next(), trialRng(3, 5).next());
});
