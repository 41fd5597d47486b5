import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileTypeOf, requireFileType, requireNonEmptyFile, textChunks, fingerprint } from '../../src/data/files.js';
import { DATACAMP_VAL_HEAD, gunzipText, tempDir, writeFixture } from './helpers.js';

const dir = tempDir();

test('file types come from the name, longest suffix first, case-insensitively', () => {
  assert.deepEqual(fileTypeOf('a/train.csv'), { kind: 'csv', gzip: false });
  assert.deepEqual(fileTypeOf('TRAIN.CSV.GZ'), { kind: 'csv', gzip: true });
  assert.deepEqual(fileTypeOf('x.parquet'), { kind: 'parquet', gzip: false });
  assert.deepEqual(fileTypeOf('x.jsonl.gz'), { kind: 'ndjson', gzip: true });
  assert.equal(fileTypeOf('x.gz'), null);
  assert.equal(fileTypeOf('x.tsv'), null);
  assert.throws(() => requireFileType('d/events.xlsx'), /d\/events\.xlsx has the unknown extension '\.xlsx'\. Expected one of \.csv, /);
  assert.throws(() => requireFileType('d/events'), /d\/events has no extension\. Expected one of/);
});

test('requireNonEmptyFile names a missing, empty or directory path', async () => {
  await assert.rejects(requireNonEmptyFile(join(dir, 'none.csv')), /none\.csv does not exist\./);
  await assert.rejects(requireNonEmptyFile(writeFixture(dir, 'zero.csv', '')), /zero\.csv is empty/);
  await assert.rejects(requireNonEmptyFile(dir), /is a directory/);
  assert.equal(await requireNonEmptyFile(writeFixture(dir, 'one.csv', 'x')), 1);
});

test('textChunks inflates gzip; fingerprint hashes the bytes on disk', async () => {
  let text = '';
  for await (const c of textChunks(DATACAMP_VAL_HEAD, true)) text += c;
  assert.equal(text, gunzipText(DATACAMP_VAL_HEAD));
  assert.equal(await fingerprint(DATACAMP_VAL_HEAD, true), createHash('sha256').update(readFileSync(DATACAMP_VAL_HEAD)).digest('hex'));
  const plain = writeFixture(dir, 'p.csv', 'abc');
  assert.equal(await fingerprint(plain, false), createHash('sha256').update('abc').digest('hex'));
});

test('a truncated or non-gzip .gz fails in both textChunks and fingerprint with a clear message', async () => {
  const bytes = readFileSync(DATACAMP_VAL_HEAD);
  const cut = join(dir, 'cut.csv.gz');
  writeFileSync(cut, bytes.subarray(0, bytes.length - 10));
  await assert.rejects(fingerprint(cut, true), /cut\.csv\.gz is a truncated gzip file/);
  await assert.rejects(
    (async () => {
      for await (const _ of textChunks(cut, true));
    })(),
    /cut\.csv\.gz is a truncated gzip file/,
  );
  const fake = writeFixture(dir, 'fake.csv', 'not gzip');
  await assert.rejects(fingerprint(fake, true), /fake\.csv is not a valid gzip file/);
});
