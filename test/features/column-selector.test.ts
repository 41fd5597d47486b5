import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ColumnSelector } from '../../src/features/column-selector.js';
import { makeTable } from './make-table.js';

test('passes the chosen columns through in the chosen order', () => {
  const t = makeTable(5);
  const m = new ColumnSelector({ columns: ['argsNum', 'userId'] }).fit(t).transform(t);
  assert.equal(m.cols, 2);
  for (let i = 0; i < 5; i++) {
    assert.equal(m.data[i * 2], t.columns.argsNum[i]);
    assert.equal(m.data[i * 2 + 1], t.columns.userId[i]);
  }
});

test('refuses unknown or repeated columns', () => {
  const t = makeTable(5);
  assert.throws(() => new ColumnSelector({ columns: ['eventId'] }).fit(t), /unknown columns 'eventId'/);
  assert.throws(() => new ColumnSelector({ columns: ['userId', 'userId'] }).fit(t), /twice/);
  assert.throws(() => new ColumnSelector({ columns: [] }).fit(t), /non-empty list/);
});
