import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkColumnNames, checkSaved, matrixFromColumns, readColumns } from '../../src/features/transformer.js';
import { ModelFormatError, ValidationError } from '../../src/errors.js';
import { makeTable, withoutColumn } from './make-table.js';

test('checkSaved accepts its kind at this or an older version, refuses the rest', () => {
  const doc = { kind: 'X', version: 1, params: {}, state: null };
  assert.equal(checkSaved(doc, 'X', 2), doc);
  assert.throws(() => checkSaved(null, 'X', 1), ModelFormatError);
  assert.throws(() => checkSaved({ ...doc, kind: 'Y' }, 'X', 1), /Expected a saved X, got kind "Y"/);
  assert.throws(() => checkSaved({ ...doc, version: 'one' }, 'X', 1), /no integer 'version'/);
  assert.throws(() => checkSaved({ kind: 'X', version: 1 }, 'X', 1), /no 'params'/);
});

test('readColumns names the missing column and lists what the data has', () => {
  const t = withoutColumn(makeTable(3), 'argsNum');
  assert.throws(() => readColumns('Thing', t, ['userId', 'argsNum']), (e: unknown) => {
    assert.ok(e instanceof ValidationError);
    assert.match(e.message, /This Thing needs 2 columns \(userId, argsNum\) but the data has 6 \(.*\): missing 'argsNum'/);
    return true;
  });
  const bad = { ...makeTable(3), rows: 4 };
  assert.throws(() => readColumns('Thing', bad, ['userId']), /has 3 values but the table has 4 rows/);
});

test('column names are checked; matrices are row-major', () => {
  assert.deepEqual(checkColumnNames('K', ['userId'], ['userId', 'argsNum']), ['userId']);
  assert.throws(() => checkColumnNames('K', 'userId', ['userId']), /non-empty list/);
  assert.deepEqual(matrixFromColumns(2, [[1, 2], [3, 4]]), { data: Float32Array.from([1, 3, 2, 4]), rows: 2, cols: 2 });
});
