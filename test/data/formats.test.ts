import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DataFormatError } from '../../src/errors.js';
import { DATACAMP_COLUMNS, KAGGLE_COLUMNS, detectFormat, parseIntegerValue, parseLabelValue, cleanHeaderName } from '../../src/data/formats.js';

test('the DataCamp header is detected with sus_label as the label', () => {
  const d = detectFormat([...DATACAMP_COLUMNS], 'train.csv');
  assert.equal(d.format, 'datacamp');
  assert.equal(d.labelColumn, 'sus_label');
  assert.equal(d.labelIndex, 7);
  assert.equal(d.featureIndex.processId, 0);
  assert.equal(d.featureIndex.returnValue, 6);
});

test('the Kaggle header is detected; sus by default, evil on request', () => {
  const d = detectFormat([...KAGGLE_COLUMNS], 'k.csv');
  assert.equal(d.format, 'kaggle');
  assert.equal(d.labelColumn, 'sus');
  assert.equal(d.labelIndex, 14);
  assert.equal(d.featureIndex.threadId, 2);
  assert.equal(d.featureIndex.argsNum, 11);
  const e = detectFormat([...KAGGLE_COLUMNS], 'k.csv', { label: 'evil' });
  assert.equal(e.labelColumn, 'evil');
  assert.equal(e.labelIndex, 15);
});

test('columns in another order are found by name', () => {
  const cols = [...DATACAMP_COLUMNS].reverse();
  const d = detectFormat(cols, 'r.csv');
  assert.equal(d.featureIndex.processId, 7);
  assert.equal(d.labelIndex, 0);
});

test('the seven features without a label are unlabelled events', () => {
  const d = detectFormat(DATACAMP_COLUMNS.slice(0, 7), 'score.csv');
  assert.equal(d.format, 'datacamp');
  assert.equal(d.labelIndex, null);
  assert.equal(d.labelColumn, null);
});

test('a missing feature names the column and lists both expected layouts', () => {
  const header = DATACAMP_COLUMNS.filter((c) => c !== 'userId');
  assert.throws(
    () => detectFormat(header, 'labelled_test.csv'),
    (e: unknown) =>
      e instanceof DataFormatError &&
      e.message.startsWith("labelled_test.csv has no column 'userId'. Expected the DataCamp columns (processId, threadId,") &&
      e.message.includes('or the Kaggle BETH columns (timestamp, processId,') &&
      e.exitCode === 1,
  );
});

test('the per-host Kaggle layout (no threadId, no mountNamespace) is not an event file', () => {
  const host = 'timestamp,processId,parentProcessId,userId,processName,hostName,eventId,eventName,argsNum,returnValue,args,sus,evil'.split(',');
  assert.throws(() => detectFormat(host, 'host.csv'), /host\.csv has no columns 'threadId', 'mountNamespace'\./);
});

test('--label evil on a DataCamp file is an error; an explicit label missing from a Kaggle file too', () => {
  assert.throws(() => detectFormat([...DATACAMP_COLUMNS], 'd.csv', { label: 'evil' }), /DataCamp format, which has no column 'evil'/);
  const noEvil = KAGGLE_COLUMNS.filter((c) => c !== 'evil');
  assert.throws(() => detectFormat(noEvil, 'k.csv', { label: 'evil' }), /k\.csv has no column 'evil' for --label evil/);
  assert.equal(detectFormat(noEvil, 'k.csv').labelColumn, 'sus');
});

test('duplicate and empty headers are errors; BOM, blanks and quotes are cleaned', () => {
  assert.throws(() => detectFormat([...DATACAMP_COLUMNS, 'userId'], 'dup.csv'), /dup\.csv has the column 'userId' twice \(columns 4 and 9\)/);
  assert.throws(() => detectFormat([''], 'e.csv'), /e\.csv has an empty header line/);
  assert.equal(cleanHeaderName('\ufeffprocessId', true), 'processId');
  assert.equal(cleanHeaderName(' "userId" ', false), 'userId');
  const d = detectFormat(['\ufeffprocessId', ...DATACAMP_COLUMNS.slice(1)], 'bom.csv');
  assert.equal(d.featureIndex.processId, 0);
});

test('parseIntegerValue accepts integers, keeps large ones exact, and names line/column/value otherwise', () => {
  assert.equal(parseIntegerValue('4026531840', 'f', 2, 'mountNamespace'), 4026531840);
  assert.equal(parseIntegerValue('-115', 'f', 2, 'returnValue'), -115);
  assert.equal(parseIntegerValue(' 7 ', 'f', 2, 'argsNum'), 7);
  assert.throws(() => parseIntegerValue('abc', 'train.csv', 1043, 'argsNum'), {
    name: 'DataFormatError',
    message: `train.csv line 1043, column 'argsNum': expected an integer, got "abc".`,
  });
  assert.throws(() => parseIntegerValue('1.5', 'f.csv', 3, 'userId'), /f\.csv line 3, column 'userId': expected an integer, got "1\.5"\./);
  assert.throws(() => parseIntegerValue('', 'f.csv', 3, 'userId'), /got ""\./);
  assert.throws(() => parseIntegerValue('9007199254740993', 'f.csv', 3, 'userId'), /too large to hold exactly/);
});

test('parseLabelValue accepts only 0 and 1', () => {
  assert.equal(parseLabelValue('1', 'f', 2, 'sus'), 1);
  assert.equal(parseLabelValue('0', 'f', 2, 'sus'), 0);
  assert.throws(() => parseLabelValue('2', 'f.csv', 9, 'sus_label'), /f\.csv line 9, column 'sus_label': a label must be 0 or 1, got "2"\./);
});
