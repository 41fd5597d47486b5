import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DataFormatError } from '../../src/errors.js';
import { discoverSplitFiles, hasSplit, loadSplit, loadSplits, resolveSplitFiles, splitOfName } from '../../src/data/splits.js';
import {
  BETH_DIR,
  DATACAMP_HEADER,
  DATACAMP_TRAIN,
  DATACAMP_VAL_BLOCK,
  DATACAMP_VAL_HEAD,
  KAGGLE_HOST_UBUNTU,
  KAGGLE_TRAIN_HEAD,
  KAGGLE_VAL_HEAD,
  gunzipText,
  tempDir,
  writeFixture,
} from './helpers.js';

const beth = BETH_DIR.replace(/\/$/, '');

test('split names: train, then valid/val, then test', () => {
  assert.equal(splitOfName('labelled_training_data.csv'), 'train');
  assert.equal(splitOfName('dir/TRAIN.csv'), 'train');
  assert.equal(splitOfName('labelled_validation_data.csv'), 'validation');
  assert.equal(splitOfName('val.parquet'), 'validation');
  assert.equal(splitOfName('labelled_test.csv'), 'test');
  assert.equal(splitOfName('notes.csv'), null);
});

test('the shared BETH folder: DataCamp files win over the Kaggle heads of the same split, with warnings', () => {
  const warnings: string[] = [];
  const files = resolveSplitFiles({ data: beth }, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(files.train, [DATACAMP_TRAIN]);
  assert.deepEqual(files.validation, [DATACAMP_VAL_HEAD, DATACAMP_VAL_BLOCK]);
  assert.deepEqual(files.test, []);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /^skipped .*kaggle_labelled_training_data_head100\.csv\.gz: the train split also has DataCamp-format files/);
  assert.match(warnings[1], /kaggle_labelled_validation_data_head100\.csv\.gz: the validation split also has DataCamp-format files/);
});

test('loadSplits on the shared folder: train 12,500 rows / 273 positives, validation 12,600 / 4', async () => {
  const s = await loadSplits({ data: beth }, { onWarning: () => undefined });
  assert.equal(s.train!.rows, 12500);
  assert.equal(s.train!.labels!.reduce((a, b) => a + b, 0), 273);
  assert.equal(s.validation!.rows, 12600);
  assert.equal(s.validation!.labels!.reduce((a, b) => a + b, 0), 4);
  assert.equal(s.validation!.sources.length, 2);
  assert.equal(s.test, null);
});

test('a folder of Kaggle split files only: every split is read', async () => {
  const dir = tempDir();
  symlinkSync(KAGGLE_TRAIN_HEAD, join(dir, 'labelled_training_data.csv.gz'));
  symlinkSync(KAGGLE_VAL_HEAD, join(dir, 'labelled_validation_data.csv.gz'));
  writeFixture(dir, 'labelled_testing_data.csv', gunzipText(KAGGLE_VAL_HEAD));
  symlinkSync(KAGGLE_HOST_UBUNTU, join(dir, 'labelled_2021may-ubuntu.csv.gz')); // no split in its name
  const warnings: string[] = [];
  const s = await loadSplits({ data: dir, label: 'evil' }, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(warnings, []);
  assert.equal(s.train!.rows, 100);
  assert.equal(s.train!.labelColumn, 'evil');
  assert.equal(s.validation!.rows, 100);
  assert.equal(s.test!.rows, 100);
  assert.equal(s.test!.sources[0].format, 'kaggle');
});

test('files that are not events are skipped with a warning; damaged files are kept so reading explains them', async () => {
  const dir = tempDir();
  writeFixture(dir, 'b_train.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,1\n`);
  writeFixture(dir, 'a_train.csv', `${DATACAMP_HEADER}\n2,2,1,0,4026531840,0,0,0\n`);
  symlinkSync(KAGGLE_HOST_UBUNTU, join(dir, 'host_train.csv.gz'));
  writeFixture(dir, 'test_scores.csv', 'score,label\n0.5,1\n');
  writeFixture(dir, 'val.txt', 'not an event file extension');
  mkdirSync(join(dir, 'val_dir.csv'));
  writeFileSync(join(dir, 'val.csv.gz'), readFileSync(DATACAMP_TRAIN).subarray(0, 3000));
  const warnings: string[] = [];
  const files = discoverSplitFiles(dir, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(files.train, [join(dir, 'a_train.csv'), join(dir, 'b_train.csv')]);
  assert.deepEqual(files.validation, [join(dir, 'val.csv.gz')]);
  assert.deepEqual(files.test, []);
  assert.equal(warnings.length, 2);
  assert.match(warnings[0], /skipped .*host_train\.csv\.gz: not an event file: .* has no columns 'threadId', 'mountNamespace'\./);
  assert.match(warnings[1], /skipped .*test_scores\.csv: not an event file/);
  const s = loadSplits({ data: dir }, { onWarning: () => undefined });
  await assert.rejects(s, /val\.csv\.gz is a truncated gzip file/);
  const t = await loadSplits({ data: dir, validation: [], test: [] }, { onWarning: () => undefined });
  assert.deepEqual(Array.from(t.train!.columns.processId), [2, 1]); // name order
});

test('explicit lists win over --data, split by split', () => {
  const files = resolveSplitFiles({ data: beth, validation: ['x.csv'], test: ['t1.csv', 't2.csv'] }, { onWarning: () => undefined });
  assert.deepEqual(files.train, [DATACAMP_TRAIN]);
  assert.deepEqual(files.validation, ['x.csv']);
  assert.deepEqual(files.test, ['t1.csv', 't2.csv']);
  assert.deepEqual(resolveSplitFiles({ train: ['a.csv'] }), { train: ['a.csv'], validation: [], test: [], skipped: [] });
});

test('a directory with no split files says what it looked for and what it found', () => {
  const dir = tempDir();
  writeFixture(dir, 'events.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,0\n`);
  writeFixture(dir, 'readme.md', 'hello');
  assert.throws(
    () => discoverSplitFiles(dir),
    (e: unknown) =>
      e instanceof DataFormatError &&
      e.message === `${dir} has no split files: looked for event files whose names contain 'train', 'valid'/'val' or 'test' and end in .csv, .csv.gz, .parquet, .ndjson, .jsonl, .ndjson.gz, .jsonl.gz, but it holds events.csv, readme.md.`,
  );
  assert.throws(() => discoverSplitFiles(tempDir()), /has no split files: .* but it is empty\./);
  const onlySkipped = tempDir();
  symlinkSync(KAGGLE_HOST_UBUNTU, join(onlySkipped, 'train.csv.gz'));
  assert.throws(() => discoverSplitFiles(onlySkipped), /Skipped: train\.csv\.gz \(not an event file: .*has no columns 'threadId', 'mountNamespace'\)\.$/);
  assert.throws(() => discoverSplitFiles(join(dir, 'nope')), /The --data directory .*nope does not exist\./);
  assert.throws(() => discoverSplitFiles(join(dir, 'events.csv')), /--data expects a directory, but .*events\.csv is a file/);
});

test('a split mixing labelled and unlabelled files is an error', async () => {
  const dir = tempDir();
  const a = writeFixture(dir, 'a.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,1\n`);
  const b = writeFixture(dir, 'b.csv', 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue\n1,1,1,0,4026531840,0,0\n');
  await assert.rejects(loadSplits({ train: [a, b] }), new RegExp(`${b.replace(/[.]/g, '\\.')} has no label column, but other files of the same split do`));
  const both = await loadSplits({ test: [b, b] });
  assert.equal(both.test!.rows, 2);
  assert.equal(both.test!.labels, null);
});

test('with --label evil the Kaggle files of a mixed split are used instead', async () => {
  const warnings: string[] = [];
  const files = resolveSplitFiles({ data: beth, label: 'evil' }, { onWarning: (m) => warnings.push(m) });
  assert.deepEqual(files.train, [KAGGLE_TRAIN_HEAD]);
  assert.deepEqual(files.validation, [KAGGLE_VAL_HEAD]);
  assert.equal(warnings.length, 3);
  assert.ok(warnings.every((w) => /using those for --label evil \(DataCamp files have no 'evil' column\)\.$/.test(w)));
  const s = await loadSplits({ data: beth, label: 'evil' }, { onWarning: () => undefined });
  assert.equal(s.train!.labelColumn, 'evil');
  assert.equal(s.validation!.rows, 100);
});

test('--holdout carves the test split out of the training files, the same way for every reader', async () => {
  const quiet = { onWarning: () => undefined };
  const s = await loadSplits({ data: beth, holdout: 0.2 }, quiet);
  assert.ok(s.train && s.test && s.validation);
  // 273 positives and 12,227 negatives: the last round(20%) of each class is held out.
  assert.equal(s.test.rows, 55 + 2445);
  assert.equal(s.train.rows, 12500 - 2500);
  assert.equal(s.validation.rows, 12600);
  const testPositives = s.test.labels!.reduce((a, b) => a + b, 0);
  assert.equal(testPositives, 55);
  // loadSplit (evaluate, explain, report) gives exactly the same held-out rows as loadSplits (train, tune).
  const files = resolveSplitFiles({ data: beth }, quiet);
  const alone = await loadSplit({ data: beth, holdout: 0.2 }, 'test', files);
  assert.deepEqual(alone!.columns.processId, s.test.columns.processId);
  assert.deepEqual(alone!.labels, s.test.labels);
  assert.ok(hasSplit(files, 'test', 0.2));
  assert.ok(!hasSplit(files, 'test', undefined));
});

test('--holdout with data that already has a test split is refused', async () => {
  const dir = tempDir();
  const train = join(dir, 'train.csv');
  const tst = join(dir, 'test.csv');
  writeFileSync(train, `${DATACAMP_HEADER}\n1,1,0,0,4026531840,1,0,0\n2,2,1,0,4026531840,1,0,1\n`);
  writeFileSync(tst, `${DATACAMP_HEADER}\n1,1,0,0,4026531840,1,0,0\n`);
  await assert.rejects(loadSplits({ data: dir, holdout: 0.5 }), (e: unknown) => e instanceof DataFormatError && /already has a test split/.test(e.message));
});
