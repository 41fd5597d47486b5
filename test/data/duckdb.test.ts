import { test } from 'node:test';
import assert from 'node:assert/strict';
import { doubleOrNaN, queryDoubles, queryRows, sqlIdent, sqlString } from '../../src/data/duckdb.js';

test('SQL quoting doubles the quote characters', () => {
  assert.equal(sqlString("it's"), "'it''s'");
  assert.equal(sqlIdent('a"b'), '"a""b"');
});

test('queryDoubles gathers every chunk in order, exact above 2^32, NULL as NaN', async () => {
  const n = 5000; // more than two 2048-row chunks
  const r = await queryDoubles(
    `SELECT ${doubleOrNaN('i')}, ${doubleOrNaN('4026531840 + i')}, ${doubleOrNaN('CASE WHEN i % 1000 = 7 THEN NULL ELSE -i END')} FROM range(${n}) t(i) ORDER BY i`,
    3,
  );
  assert.equal(r.rows, n);
  for (let i = 0; i < n; i++) {
    assert.equal(r.columns[0][i], i);
    assert.equal(r.columns[1][i], 4026531840 + i);
    if (i % 1000 === 7) assert.ok(Number.isNaN(r.columns[2][i]));
    else assert.equal(r.columns[2][i], 0 - i || 0); // `|| 0`: DuckDB gives 0 for -0
  }
});

test('queryRows returns names and values; a SQL error rejects', async () => {
  const r = await queryRows(`SELECT 1 AS one, 'x' AS s`);
  assert.deepEqual(r.names, ['one', 's']);
  assert.deepEqual(r.rows, [[1, 'x']]);
  await assert.rejects(queryRows('SELECT * FROM no_such_table'));
});
