import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { permutationImportance, type MetricFunctions } from '../../src/explain/importance.js';
import { sampleRows } from '../../src/explain/sample.js';
import { col, functionModel, syntheticTable } from './fake-models.js';

// Small exact reference metrics for this test (the product's metrics live in src/metrics/).
const metrics: MetricFunctions = {
  rocAuc(y, p) {
    let pos = 0, neg = 0, wins = 0;
    for (let i = 0; i < y.length; i++) if (y[i]) pos++; else neg++;
    for (let i = 0; i < y.length; i++) if (y[i]) for (let j = 0; j < y.length; j++) if (!y[j]) wins += p[i] > p[j] ? 1 : p[i] === p[j] ? 0.5 : 0;
    return wins / (pos * neg);
  },
  logLoss(y, p) {
    let s = 0;
    for (let i = 0; i < y.length; i++) s -= Math.log(Math.min(Math.max(y[i] ? p[i] : 1 - p[i], 1e-15), 1));
    return s / y.length;
  },
};

const label = (r: Record<string, number>): number => (r.parentProcessId >= 1000 ? 1 : 0);
const model = functionModel((r) => (r[col('parentProcessId')] >= 1000 ? 0.8 : 0.1) + 0.001 * r[col('argsNum')]);

test('permutation importance ranks the feature the model uses above those it ignores', () => {
  const s = sampleRows(syntheticTable(600, 11, label), FEATURE_COLUMNS, 600, 0);
  for (const metric of ['roc_auc', 'logloss'] as const) {
    const imp = permutationImportance(model, s, metrics, { metric, repeats: 4, seed: 3 });
    assert.equal(imp.features[0].name, 'parentProcessId');
    assert.ok(imp.features[0].mean > 0.2, `${metric}: ${imp.features[0].mean}`);
    const ignored = imp.features.filter((f) => !['parentProcessId', 'argsNum'].includes(f.name));
    for (const f of ignored) {
      assert.equal(f.mean, 0, `${f.name} is not used by the model`);
      assert.equal(f.std, 0);
    }
    assert.equal(imp.features.length, 7);
    assert.equal(imp.features[0].repeats.length, 4);
    if (metric === 'roc_auc') assert.equal(imp.baseline, 1);
  }
});

test('same seed gives the same importances; the spread is the std of the repeats', () => {
  const s = sampleRows(syntheticTable(400, 12, label), FEATURE_COLUMNS, 400, 0);
  const a = permutationImportance(model, s, metrics, { repeats: 3, seed: 5 });
  const b = permutationImportance(model, s, metrics, { repeats: 3, seed: 5 });
  const c = permutationImportance(model, s, metrics, { repeats: 3, seed: 6 });
  assert.deepEqual(a, b);
  assert.notDeepEqual(a.features[0].repeats, c.features[0].repeats);
  const r = a.features[0].repeats;
  const mean = r.reduce((x, y) => x + y, 0) / r.length;
  assert.ok(Math.abs(a.features[0].mean - mean) < 1e-12);
  assert.ok(Math.abs(a.features[0].std - Math.sqrt(r.reduce((x, v) => x + (v - mean) ** 2, 0) / r.length)) < 1e-12);
});

test('ROC-AUC importance on one class only is refused with the reason', () => {
  const s = sampleRows(syntheticTable(50, 13, () => 0), FEATURE_COLUMNS, 50, 0);
  assert.throws(() => permutationImportance(model, s, metrics), /needs both classes.*all benign/);
  assert.doesNotThrow(() => permutationImportance(model, s, metrics, { metric: 'logloss' }));
  assert.throws(() => permutationImportance(model, s, metrics, { repeats: 0 }), /repeats/);
});
