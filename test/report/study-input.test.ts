import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StudyError } from '../../src/errors.js';
import { readStudy } from '../../src/report/study-input.js';
import { JournalFileStorage } from '../../src/tune/storage/journal-file.js';

async function journal(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'tracehound-study-')), 'study.jsonl');
  const s = new JournalFileStorage(path);
  await s.openStudy('beth', 'maximize');
  for (let i = 0; i < 3; i++) {
    const t = await s.createTrial(() => ({ lr: 0.001 * (i + 1), hidden: '64,32' }));
    if (i < 2) await s.finishTrial(t.number, 'COMPLETE', 0.9 + i / 100);
  }
  await s.close();
  return path;
}

test('a journal is read without being changed: trials, states and direction', async () => {
  const path = await journal();
  const before = readFileSync(path);
  const st = await readStudy(path, 'beth');
  assert.equal(st.direction, 'maximize');
  assert.deepEqual(st.trials.map((t) => [t.number, t.state, t.value]), [[0, 'COMPLETE', 0.9], [1, 'COMPLETE', 0.91], [2, 'RUNNING', null]]);
  assert.deepEqual(readFileSync(path), before);
});

test('a wrong study name, a missing file or a non-journal are clear errors', async () => {
  const path = await journal();
  await assert.rejects(readStudy(path, 'other'), (e) => e instanceof StudyError && /holds the study 'beth', not 'other'/.test(e.message));
  await assert.rejects(readStudy(path + '.missing', 'beth'), /does not exist/);
  const bad = path + '.txt';
  writeFileSync(bad, 'hello\n');
  await assert.rejects(readStudy(bad, 'beth'), StudyError);
});
