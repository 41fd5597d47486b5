import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { readTable } from '../../src/data/read.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { DataFormatError } from '../../src/errors.js';
import { StreamScorer } from '../../src/score/stream-scorer.js';
import type { ServableModel } from '../../src/score/servable.js';
import { KAGGLE_FILE, TRAIN_FILE, realModel } from './real-model.js';

/** Feeds `text` in chunks of `chunk` bytes (splitting lines and UTF-8 anywhere) and collects the output. */
async function run(model: ServableModel, text: string, opts: Partial<ConstructorParameters<typeof StreamScorer>[1]> = {}, chunk = 777) {
  const scorer = new StreamScorer(model, { file: 'events.csv', ...opts });
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  let out = '';
  await pipeline(
    Readable.from(parts),
    scorer,
    new Writable({
      write(c, _e, cb) {
        out += c.toString();
        cb();
      },
    }),
  );
  return { out, stats: scorer.stats };
}

const trainCsv = gunzipSync(readFileSync(TRAIN_FILE)).toString('utf8');

test('CSV in: every row comes out in order with the model’s own score and label, across chunk and batch boundaries', async () => {
  const { servable } = await realModel();
  const table = await readTable(TRAIN_FILE);
  const expected = servable.scorer.scoreTable(table);
  const { out, stats } = await run(servable, trainCsv, { batchRows: 1000 });
  const inLines = trainCsv.trimEnd().split('\n');
  const outLines = out.trimEnd().split('\n');
  assert.equal(outLines.length, inLines.length);
  assert.equal(outLines[0], `${inLines[0]},score,label`);
  assert.equal(stats.rows, table.rows);
  let flagged = 0;
  for (let i = 1; i < inLines.length; i++) {
    const fields = outLines[i].split(',');
    assert.equal(fields.slice(0, -2).join(','), inLines[i]);
    const score = Number(fields[fields.length - 2]);
    const label = Number(fields[fields.length - 1]);
    assert.equal(score, expected[i - 1], `row ${i}`);
    assert.equal(label, expected[i - 1] >= servable.threshold ? 1 : 0);
    flagged += label;
  }
  assert.equal(stats.flagged, flagged);
  assert.ok(new Set(Array.from(expected)).size > 2, 'the test model gives varied scores');
});

test('NDJSON in: the object is kept byte for byte with score and label appended', async () => {
  const { servable } = await realModel();
  const table = await readTable(TRAIN_FILE);
  const expected = servable.scorer.scoreTable(table);
  const n = 300;
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const ev: Record<string, number | string> = { note: `row ${i}` };
    for (const c of FEATURE_COLUMNS) ev[c] = table.columns[c][i];
    lines.push(JSON.stringify(ev));
  }
  const { out, stats } = await run(servable, lines.join('\r\n') + '\r\n\r\n', { file: 'events.ndjson', batchRows: 64 }, 101);
  assert.equal(stats.format, 'ndjson');
  const outLines = out.trimEnd().split('\n');
  assert.equal(outLines.length, n);
  outLines.forEach((l, i) => {
    assert.ok(l.startsWith(lines[i].slice(0, -1) + ',"score":'), l);
    const o = JSON.parse(l);
    assert.equal(o.score, expected[i]);
    assert.equal(o.label, expected[i] >= servable.threshold ? 1 : 0);
    assert.equal(o.note, `row ${i}`);
  });
});

test('Kaggle 16-column CSV with quoted commas scores like the table reader reads it', async () => {
  const { servable } = await realModel();
  const table = await readTable(KAGGLE_FILE);
  const expected = servable.scorer.scoreTable(table);
  const text = gunzipSync(readFileSync(KAGGLE_FILE)).toString('utf8');
  const { out, stats } = await run(servable, text, { batchRows: 7 });
  assert.equal(stats.rows, table.rows);
  const scores = out
    .trimEnd()
    .split('\n')
    .slice(1)
    .map((l) => Number(l.split(',').at(-2)));
  assert.deepEqual(scores, Array.from(expected));
});

test('a bad value stops the stream with a DataFormatError naming file, line, column and value', async () => {
  const { servable } = await realModel();
  const text = 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue\n1,1,0,0,4026531840,1,0\n1,1,0,abc,4026531840,1,0\n';
  await assert.rejects(run(servable, text), (e: unknown) => {
    assert.ok(e instanceof DataFormatError);
    assert.equal(e.message, `events.csv line 3, column 'userId': expected an integer, got "abc".`);
    return true;
  });
  await assert.rejects(run(servable, 'processId,threadId\n1,2\n'), /has no columns 'parentProcessId', 'userId'/);
  await assert.rejects(run(servable, '\n\n'), /events.csv is empty/);
  await assert.rejects(run(servable, text.replace('abc', '0,7')), /events.csv line 3: expected 7 fields as in the header, got 8/);
  await assert.rejects(run(servable, '{"processId":1,"thr\n', { file: 'x.ndjson' }), /x.ndjson line 1: not a JSON object/);
  await assert.rejects(run(servable, '{"processId":1}\n', { file: 'x.ndjson' }), /x.ndjson line 1: the event has no field 'threadId'/);
  await assert.rejects(run(servable, `${'1'.repeat(3 << 20)}`, {}, 1 << 16), /events.csv line 1 is longer than 1048576 characters without a line break/);
});

test('--on-error skip: bad rows are skipped, counted and reported with their line numbers', async () => {
  const { servable } = await realModel();
  const header = 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue,sus_label';
  const text = [header, '1,1,0,0,4026531840,1,0,0', '1,1,0,1.5,4026531840,1,0,0', '2,2,1,1000,4026531840,1,0,1', '9,9', '3,3,1,0,4026531840,2,-2,0'].join('\n');
  const skipped: number[] = [];
  const { out, stats } = await run(servable, text, { onError: 'skip', onSkip: (_e, line) => skipped.push(line) });
  assert.deepEqual(skipped, [3, 5]);
  assert.equal(stats.skipped, 2);
  assert.equal(stats.rows, 3);
  const lines = out.trimEnd().split('\n');
  assert.equal(lines.length, 4);
  assert.ok(lines[3].startsWith('3,3,1,0,4026531840,2,-2,0,'));
});

test('backpressure: a consumer that stops reading stops the source instead of buffering the stream', async () => {
  const { servable } = await realModel();
  let produced = 0;
  const total = 200_000;
  const source = Readable.from(
    (function* () {
      yield 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue\n';
      for (let i = 0; i < total; i += 100) {
        produced += 100;
        yield '1,1,0,0,4026531840,1,0\n'.repeat(100);
      }
    })(),
  );
  let release: () => void = () => {};
  const stalled = new Writable({
    highWaterMark: 1024,
    write(_c, _e, cb) {
      release = cb; // never acknowledges until released
    },
  });
  const done = pipeline(source, new StreamScorer(servable, { file: 'gen.csv' }), stalled);
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(produced < total / 4, `only a bounded part of the stream was read (${produced} of ${total} rows)`);
  stalled.destroy();
  release();
  await done.catch(() => {});
});

test('drift: a window where a feature leaves the training range is reported', async () => {
  const { servable } = await realModel();
  const header = FEATURE_COLUMNS.join(',');
  const rows = Array.from({ length: 40 }, (_, i) => `1,1,0,${i < 20 ? 0 : 54321},4026531840,1,0`);
  const warnings: string[] = [];
  const { stats } = await run(servable, [header, ...rows].join('\n'), { drift: { windowRows: 20, maxShare: 0.5 }, onDrift: (w) => warnings.push(w.feature) });
  assert.deepEqual(warnings, ['userId']);
  assert.equal(stats.driftWarnings, 1);
});
