import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitCsvLine } from '../../src/score/csv-line.js';

test('plain and quoted fields, commas and doubled quotes inside quotes', () => {
  assert.deepEqual(splitCsvLine('1,2,3'), ['1', '2', '3']);
  assert.deepEqual(splitCsvLine('a,"b,c",d'), ['a', 'b,c', 'd']);
  assert.deepEqual(splitCsvLine('"[1, 2]","say ""hi""",'), ['[1, 2]', 'say "hi"', '']);
  assert.deepEqual(splitCsvLine('"x"'), ['x']);
  assert.deepEqual(splitCsvLine(',,'), ['', '', '']);
});

test('an unterminated quote is reported (null), not joined with the next line', () => {
  assert.equal(splitCsvLine('a,"b,c'), null);
});
