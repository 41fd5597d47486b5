import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { inspectData, formatReport } from '../../src/cli/commands/data-inspect.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'tracehound.js');
const BETH = fileURLToPath(new URL('../../../shared/data/beth', import.meta.url));
const TRAIN_GZ = join(BETH, 'datacamp_labelled_train_rows0-12499.csv.gz');
const HEADER = 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue,sus_label';

const dir = mkdtempSync(join(tmpdir(), 'tracehound-inspect-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));

/** The CLI in this process (main() is what bin/tracehound.js calls), capturing stdout and stderr. */
async function runInProcess(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const out = process.stdout.write.bind(process.stdout);
  const err = process.stderr.write.bind(process.stderr);
  process.stdout.write = ((chunk: string | Uint8Array) => ((stdout += String(chunk)), true)) as typeof process.stdout.write;
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  try {
    const code = await main(['node', 'tracehound', ...args]);
    return { code, stdout, stderr };
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

/** The real executable in a child process. */
function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

test('inspectData on the shared folder: train 12,500 rows / 273 positives, validation 12,600 / 4, shift warnings', async () => {
  const r = await inspectData({ data: BETH });
  assert.equal(r.splits.train!.rows, 12500);
  assert.equal(r.splits.train!.positives, 273);
  assert.equal(r.splits.validation!.rows, 12600);
  assert.equal(r.splits.validation!.positives, 4);
  assert.equal(r.splits.test, undefined);
  assert.equal(r.splits.train!.columns.mountNamespace.min, 4026531840);
  assert.ok(r.warnings.some((w) => /^validation: positive rate 0\.032% \(4 of 12,600\) against 2\.18% in train/.test(w)));
  assert.ok(r.warnings.some((w) => /skipped .*kaggle_labelled_training_data_head100/.test(w)));
  const text = formatReport(r);
  assert.match(text, /^train: 12,500 rows, 273 positives \(2\.18%\)$/m);
  assert.match(text, /^validation: 12,600 rows, 4 positives \(0\.03%\)$/m);
  assert.match(text, /^ {2}mountNamespace +4,026,531,840 +4,026,532,288 /m);
});

test('the CLI prints exactly the contract JSON on stdout', async () => {
  const r = await run(['data', 'inspect', '--data', BETH, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(doc), ['splits', 'warnings']);
  assert.deepEqual(Object.keys(doc.splits), ['train', 'validation']);
  const train = doc.splits.train;
  assert.deepEqual(Object.keys(train), ['files', 'rows', 'positives', 'positiveRate', 'columns']);
  assert.equal(train.rows, 12500);
  assert.equal(train.positives, 273);
  assert.equal(train.positiveRate, 273 / 12500);
  assert.deepEqual(Object.keys(train.columns.userId), ['min', 'max', 'mean', 'distinct']);
  assert.equal(doc.splits.validation.rows, 12600);
  assert.equal(doc.splits.validation.positives, 4);
  assert.ok(Array.isArray(doc.warnings) && doc.warnings.every((w: unknown) => typeof w === 'string'));
});

test('explicit files with --test: the held-out style split gets its own warnings', async () => {
  const lines = gunzipSync(readFileSync(TRAIN_GZ)).toString('utf8').trimEnd().split('\n');
  // A "test" block that is 90% positive with unseen user ids, like BETH's attacked host.
  const rows = lines.slice(1, 101).map((l, i) => {
    const c = l.split(',');
    c[3] = String(2000 + i);
    c[7] = i < 90 ? '1' : '0';
    return c.join(',');
  });
  const test_ = join(dir, 'held_out.csv');
  writeFileSync(test_, [HEADER, ...rows].join('\n') + '\n');
  const r = await inspectData({ train: [TRAIN_GZ], test: [test_] });
  assert.equal(r.splits.test!.positives, 90);
  assert.ok(r.warnings.some((w) => w.startsWith('test: positive rate 90% (90 of 100) against 2.18% in train (41× the training rate)')));
  assert.ok(r.warnings.some((w) => w.startsWith("test: 100% of 'userId' values lie outside the training range [0, 103]")));
});

/** Bad inputs: exit 1, exactly one line on stderr naming the problem, never a stack trace. */
test('bad input exits 1 with one clear line on stderr', async () => {
  const bad = join(dir, 'train.csv');
  const lines = [HEADER, ...Array.from({ length: 20 }, () => '1,1,1,0,4026531840,0,0,0')];
  lines[12] = '1,1,1,0,4026531840,abc,0,0';
  writeFileSync(bad, lines.join('\n') + '\n');
  const missing = join(dir, 'labelled_test.csv');
  writeFileSync(missing, 'processId,threadId,parentProcessId,mountNamespace,argsNum,returnValue,sus_label\n1,1,1,1,1,1,0\n');
  const empty = join(dir, 'empty.csv');
  writeFileSync(empty, '');
  const unknown = join(dir, 'events.xlsx');
  writeFileSync(unknown, 'x');
  const noSplits = mkdtempSync(join(tmpdir(), 'tracehound-nosplit-'));
  writeFileSync(join(noSplits, 'notes.csv'), 'a\n1\n');
  const truncated = join(dir, 'cut.csv.gz');
  const gz = readFileSync(TRAIN_GZ);
  writeFileSync(truncated, gz.subarray(0, gz.length >> 1));
  const cases: [string[], RegExp][] = [
    [['--train', bad], new RegExp(`^tracehound: ${bad} line 13, column 'argsNum': expected an integer, got "abc"\\.$`)],
    [['--test', missing], /^tracehound: .*labelled_test\.csv has no column 'userId'\. Expected the DataCamp columns \(processId, .*\) or the Kaggle BETH columns \(timestamp, .*\)\.$/],
    [['--train', empty], /^tracehound: .*empty\.csv is empty: expected a header line and events\.$/],
    [['--train', join(dir, 'nope.csv')], /^tracehound: .*nope\.csv does not exist\.$/],
    [['--train', unknown], /^tracehound: .*events\.xlsx has the unknown extension '\.xlsx'\. Expected one of /],
    [['--data', noSplits], /^tracehound: .* has no split files: looked for event files whose names contain 'train', .* but it holds notes\.csv\.$/],
    [['--validation', truncated], /^tracehound: .*cut\.csv\.gz is a truncated gzip file/],
  ];
  // One case through the real executable (exit status, stderr as a user sees it), the rest in-process.
  const results = [await run(['data', 'inspect', ...cases[0][0]])];
  for (const [args] of cases.slice(1)) results.push(await runInProcess(['data', 'inspect', ...args]));
  rmSync(noSplits, { recursive: true, force: true });
  results.forEach((r, i) => {
    const [args, pattern] = cases[i];
    assert.equal(r.code, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    const errLines = r.stderr.trimEnd().split('\n');
    assert.equal(errLines.length, 1, `${args.join(' ')}: ${r.stderr}`);
    assert.match(errLines[0], pattern);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
});

test('usage errors exit 2: no data arguments, a bad --label', async () => {
  const none = await runInProcess(['data', 'inspect']);
  const label = await runInProcess(['data', 'inspect', '--data', BETH, '--label', 'bad']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /data inspect needs event files: give --data DIR, or --train\/--validation\/--test FILES\./);
  assert.equal(label.code, 2);
  assert.match(label.stderr, /--label <column>' argument 'bad' is invalid/);
});
