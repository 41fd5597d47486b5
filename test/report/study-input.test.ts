import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StudyError } from '../../src/errors.js';
import { readStudy } from '../../src/report/study-input.js';
import { JournalFileStorage } from '../../src/tune/storage/journal-file.js';
import { PostgresStorage } from '../../src/tune/storage/postgres.js';
import pg from 'pg';

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

// Needs a real PostgreSQL (TRACEHOUND_TEST_PG, set by .ci/run); without it the test fails and says so.
test('a PostgreSQL study is read without being changed, and a missing one is not created', async () => {
  const url = process.env.TRACEHOUND_TEST_PG;
  assert.ok(url, 'TRACEHOUND_TEST_PG is not set: export TRACEHOUND_TEST_PG=$(bash scripts/start-postgres.sh)');
  const name = `report-${process.pid}-${Date.now()}`;
  const s = new PostgresStorage(url);
  await s.openStudy(name, 'minimize');
  const done = await s.createTrial(() => ({ lr: 0.01 }));
  await s.finishTrial(done.number, 'COMPLETE', 0.3);
  await s.createTrial(() => ({ lr: 0.02 })); // RUNNING, its worker (s) still alive
  const count = async (sql: string, params: unknown[]): Promise<number> => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      return Number((await c.query<{ n: string }>(sql, params)).rows[0].n);
    } finally {
      await c.end();
    }
  };
  const workersBefore = await count('SELECT count(*) AS n FROM tracehound_workers', []);
  try {
    const st = await readStudy(url, name);
    assert.equal(st.direction, 'minimize');
    assert.deepEqual(st.trials.map((t) => [t.number, t.state, t.value]), [[0, 'COMPLETE', 0.3], [1, 'RUNNING', null]]);
    await assert.rejects(readStudy(url, `${name}-missing`), (e) => e instanceof StudyError && /There is no study/.test(e.message));
    assert.equal(await count('SELECT count(*) AS n FROM tracehound_studies WHERE name = $1', [`${name}-missing`]), 0, 'no study row was created');
    assert.equal(await count('SELECT count(*) AS n FROM tracehound_workers', []), workersBefore, 'no worker row was created');
  } finally {
    await s.close();
  }
});
