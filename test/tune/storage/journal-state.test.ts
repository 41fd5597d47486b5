import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StudyError } from '../../../src/errors.js';
import { JournalState, type JournalOp } from '../../../src/tune/storage/journal-state.js';

const owner = { pid: 1, host: 'h' };
const ops: JournalOp[] = [
  { op: 'study', version: 1, name: 's', direction: 'minimize', createdAt: 't' },
  { op: 'trial', number: 0, params: { x: 1 }, startedAt: 't', owner },
  { op: 'report', number: 0, step: 1, value: 0.5 },
  { op: 'finish', number: 0, state: 'COMPLETE', value: 0.4, finishedAt: 't2' },
  { op: 'trial', number: 1, params: { x: 2 }, startedAt: 't', owner },
];

test('replaying ops rebuilds the trials', () => {
  const s = new JournalState();
  ops.forEach((op, i) => s.apply(op, `line ${i + 1}`));
  const all = s.all();
  assert.equal(all.length, 2);
  assert.deepEqual(all[0], { number: 0, state: 'COMPLETE', params: { x: 1 }, value: 0.4, intermediate: { 1: 0.5 }, startedAt: 't', finishedAt: 't2' });
  assert.equal(all[1].state, 'RUNNING');
  assert.deepEqual(s.running(), [{ number: 1, owner }]);
  assert.equal(s.nextNumber, 2);
});

test('inconsistent journals are refused with the line', () => {
  const s = new JournalState();
  s.apply(ops[0], 'j line 1');
  assert.throws(() => s.apply({ ...ops[1], number: 3 } as JournalOp, 'j line 2'), (e: unknown) => e instanceof StudyError && /j line 2: trial 3 out of order/.test(e.message));
  assert.throws(() => s.apply(ops[2], 'j line 3'), /j line 3: refers to trial 0, which was never created/);
  assert.throws(() => s.apply(ops[0], 'j line 4'), /a second 'study' record/);
  assert.throws(() => s.apply({ op: 'nope' } as unknown as JournalOp, 'j line 5'), /unknown journal operation "nope"/);
  assert.throws(() => new JournalState().apply({ ...ops[0], version: 99 } as JournalOp, 'j line 1'), /version 99 is newer/);
});
