import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readCsvHeader, readNdjsonKeys, ndjsonLines, parseNdjsonObject } from '../../src/data/header.js';
import { KAGGLE_VAL_HEAD, DATACAMP_HEADER, tempDir, writeFixture } from './helpers.js';

const dir = tempDir();

test('the CSV header of a real Kaggle file has the 16 columns', async () => {
  const h = await readCsvHeader(KAGGLE_VAL_HEAD, true);
  assert.equal(h.length, 16);
  assert.equal(h[0], 'timestamp');
  assert.equal(h[15], 'evil');
});

test('a CSV with only blank lines has no header', async () => {
  await assert.rejects(readCsvHeader(writeFixture(dir, 'blank.csv', '\n\n'), false), /blank\.csv is empty/);
  assert.deepEqual(await readCsvHeader(writeFixture(dir, 'h.csv.gz', DATACAMP_HEADER), true), DATACAMP_HEADER.split(','));
});

test('NDJSON keys come from the first non-blank line; lines are numbered physically', async () => {
  const f = writeFixture(dir, 'e.ndjson', '\n{"b":1,"a":2}\n{"c":3}');
  assert.deepEqual(await readNdjsonKeys(f, false), ['b', 'a']);
  async function* chunks(): AsyncGenerator<string> {
    yield '{"x":1}\n\n{"y"';
    yield ':2}\r\n{"z":3}';
  }
  const lines = [];
  for await (const l of ndjsonLines(chunks())) lines.push(l);
  assert.deepEqual(lines, [
    { line: 1, text: '{"x":1}' },
    { line: 3, text: '{"y":2}\r' },
    { line: 4, text: '{"z":3}' },
  ]);
});

test('parseNdjsonObject rejects invalid JSON and non-objects, naming the line', () => {
  assert.deepEqual(parseNdjsonObject('f', 1, '{"a":1}'), { a: 1 });
  assert.throws(() => parseNdjsonObject('f.ndjson', 7, '{bad'), /^DataFormatError: f\.ndjson line 7: not valid JSON/);
  assert.throws(() => parseNdjsonObject('f.ndjson', 2, '[1,2]'), /f\.ndjson line 2: expected a JSON object with the event's fields, got an array\./);
  assert.throws(() => parseNdjsonObject('f.ndjson', 2, '5'), /got 5\./);
});
