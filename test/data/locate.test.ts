import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCsvError, findNdjsonError, neededColumns } from '../../src/data/locate.js';
import { detectFormat, DATACAMP_COLUMNS } from '../../src/data/formats.js';
import { DATACAMP_HEADER, tempDir, writeFixture } from './helpers.js';

const dir = tempDir();
const det = detectFormat([...DATACAMP_COLUMNS], 'x');

test('neededColumns lists the seven features then the label', () => {
  assert.deepEqual(
    neededColumns(det).map((c) => c.name),
    [...DATACAMP_COLUMNS],
  );
  assert.equal(neededColumns(detectFormat(DATACAMP_COLUMNS.slice(0, 7), 'x')).length, 7);
});

test('findCsvError passes a clean file and stops at the first bad cell, counting lines inside quotes', async () => {
  const ok = writeFixture(dir, 'ok.csv', `${DATACAMP_HEADER}\n1,1,1,0,4026531840,0,0,0\n`);
  await findCsvError(ok, false, det, 8);
  const header = `${DATACAMP_HEADER},note`;
  const wide = detectFormat(header.split(','), 'x');
  const f = writeFixture(dir, 'bad.csv', `${header}\n1,1,1,0,4026531840,0,0,0,"two\nlines"\n1,1,1,0,4026531840,-,0,0,x\n`);
  await assert.rejects(findCsvError(f, false, wide, 9), { message: `${f} line 4, column 'argsNum': expected an integer, got "-".` });
});

test('findNdjsonError checks presence and integrality of each needed field', async () => {
  const keys = [...DATACAMP_COLUMNS];
  const row = (o: Record<string, unknown>) => JSON.stringify({ processId: 1, threadId: 1, parentProcessId: 0, userId: 0, mountNamespace: 4026531840, argsNum: 0, returnValue: 0, sus_label: 0, ...o });
  const ok = writeFixture(dir, 'ok.ndjson', `${row({})}\n${row({ userId: '12' })}\n`);
  await findNdjsonError(ok, false, det, keys);
  const cases: [Record<string, unknown>, string][] = [
    [{ argsNum: 1.5 }, "line 2, column 'argsNum': expected an integer, got \"1.5\"."],
    [{ userId: null }, "line 2, field 'userId': expected an integer, got null."],
    [{ sus_label: 3 }, "line 2, column 'sus_label': a label must be 0 or 1, got \"3\"."],
    [{ processId: [1] }, "line 2, field 'processId': expected an integer, got [1]."],
  ];
  for (const [o, msg] of cases) {
    const f = writeFixture(dir, 'b.ndjson', `${row({})}\n${row(o)}\n`);
    await assert.rejects(findNdjsonError(f, false, det, keys), { message: `${f} ${msg}` });
  }
});
