import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../../src/errors.js';
import { readTable } from '../../src/data/read.js';
import { withConnection, sqlString } from '../../src/data/duckdb.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import {
  DATACAMP_HEADER,
  DATACAMP_TRAIN,
  DATACAMP_VAL_HEAD,
  KAGGLE_HOST_UBUNTU,
  KAGGLE_VAL_HEAD,
  gunzipText,
  tempDir,
  writeFixture,
} from './helpers.js';

const dir = tempDir();
const trainText = gunzipText(DATACAMP_TRAIN);
const trainLines = trainText.split('\n');

/** assert.rejects with a DataFormatError whose message matches exactly or by pattern. */
async function rejectsData(p: Promise<unknown>, message: string | RegExp): Promise<void> {
  await assert.rejects(p, (e: unknown) => {
    assert.ok(e instanceof DataFormatError, `expected a DataFormatError, got ${String(e)}`);
    if (typeof message === 'string') assert.equal(e.message, message);
    else assert.match(e.message, message);
    return true;
  });
}

test('the real DataCamp training block: 12,500 rows, 273 positives, exact mountNamespace, fingerprint of the file bytes', async () => {
  const t = await readTable(DATACAMP_TRAIN);
  assert.equal(t.rows, 12500);
  assert.equal(t.labels!.reduce((a, b) => a + b, 0), 273);
  assert.equal(t.labelColumn, 'sus_label');
  assert.equal(t.columns.mountNamespace[0], 4026532231);
  assert.deepEqual(
    FEATURE_COLUMNS.map((c) => t.columns[c][12499]),
    trainLines[12500].split(',').slice(0, 7).map(Number),
  );
  const [src] = t.sources;
  assert.equal(src.format, 'datacamp');
  assert.equal(src.rows, 12500);
  assert.equal(src.sha256, createHash('sha256').update(readFileSync(DATACAMP_TRAIN)).digest('hex'));
});

test('the Kaggle validation head reads to the same events as its DataCamp projection; --label evil picks evil', async () => {
  const k = await readTable(KAGGLE_VAL_HEAD);
  const d = await readTable(DATACAMP_VAL_HEAD);
  assert.equal(k.sources[0].format, 'kaggle');
  assert.equal(k.labelColumn, 'sus');
  assert.equal(k.rows, 100);
  for (const c of FEATURE_COLUMNS) assert.deepEqual(k.columns[c], d.columns[c], c);
  assert.deepEqual(k.labels, d.labels);
  const evil = await readTable(KAGGLE_VAL_HEAD, { label: 'evil' });
  assert.equal(evil.labelColumn, 'evil');
  assert.equal(evil.labels!.reduce((a, b) => a + b, 0), 0);
  await rejectsData(readTable(DATACAMP_VAL_HEAD, { label: 'evil' }), /has no column 'evil'/);
});

test('plain .csv, .parquet, .ndjson and .ndjson.gz give the same table as the .csv.gz', async () => {
  const text = gunzipText(DATACAMP_VAL_HEAD);
  const ref = await readTable(DATACAMP_VAL_HEAD);
  const csv = writeFixture(dir, 'same.csv', text);
  const parquet = join(dir, 'same.parquet');
  await withConnection((con) => con.run(`COPY (SELECT * FROM read_csv(${sqlString(csv)})) TO ${sqlString(parquet)} (FORMAT parquet)`));
  const lines = text.trim().split('\n').slice(1);
  const names = DATACAMP_HEADER.split(',');
  const ndjson = lines.map((l) => JSON.stringify(Object.fromEntries(l.split(',').map((v, i) => [names[i], Number(v)])))).join('\n') + '\n';
  const files = [csv, parquet, writeFixture(dir, 'same.ndjson', ndjson), writeFixture(dir, 'same.ndjson.gz', ndjson), writeFixture(dir, 'same.jsonl', ndjson)];
  for (const f of files) {
    const t = await readTable(f);
    assert.equal(t.rows, 100, f);
    for (const c of FEATURE_COLUMNS) assert.deepEqual(t.columns[c], ref.columns[c], `${f} ${c}`);
    assert.deepEqual(t.labels, ref.labels, f);
  }
  assert.equal((await readTable(files[2])).sources[0].format, 'ndjson');
  assert.equal((await readTable(parquet)).sources[0].format, 'datacamp');
});

test('integers beyond 2^32 (and up to 2^53) stay exact', async () => {
  const big = 2 ** 52 + 1;
  const f = writeFixture(dir, 'big.csv', `${DATACAMP_HEADER}\n1,1,1,0,${big},0,0,0\n2,2,1,0,4026532288,0,-115,1\n`);
  const t = await readTable(f);
  assert.equal(t.columns.mountNamespace[0], big);
  assert.equal(t.columns.mountNamespace[1], 4026532288);
  assert.equal(t.columns.returnValue[1], -115);
});

test('an unlabelled file (the seven features only) reads with labels null', async () => {
  const f = writeFixture(dir, 'unlabelled.csv', 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue\n1,2,3,4,5,6,7\n');
  const t = await readTable(f);
  assert.equal(t.labels, null);
  assert.equal(t.labelColumn, null);
  assert.equal(t.columns.returnValue[0], 7);
});

test('a non-integer in a numeric column names file, line, column and value', async () => {
  const lines = trainLines.slice(0, 1100);
  const cells = lines[1042].split(',');
  cells[5] = 'abc';
  lines[1042] = cells.join(',');
  const f = writeFixture(dir, 'train.csv', lines.join('\n') + '\n');
  await rejectsData(readTable(f), `${f} line 1043, column 'argsNum': expected an integer, got "abc".`);
  // The same in a gzip file, and a decimal that DuckDB would quietly round as a BIGINT.
  const g = writeFixture(dir, 'train2.csv.gz', lines.join('\n') + '\n');
  await rejectsData(readTable(g), `${g} line 1043, column 'argsNum': expected an integer, got "abc".`);
  const h = writeFixture(dir, 'dec.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,0\n1,1,1,1.5,4026531840,0,0,0\n`);
  await rejectsData(readTable(h), `${h} line 3, column 'userId': expected an integer, got "1.5".`);
  const e = writeFixture(dir, 'emptycell.csv', `${DATACAMP_HEADER}\n1,1,1,0,,0,0,0\n`);
  await rejectsData(readTable(e), `${e} line 2, column 'mountNamespace': expected an integer, got "".`);
  const l = writeFixture(dir, 'label.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,2\n`);
  await rejectsData(readTable(l), `${l} line 2, column 'sus_label': a label must be 0 or 1, got "2".`);
});

test('a bad value in a Kaggle file is found after quoted multi-comma fields', async () => {
  const lines = gunzipText(KAGGLE_VAL_HEAD).split('\n');
  lines[50] = lines[50].replace(/^([^,]*),(\d+),/, '$1,x9,');
  const f = writeFixture(dir, 'kval.csv', lines.join('\n'));
  await rejectsData(readTable(f), `${f} line 51, column 'processId': expected an integer, got "x9".`);
});

test('a short line names its line and field count', async () => {
  const f = writeFixture(dir, 'short.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,0\n1,1,1\n`);
  await rejectsData(readTable(f), `${f} line 3: expected 8 fields as in the header, found 3 (is the line cut short?).`);
});

test('NDJSON errors name the line and field', async () => {
  const good = '{"processId":1,"threadId":1,"parentProcessId":0,"userId":0,"mountNamespace":4026531840,"argsNum":0,"returnValue":0,"sus_label":0}';
  const f = writeFixture(dir, 'bad.ndjson', `${good}\n${good.replace('"userId":0', '"userId":"abc"')}\n`);
  await rejectsData(readTable(f), `${f} line 2, column 'userId': expected an integer, got "abc".`);
  const g = writeFixture(dir, 'missing.ndjson', `${good}\n\n${good.replace('"argsNum":0,', '')}\n`);
  await rejectsData(readTable(g), `${g} line 3: no field 'argsNum'.`);
  const h = writeFixture(dir, 'notjson.ndjson', `${good}\n{oops\n`);
  await rejectsData(readTable(h), new RegExp(`^${h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 2: not valid JSON`));
});

test('a Parquet cell that is not an integer names its row', async () => {
  const parquet = join(dir, 'bad.parquet');
  await withConnection((con) =>
    con.run(
      `COPY (SELECT * FROM (VALUES (1,1,1,'0',4026531840,0,0,0), (2,2,1,'x',4026531840,0,0,1)) t(processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue,sus_label)) TO ${sqlString(parquet)} (FORMAT parquet)`,
    ),
  );
  await rejectsData(readTable(parquet), `${parquet} row 2, column 'userId': expected an integer, got "x".`);
  const notParquet = writeFixture(dir, 'fake.parquet', 'not parquet at all');
  await rejectsData(readTable(notParquet), /fake\.parquet is not a readable Parquet file/);
});

test('a missing column names it and lists what was expected; the per-host Kaggle files are not event files', async () => {
  const f = writeFixture(dir, 'labelled_test.csv', 'processId,threadId,parentProcessId,mountNamespace,argsNum,returnValue,sus_label\n1,1,1,1,1,1,0\n');
  await rejectsData(readTable(f), new RegExp(`labelled_test\\.csv has no column 'userId'\\. Expected the DataCamp columns \\(processId, threadId, .*\\) or the Kaggle BETH columns \\(timestamp, .*\\)\\.$`));
  await rejectsData(readTable(KAGGLE_HOST_UBUNTU), /has no columns 'threadId', 'mountNamespace'\. Expected the DataCamp columns/);
});

test('empty files: zero bytes, an empty gzip, a header without events', async () => {
  const a = writeFixture(dir, 'empty.csv', '');
  await rejectsData(readTable(a), `${a} is empty: expected a header line and events.`);
  const b = writeFixture(dir, 'empty.csv.gz', '');
  await rejectsData(readTable(b), `${b} is empty: expected a header line and events.`);
  const c = writeFixture(dir, 'header-only.csv', `${DATACAMP_HEADER}\n`);
  await rejectsData(readTable(c), `${c} has a header but no events.`);
  const d = writeFixture(dir, 'empty.ndjson', '\n');
  await rejectsData(readTable(d), `${d} is empty: expected one JSON event per line.`);
});

test('a file that does not exist, a directory, an unknown extension', async () => {
  const missing = join(dir, 'nope.csv');
  await rejectsData(readTable(missing), `${missing} does not exist.`);
  await rejectsData(readTable(dir + '/x.parquet'), /does not exist\./);
  const sub = join(dir, 'folder.csv');
  (await import('node:fs')).mkdirSync(sub);
  await rejectsData(readTable(sub), /is a directory; expected an event file/);
  const txt = writeFixture(dir, 'events.txt', `${DATACAMP_HEADER}\n`);
  await rejectsData(readTable(txt), `${txt} has the unknown extension '.txt'. Expected one of .csv, .csv.gz, .parquet, .ndjson, .jsonl, .ndjson.gz, .jsonl.gz.`);
});

test('a truncated gzip (a real .csv.gz cut in half) is reported as truncated', async () => {
  const bytes = readFileSync(DATACAMP_TRAIN);
  const half = join(dir, 'half.csv.gz');
  (await import('node:fs')).writeFileSync(half, bytes.subarray(0, bytes.length >> 1));
  await rejectsData(readTable(half), `${half} is a truncated gzip file (it ends before the compressed data does). Re-copy or re-compress it.`);
  // Cut so early that even the header is incomplete.
  const tiny = join(dir, 'tiny.csv.gz');
  (await import('node:fs')).writeFileSync(tiny, bytes.subarray(0, 20));
  await rejectsData(readTable(tiny), /tiny\.csv\.gz is a truncated gzip file/);
  const notGzip = writeFixture(dir, 'plain.csv', trainLines.slice(0, 3).join('\n'));
  const renamed = join(dir, 'plain-named.csv.gz');
  (await import('node:fs')).copyFileSync(notGzip, renamed);
  await rejectsData(readTable(renamed), /plain-named\.csv\.gz is not a valid gzip file/);
});

test('CRLF line endings, a byte-order mark and quoted numbers (as in some DataCamp copies) read fine', async () => {
  const text = '\ufeff' + [DATACAMP_HEADER, '"381","7337","1","100","4026532231","5","0","1"', '1,1,0,0,4026531840,2,-2,0'].join('\r\n') + '\r\n';
  const t = await readTable(writeFixture(dir, 'crlf.csv', text));
  assert.equal(t.rows, 2);
  assert.deepEqual(Array.from(t.columns.mountNamespace), [4026532231, 4026531840]);
  assert.deepEqual(Array.from(t.columns.returnValue), [0, -2]);
  assert.deepEqual(Array.from(t.labels!), [1, 0]);
  const bad = writeFixture(dir, 'crlf-bad.csv', [DATACAMP_HEADER, '1,1,0,0,4026531840,2,-2,0', '1,1,0,0,4026531840,2,"x",0'].join('\r\n') + '\r\n');
  await rejectsData(readTable(bad), `${bad} line 3, column 'returnValue': expected an integer, got "x".`);
});

test('a row with more fields than the header names its line', async () => {
  const f = writeFixture(dir, 'long.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,0,9\n`);
  await rejectsData(readTable(f), `${f} line 2: expected 8 fields as in the header, found 9.`);
});
