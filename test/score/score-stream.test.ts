import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { scoreStream } from '../../src/score/score-stream.js';
import { realModel } from './real-model.js';

const HEADER = 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue';
const dir = mkdtempSync(join(tmpdir(), 'th-score-'));

test('file to file: the output appears complete under its name, no temporary file left', async () => {
  const { servable } = await realModel();
  const input = join(dir, 'a.csv');
  writeFileSync(input, `${HEADER}\n1,1,0,0,4026531840,1,0\n7,7,1,1001,4026532217,3,-2\n`);
  const output = join(dir, 'a.scored.csv');
  const stats = await scoreStream(servable, { input, output });
  assert.equal(stats.rows, 2);
  const lines = readFileSync(output, 'utf8').trimEnd().split('\n');
  assert.equal(lines[0], `${HEADER},score,label`);
  assert.equal(lines.length, 3);
  assert.deepEqual(readdirSync(dir).filter((f) => f.includes('.tmp-')), []);
});

test('a bad row (default --on-error stop) leaves no output file and no temporary file', async () => {
  const { servable } = await realModel();
  const input = join(dir, 'bad.csv');
  const rows = Array.from({ length: 9000 }, () => '1,1,0,0,4026531840,1,0');
  rows.push('1,1,0,zero,4026531840,1,0');
  writeFileSync(input, `${HEADER}\n${rows.join('\n')}\n`);
  const output = join(dir, 'bad.scored.csv');
  await assert.rejects(scoreStream(servable, { input, output, batchRows: 512 }), /bad.csv line 9002, column 'userId': expected an integer, got "zero"/);
  assert.deepEqual(readdirSync(dir).filter((f) => f.startsWith('bad.scored') || f.includes('.tmp-')), []);
});

test('gzip input is read through; a truncated gzip is a clear error', async () => {
  const { servable } = await realModel();
  const gz = gzipSync(`${HEADER}\n${'1,1,0,0,4026531840,1,0\n'.repeat(5000)}`);
  const input = join(dir, 'events.csv.gz');
  writeFileSync(input, gz);
  const stats = await scoreStream(servable, { input, output: join(dir, 'gz.out.csv') });
  assert.equal(stats.rows, 5000);
  const cut = join(dir, 'cut.csv.gz');
  writeFileSync(cut, gz.subarray(0, Math.floor(gz.length / 2)));
  await assert.rejects(scoreStream(servable, { input: cut, output: join(dir, 'cut.out.csv') }), /cut.csv.gz is not a complete gzip file/);
  await assert.rejects(scoreStream(servable, { input: join(dir, 'missing.csv') }), /missing.csv does not exist/);
  await assert.rejects(scoreStream(servable, { input, output: join(dir, 'no-dir', 'x.csv') }), /Cannot write .*x.csv: ENOENT/);
});

test('stdin to stdout, NDJSON sniffed from the first line', async () => {
  const { servable } = await realModel();
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (c) => (text += c));
  const ev = { processId: 1, threadId: 1, parentProcessId: 0, userId: 0, mountNamespace: 4026531840, argsNum: 1, returnValue: 0 };
  const stats = await scoreStream(servable, { stdin: Readable.from([JSON.stringify(ev) + '\n']), stdout });
  assert.equal(stats.format, 'ndjson');
  const o = JSON.parse(text);
  assert.equal(typeof o.score, 'number');
  assert.equal(o.label, o.score >= servable.threshold ? 1 : 0);
});
