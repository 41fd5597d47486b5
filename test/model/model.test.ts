import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Model, SCORE_BATCH } from '../../src/model/model.js';
import { buildPipeline } from '../../src/features/presets.js';
import { Mlp } from '../../src/nn/mlp.js';
import { getKernels } from '../../src/nn/engine.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { makeTable, withoutColumn } from '../features/make-table.js';

function smallModel() {
  const train = makeTable(200, 3);
  const pipeline = buildPipeline('beth-flags+clipped').fit(train);
  const network = new Mlp({ inputs: pipeline.outputWidth(), hidden: [8], activation: 'relu', dropout: 0, init: 'kaiming' }, { seed: 4, kernels: getKernels('ts') });
  return new Model(pipeline, network, 0.5, { rule: 'fixed', value: 0.5 });
}

test('scoring in batches gives the same scores as one pass', () => {
  const model = smallModel();
  const big = makeTable(SCORE_BATCH + 1234, 9);
  const batched = model.scoreTable(big);
  const X = model.pipeline.transform(big);
  const direct = model.network.predictProba(X.data, X.rows);
  assert.equal(batched.length, big.rows);
  assert.deepEqual(batched, direct);
  assert.ok(batched.every((p) => p >= 0 && p <= 1));
});

test('scoreRows takes row-major raw events and agrees with scoreTable', () => {
  const model = smallModel();
  const t = makeTable(50, 11);
  const rows = new Float64Array(t.rows * 7);
  for (let i = 0; i < t.rows; i++) FEATURE_COLUMNS.forEach((c, j) => (rows[i * 7 + j] = t.columns[c][i]));
  assert.deepEqual(model.scoreRows(rows, t.rows), model.scoreTable(t));
  assert.throws(() => model.scoreRows(rows, t.rows + 1), /needs 7 values per row/);
  const labels = model.classify(Float32Array.from([0.2, 0.5, 0.9]));
  assert.deepEqual([...labels], [0, 1, 1]);
});

test('a table missing a column the pipeline needs is refused by name', () => {
  const model = smallModel();
  assert.throws(() => model.scoreTable(withoutColumn(makeTable(5), 'userId')), /missing 'userId'/);
});

test('a pipeline and network of different widths cannot form a model', () => {
  const pipeline = buildPipeline('beth-flags').fit(makeTable(10));
  const network = new Mlp({ inputs: 3, hidden: [], activation: 'relu', dropout: 0, init: 'kaiming' }, { kernels: getKernels('ts') });
  assert.throws(() => new Model(pipeline, network, 0.5, { rule: 'max_f1' }), /produces 7 features but the network takes 3/);
});
