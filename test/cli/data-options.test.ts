import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Command, CommanderError } from 'commander';
import { addDataOptions, dataOptionsFrom, parseFileList } from '../../src/cli/data-options.js';

function parse(args: string[]) {
  const cmd = addDataOptions(new Command('x').exitOverride().configureOutput({ writeErr: () => undefined }));
  cmd.parse(args, { from: 'user' });
  return dataOptionsFrom(cmd.opts());
}

test('comma lists and repeated flags both build file lists', () => {
  assert.deepEqual(parse(['--train', 'a.csv,b.csv', '--train', 'c.csv', '--test', 't.parquet']), { train: ['a.csv', 'b.csv', 'c.csv'], test: ['t.parquet'] });
  assert.deepEqual(parse(['--data', 'd', '--validation', 'v.csv', '--label', 'evil']), { data: 'd', validation: ['v.csv'], label: 'evil' });
  assert.deepEqual(parse([]), {});
});

test('a bad --label or a blank list entry is a usage error', () => {
  assert.throws(() => parse(['--label', 'bad']), (e: unknown) => e instanceof CommanderError && e.code === 'commander.invalidArgument');
  assert.throws(() => parse(['--train', 'a.csv,,b.csv']), (e: unknown) => e instanceof CommanderError && /without empty entries/.test(e.message));
  assert.throws(() => parseFileList('a.csv,', undefined), /without empty entries, got "a\.csv,"/);
});

test('dataOptionsFrom keeps only the data fields', () => {
  assert.deepEqual(dataOptionsFrom({ json: true, seed: 3, data: 'd', label: 'sus' }), { data: 'd', label: 'sus' });
});

test('--holdout takes a fraction strictly between 0 and 1', () => {
  assert.deepEqual(parse(['--data', 'd', '--holdout', '0.2']), { data: 'd', holdout: 0.2 });
  for (const bad of ['0', '1', '-0.1', 'abc', '1.5']) {
    assert.throws(() => parse(['--holdout', bad]), (e: unknown) => e instanceof CommanderError && /fraction between 0 and 1/.test(e.message), bad);
  }
});
