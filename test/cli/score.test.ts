import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../src/bundle/load.js';
import { readTable } from '../../src/data/read.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { buildApp } from '../../src/serve/app.js';
import { loadServable } from '../../src/score/load-servable.js';
import { TRAIN_FILE, realModel } from '../score/real-model.js';

const BIN = fileURLToPath(new URL('../../bin/tracehound.js', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'th-cli-score-'));
const HEADER = FEATURE_COLUMNS.join(',');

function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

test('`score`, POST /v1/score and evaluate agree exactly on the real training rows', async () => {
  const { dir } = await realModel();
  const out = join(work, 'train.scored.csv');
  const r = await cli(['score', '--model', dir, '--input', TRAIN_FILE, '--output', out]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /scored 12500 events \(\d+ flagged\)/);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  const header = lines[0].split(',');
  assert.deepEqual(header.slice(-2), ['score', 'label']);
  const rows = lines.slice(1).map((l) => l.split(','));
  const cliScores = rows.map((f) => Number(f.at(-2)));
  const cliLabels = rows.map((f) => Number(f.at(-1)));

  // evaluate's path: loadModel(dir).scoreTable(readTable(file)).
  const model = await loadModel(dir);
  const table = await readTable(TRAIN_FILE);
  assert.deepEqual(cliScores, Array.from(model.scoreTable(table)));

  // The HTTP service on the same rows.
  const app = await buildApp({ model: await loadServable(dir), maxEvents: 20_000, bodyLimit: 8 << 20 });
  const events = Array.from({ length: table.rows }, (_, i) => Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, table.columns[c][i]])));
  const http = await app.inject({ method: 'POST', url: '/v1/score', payload: { events } });
  await app.close();
  assert.equal(http.statusCode, 200);
  assert.deepEqual(http.json().scores, cliScores);
  assert.deepEqual(http.json().labels, cliLabels);

  // `tracehound evaluate --json` counts the same decisions.
  const ev = await cli(['evaluate', '--model', dir, '--train', TRAIN_FILE, '--split', 'train', '--json']);
  assert.equal(ev.code, 0, ev.stderr);
  const confusion = { tp: 0, fp: 0, tn: 0, fn: 0 };
  const labelAt = header.indexOf('sus_label');
  rows.forEach((f, i) => {
    const y = Number(f[labelAt]);
    const p = cliLabels[i];
    if (p && y) confusion.tp++;
    else if (p) confusion.fp++;
    else if (y) confusion.fn++;
    else confusion.tn++;
  });
  assert.deepEqual(JSON.parse(ev.stdout).confusion, confusion);
});

test('stdin to stdout in NDJSON', async () => {
  const { dir, servable } = await realModel();
  const ev = { processId: 1, threadId: 1, parentProcessId: 0, userId: 0, mountNamespace: 4026531840, argsNum: 1, returnValue: 0 };
  const r = await cli(['score', '--model', dir], `${JSON.stringify(ev)}\n${JSON.stringify({ ...ev, userId: 1000 })}\n`);
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 2);
  const expected = servable.scorer.scoreRows(Float64Array.from([...Object.values(ev), ...Object.values({ ...ev, userId: 1000 })]), 2);
  assert.deepEqual(out.map((o) => o.score), Array.from(expected));
});

test('a bad row: exit 1, one line naming the line, column and value, no output file', async () => {
  const { dir } = await realModel();
  const input = join(work, 'bad.csv');
  writeFileSync(input, `${HEADER}\n1,1,0,0,4026531840,1,0\n1,1,0,0,4026531840,two,0\n`);
  const out = join(work, 'bad.scored.csv');
  const r = await cli(['score', '--model', dir, '--input', input, '--output', out]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, `tracehound: bad.csv line 3, column 'argsNum': expected an integer, got "two".\n`);
  assert.equal(existsSync(out), false);
});

test('--on-error skip: skips, lists and counts bad rows; exit 0', async () => {
  const { dir } = await realModel();
  const input = join(work, 'some-bad.csv');
  writeFileSync(input, `${HEADER}\n1,1,0,0,4026531840,1,0\n1,1,0,0,4026531840,two,0\n2,2,1,0,4026531840,1,0\n`);
  const r = await cli(['score', '--model', dir, '--input', input, '--on-error', 'skip']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trimEnd().split('\n').length, 3);
  assert.match(r.stderr, /skipped: some-bad.csv line 3, column 'argsNum'/);
  assert.match(r.stderr, /scored 2 events .*; skipped 1 bad rows/);
});

test('drift: a stream whose userId leaves the training range warns on stderr', async () => {
  const { dir } = await realModel();
  const rows = Array.from({ length: 2000 }, (_, i) => `1,1,0,${i % 2 ? 0 : 77777},4026531840,1,0`);
  const r = await cli(['score', '--model', dir, '--drift-window', '500'], `${HEADER}\n${rows.join('\n')}\n`);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: drift: 50\.0% of events 1-500 have 'userId' outside the training range \[0, \d+\]/);
  assert.match(r.stderr, /4 drift warnings \(userId\)/);
});

test('usage errors exit 2', async () => {
  const { dir } = await realModel();
  for (const args of [['--on-error', 'maybe'], ['--format', 'xml'], ['--batch-rows', '0']]) {
    const r = await cli(['score', '--model', dir, ...args]);
    assert.equal(r.code, 2, args.join(' '));
  }
  const r = await cli(['score', '--model', join(work, 'no-model')]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /There is no model directory/);
});
