import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../src/errors.js';
import { hasDataOptions, loadSplitTable, splitFiles } from '../../src/report/split-input.js';

const HEADER = 'processId,threadId,parentProcessId,userId,mountNamespace,argsNum,returnValue,sus_label\n';
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tracehound-split-'));
  writeFileSync(join(dir, 'train.csv'), HEADER + '1,1,0,0,4026531840,1,0,0\n2,2,1,0,4026531840,2,0,1\n');
  writeFileSync(join(dir, 'test.csv'), HEADER + '3,3,0,1000,4026531840,1,-2,1\n');
  return dir;
}

test('loads the named split, or the first of the fallbacks that has files', async () => {
  const dir = dataDir();
  const o = { data: dir };
  const files = splitFiles(o);
  const train = await loadSplitTable(o, files, 'train', []);
  assert.equal(train?.split, 'train');
  assert.equal(train?.table.rows, 2);
  const first = await loadSplitTable(o, files, undefined, ['validation', 'test', 'train']);
  assert.equal(first?.split, 'test');
  assert.equal(first?.table.columns.userId[0], 1000);
  assert.equal(await loadSplitTable(o, files, undefined, ['validation']), null);
});

test('a split that is not in the data options is a usage error naming the fix', async () => {
  const o = { data: dataDir() };
  await assert.rejects(loadSplitTable(o, splitFiles(o), 'validation', []), (e) => e instanceof UsageError && /no validation split.*--validation FILE/.test(e.message));
  assert.equal(hasDataOptions({}), false);
  assert.equal(hasDataOptions({ train: ['a.csv'] }), true);
});

test('a held-out test split names the training file and the part of it that was held out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracehound-split-'));
  const rows = Array.from({ length: 20 }, (_, i) => `${i},${i},1,0,4026531840,1,0,${i % 2}`).join('\n');
  writeFileSync(join(dir, 'train.csv'), HEADER + rows + '\n');
  const o = { data: dir, holdout: 0.2 };
  const s = await loadSplitTable(o, splitFiles(o), undefined, ['test', 'validation', 'train']);
  assert.equal(s?.split, 'test');
  assert.equal(s?.table.rows, 4, 'the last 20% of each class: 2 of 10 each');
  assert.equal(s?.files.length, 1);
  assert.match(s!.files[0], /train\.csv \(the last 20% of each class, held out by --holdout 0\.2\)$/);
});
