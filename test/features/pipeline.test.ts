import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Pipeline } from '../../src/features/pipeline.js';
import { BethFlags } from '../../src/features/beth-flags.js';
import { StandardScaler } from '../../src/features/standard-scaler.js';
import { pipelineFromJSON } from '../../src/features/registry.js';
import { makeTable } from './make-table.js';

test('a union places branch outputs side by side, row by row', () => {
  const t = makeTable(40);
  const flags = new BethFlags().fit(t);
  const scaler = new StandardScaler({ columns: ['userId', 'argsNum'] }).fit(t);
  const p = new Pipeline([new BethFlags(), new StandardScaler({ columns: ['userId', 'argsNum'] })]).fit(t);
  const a = flags.transform(t), b = scaler.transform(t), m = p.transform(t);
  assert.equal(m.cols, a.cols + b.cols);
  assert.equal(p.outputWidth(), 9);
  assert.deepEqual(p.outputNames().slice(-2), ['userId_scaled', 'argsNum_scaled']);
  for (let i = 0; i < t.rows; i++) {
    assert.deepEqual([...m.data.subarray(i * m.cols, (i + 1) * m.cols)], [
      ...a.data.subarray(i * a.cols, (i + 1) * a.cols),
      ...b.data.subarray(i * b.cols, (i + 1) * b.cols),
    ]);
  }
});

test('saves as one JSON document and loads back', () => {
  const t = makeTable(40);
  const p = new Pipeline([new BethFlags(), new StandardScaler({ columns: ['userId'] })]).fit(t);
  const text = JSON.stringify(p);
  const back = pipelineFromJSON(JSON.parse(text));
  assert.equal(JSON.stringify(back), text);
  assert.deepEqual(back.transform(t), p.transform(t));
});

test('needs at least one branch; a corrupt fitted document is refused', () => {
  assert.throws(() => new Pipeline([]), /at least one branch/);
  const doc = new Pipeline([new BethFlags()]).toJSON();
  assert.throws(() => pipelineFromJSON({ ...doc, state: { fitted: true } }), /one of its branches is not/);
  assert.throws(() => pipelineFromJSON({ ...doc, params: {} }), /params.branches/);
});
