import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BethFlags, BETH_FLAG_NAMES } from '../../src/features/beth-flags.js';
import { tableFromColumns } from '../../src/data/table.js';

test("the paper's flags, row by row", () => {
  const t = tableFromColumns({
    processId: [0, 2, 3, 7347],
    threadId: [9, 9, 9, 9],
    parentProcessId: [1, 4492, 0, 3],
    userId: [0, 999, 1000, 1001],
    mountNamespace: [4026531840, 4026532217, 4026531840, 4026531841],
    argsNum: [1, 2, 3, 4],
    returnValue: [-114, 0, 9, 0],
  });
  const f = new BethFlags().fit(t);
  const m = f.transform(t);
  assert.equal(m.cols, BETH_FLAG_NAMES.length);
  const rows = Array.from({ length: 4 }, (_, i) => [...m.data.subarray(i * m.cols, (i + 1) * m.cols)]);
  assert.deepEqual(rows, [
    [1, 1, 1, 1, 1, 0, 0],
    [1, 0, 1, 0, 0, 1, 0],
    [0, 1, 0, 1, 0, 0, 1],
    [0, 0, 0, 0, 0, 1, 0],
  ]);
});

test('outputs stay 0/1 for values far outside anything seen', () => {
  const t = tableFromColumns({
    processId: [1e12], threadId: [1], parentProcessId: [-5], userId: [1e9],
    mountNamespace: [9e15], argsNum: [1e6], returnValue: [-1e12],
  });
  const m = new BethFlags().fit(t).transform(t);
  assert.ok([...m.data].every((v) => v === 0 || v === 1));
});

test('params can be changed and bad ones are refused', () => {
  const t = tableFromColumns({
    processId: [5], threadId: [1], parentProcessId: [5], userId: [50],
    mountNamespace: [1], argsNum: [0], returnValue: [0],
  });
  const m = new BethFlags({ osProcessIds: [5], userIdBelow: 10, hostMountNamespace: 1 }).fit(t).transform(t);
  assert.deepEqual([...m.data], [1, 1, 0, 1, 0, 1, 0]);
  assert.throws(() => new BethFlags({ userIdBelow: 1.5 }).fit(t), /'userIdBelow' option must be an integer/);
});
