// Needs a real PostgreSQL: TRACEHOUND_TEST_PG=postgres://... (.ci/run sets it). Without it the
// test fails and says how to start one; it never skips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StudyError } from '../../../src/errors.js';
import { RandomSampler } from '../../../src/tune/samplers/random.js';
import { PostgresStorage, redactUrl } from '../../../src/tune/storage/postgres.js';
import { Study } from '../../../src/tune/study.js';
import { exited, spawnChild, waitForLine } from './child.js';

const URL_ = process.env.TRACEHOUND_TEST_PG;
const space = { x: { type: 'float', low: -5, high: 5, log: false }, k: { type: 'int', low: 1, high: 9, log: false } } as const;
// A study name of its own per run, so reruns against one server do not see old trials.
const unique = (s: string) => `${s}-${process.pid}-${Date.now()}`;

function url(): string {
  assert.ok(
    URL_,
    'TRACEHOUND_TEST_PG is not set. Start a throwaway server and point the tests at it:\n' +
      '  export TRACEHOUND_TEST_PG=$(bash scripts/start-postgres.sh)\n(.ci/run does this in CI).',
  );
  return URL_;
}

async function open(name: string, direction: 'minimize' | 'maximize' = 'minimize') {
  const storage = new PostgresStorage(url());
  const study = await Study.open({ name, storage, sampler: new RandomSampler(), space, direction, seed: 2 });
  return { storage, study };
}

test('postgres: ask/report/tell round trip, direction mismatch refused, password redacted', async () => {
  const name = unique('basic');
  const { storage, study } = await open(name);
  try {
    const t = await study.ask();
    await t.report(1, 0.5);
    await t.report(2, 0.25);
    const f = await study.tell(t, 0.2);
    assert.equal(f.state, 'COMPLETE');
    assert.deepEqual(f.intermediate, { 1: 0.5, 2: 0.25 });
    assert.deepEqual((await study.trials())[0].params, t.params);
    const other = new PostgresStorage(url());
    try {
      await assert.rejects(
        Study.open({ name, storage: other, sampler: new RandomSampler(), space, direction: 'maximize' }),
        (e: unknown) => e instanceof StudyError && /created to minimize, not maximize/.test(e.message),
      );
    } finally {
      await other.close();
    }
  } finally {
    await storage.close();
  }
  assert.equal(redactUrl('postgres://u:secret@h:5/db'), 'postgres://u:***@h:5/db');
});

test('postgres: two worker processes on one study neither lose nor duplicate a trial', async () => {
  const name = unique('two-workers');
  const per = 12;
  const a = spawnChild([url(), name, String(per), '1'], { DELAY_MS: '15' });
  const b = spawnChild([url(), name, String(per), '2'], { DELAY_MS: '15' });
  const [la, lb] = await Promise.all([waitForLine(a, 'DONE', 120_000), waitForLine(b, 'DONE', 120_000)]);
  assert.equal(la, 'DONE');
  assert.equal(lb, 'DONE');
  await Promise.all([exited(a), exited(b)]);
  const { storage, study } = await open(name);
  try {
    const trials = await study.trials();
    assert.equal(trials.length, 2 * per);
    assert.deepEqual(trials.map((t) => t.number), [...Array(2 * per).keys()]);
    assert.ok(trials.every((t) => t.state === 'COMPLETE'), trials.map((t) => t.state).join(','));
    assert.ok(trials.every((t) => t.value === (t.params.x as number) ** 2 + (t.params.k as number)));
  } finally {
    await storage.close();
  }
});

test('postgres: a SIGKILLed worker\'s running trial becomes FAILED for the next process; a live worker\'s does not', async () => {
  const name = unique('killed');
  const dead = spawnChild([url(), name, '10', '1'], { HANG_AT: '2' });
  assert.equal(await waitForLine(dead, 'RUNNING'), 'RUNNING 2');
  const alive = spawnChild([url(), name, '10', '2'], { HANG_AT: '3' });
  assert.equal(await waitForLine(alive, 'RUNNING'), 'RUNNING 3');
  dead.kill('SIGKILL');
  await exited(dead);
  try {
    // PostgreSQL notices the dropped connection (and frees its lock) shortly after the kill.
    let trials: Awaited<ReturnType<Study['trials']>> = [];
    for (let attempt = 0; attempt < 50; attempt++) {
      const { storage, study } = await open(name);
      trials = await study.trials();
      await storage.close();
      if (trials[2].state === 'FAILED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.deepEqual(trials.map((t) => t.state), ['COMPLETE', 'COMPLETE', 'FAILED', 'RUNNING']);
    assert.match(trials[2].error ?? '', /stopped before the trial finished/);
  } finally {
    alive.kill('SIGKILL');
    await exited(alive);
  }
});
