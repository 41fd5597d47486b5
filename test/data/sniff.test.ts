import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sniffFile } from '../../src/data/sniff.js';
import { DATACAMP_TRAIN, KAGGLE_HOST_UBUNTU, KAGGLE_TRAIN_HEAD, DATACAMP_HEADER, tempDir, writeFixture } from './helpers.js';

const dir = tempDir();
const csvGz = { kind: 'csv', gzip: true } as const;

test('real files: DataCamp and Kaggle split files are events, the per-host log is not', () => {
  assert.deepEqual(sniffFile(DATACAMP_TRAIN, csvGz), { kind: 'events', layout: 'datacamp' });
  assert.deepEqual(sniffFile(KAGGLE_TRAIN_HEAD, csvGz), { kind: 'events', layout: 'kaggle' });
  const host = sniffFile(KAGGLE_HOST_UBUNTU, csvGz);
  assert.equal(host.kind, 'not-events');
  assert.match(host.kind === 'not-events' ? host.reason : '', /has no columns 'threadId', 'mountNamespace'$/);
});

test('NDJSON keys are sniffed; Parquet, empty and damaged files are unknown (kept for the reader to explain)', () => {
  const nd = writeFixture(dir, 'a.ndjson', JSON.stringify(Object.fromEntries(DATACAMP_HEADER.split(',').map((k) => [k, 0]))) + '\n');
  assert.deepEqual(sniffFile(nd, { kind: 'ndjson', gzip: false }), { kind: 'events', layout: 'datacamp' });
  assert.deepEqual(sniffFile(writeFixture(dir, 'x.parquet', 'PAR1'), { kind: 'parquet', gzip: false }), { kind: 'unknown' });
  assert.deepEqual(sniffFile(writeFixture(dir, 'e.csv', ''), { kind: 'csv', gzip: false }), { kind: 'unknown' });
  const bad = join(dir, 'bad.csv.gz');
  writeFileSync(bad, Buffer.from('definitely not gzip'));
  assert.deepEqual(sniffFile(bad, csvGz), { kind: 'unknown' });
  // A gzip cut short still shows its header: the prefix is inflated as far as it goes.
  const cut = join(dir, 'cut.csv.gz');
  writeFileSync(cut, readFileSync(DATACAMP_TRAIN).subarray(0, 2000));
  assert.deepEqual(sniffFile(cut, csvGz), { kind: 'events', layout: 'datacamp' });
});
