import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StudyError } from '../../../src/errors.js';
import { RandomSampler } from '../../../src/tune/samplers/random.js';
import { JournalFileStorage, readJournal } from '../../../src/tune/storage/journal-file.js';
import { Study } from '../../../src/tune/study.js';
import { exited, spawnChild, waitForLine } from './child.js';

const space = { x: { type: 'float', low: -5, high: 5, log: false }, k: { type: 'int', low: 1, high: 9, log: false } } as const;
const tmp = () => mkdtempSync(join(tmpdir(), 'th-journal-'));

async function openStudy(path: string, name = 'study-a', direction: 'minimize' | 'maximize' = 'minimize') {
  const storage = new JournalFileStorage(path);
  const study = await Study.open({ name, storage, sampler: new RandomSampler(), space, direction, seed: 3 });
  return { storage, study };
}

test('a journal replays to the same trials, one JSON op per line', async () => {
  const path = join(tmp(), 'sub', 'study.jsonl');
  const { storage, study } = await openStudy(path);
  await study.optimize(async (t) => {
    await t.report(1, 9);
    return (t.params.x as number) ** 2;
  }, { nTrials: 6 });
  const before = await study.trials();
  await storage.close();
  const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
  assert.equal(lines.length, 1 + 6 * 3);
  lines.forEach((l) => JSON.parse(l));
  const again = await openStudy(path);
  assert.deepEqual(await again.study.trials(), before);
  await again.study.optimize((t) => t.params.x as number, { nTrials: 2 });
  assert.deepEqual((await again.study.trials()).map((t) => t.number), [0, 1, 2, 3, 4, 5, 6, 7]);
  await again.storage.close();
});

test('a torn last line is ignored on replay and cut off before the next write', async () => {
  const path = join(tmp(), 'j.jsonl');
  const { storage, study } = await openStudy(path);
  await study.optimize(() => 1, { nTrials: 2 });
  await storage.close();
  appendFileSync(path, '{"op":"trial","number":2,"par');
  const again = await openStudy(path);
  assert.equal(again.storage.droppedTornLine, true);
  assert.equal((await again.study.trials()).length, 2);
  await again.study.optimize(() => 2, { nTrials: 1 });
  await again.storage.close();
  const { ops, torn } = readJournal(path);
  assert.equal(torn, false);
  assert.equal(ops.filter((o) => o.op.op === 'trial').length, 3);
});

test('a journal of another study name is refused; so is another direction; so is a non-journal file', async () => {
  const path = join(tmp(), 'j.jsonl');
  const { storage } = await openStudy(path, 'alpha');
  await storage.close();
  await assert.rejects(openStudy(path, 'beta'), (e: unknown) => e instanceof StudyError && /holds the study 'alpha', not 'beta'/.test(e.message));
  await assert.rejects(openStudy(path, 'alpha', 'maximize'), /created to minimize, not maximize/);
  const junk = join(tmp(), 'notes.txt');
  writeFileSync(junk, 'hello\nworld\n');
  await assert.rejects(openStudy(junk), (e: unknown) => e instanceof StudyError && /notes\.txt line 1 is not a journal record/.test(e.message));
});

test('SIGKILL mid-trial, then resume: completed trials kept, the running one FAILED, new trials continue the numbering', async () => {
  const path = join(tmp(), 'killed.jsonl');
  const child = spawnChild([path, 'study-a', '10', '3'], { HANG_AT: '3' });
  assert.equal(await waitForLine(child, 'RUNNING'), 'RUNNING 3');
  child.kill('SIGKILL');
  await exited(child);
  const { ops } = readJournal(path);
  assert.equal(ops.filter((o) => o.op.op === 'finish').length, 3, 'three trials had finished when the process died');

  const { storage, study } = await openStudy(path);
  const trials = await study.trials();
  assert.deepEqual(trials.map((t) => t.state), ['COMPLETE', 'COMPLETE', 'COMPLETE', 'FAILED']);
  assert.match(trials[3].error ?? '', /stopped before the trial finished/);
  assert.deepEqual(trials[3].intermediate, { 1: (trials[3].params.x as number) + 1 }, 'its reports survive');
  // The child's trials used the same seed and numbers as we would: the replay is faithful.
  await study.optimize((t) => (t.params.x as number) ** 2 + (t.params.k as number), { nTrials: 2 });
  const after = await study.trials();
  assert.deepEqual(after.map((t) => t.number), [0, 1, 2, 3, 4, 5]);
  assert.deepEqual(after.map((t) => t.state).slice(4), ['COMPLETE', 'COMPLETE']);
  await storage.close();
});

test('a journal whose running trial belongs to a live process is refused', async () => {
  const path = join(tmp(), 'busy.jsonl');
  const child = spawnChild([path, 'study-a', '10', '3'], { HANG_AT: '0' });
  try {
    await waitForLine(child, 'RUNNING');
    await assert.rejects(openStudy(path), (e: unknown) => e instanceof StudyError && /is in use: trial 0 is running in process \d+/.test(e.message));
  } finally {
    child.kill('SIGKILL');
    await exited(child);
  }
});
