import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StudyError } from '../../../src/errors.js';
import { MemoryStorage } from '../../../src/tune/storage/memory.js';

test('memory storage: numbers trials, keeps the op log, refuses trials before a study is open', async () => {
  const s = new MemoryStorage();
  await assert.rejects(s.createTrial(() => ({})), StudyError);
  await s.openStudy('a', 'minimize');
  const t0 = await s.createTrial((n, history) => ({ n, seen: history.length }));
  const t1 = await s.createTrial((n, history) => ({ n, seen: history.length }));
  assert.deepEqual([t0.params, t1.params], [{ n: 0, seen: 0 }, { n: 1, seen: 1 }]);
  await s.finishTrial(0, 'COMPLETE', 3);
  assert.deepEqual(s.ops.map((o) => o.op), ['study', 'trial', 'trial', 'finish']);
  // Concurrent creations get distinct numbers.
  const many = await Promise.all([0, 1, 2, 3].map(() => s.createTrial(() => ({}))));
  assert.deepEqual(many.map((t) => t.number).sort(), [2, 3, 4, 5]);
});
