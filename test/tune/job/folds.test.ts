import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ValidationError } from '../../../src/errors.js';
import { stratifiedKFold } from '../../../src/tune/job/folds.js';

test('stratified k-fold: disjoint test folds covering every row, class ratio kept, seeded', () => {
  const y = Array.from({ length: 103 }, (_, i) => (i % 10 === 0 ? 1 : 0)); // 11 positives
  const folds = stratifiedKFold(y, 5, 1);
  assert.equal(folds.length, 5);
  const seen = new Set<number>();
  for (const f of folds) {
    for (const i of f.test) {
      assert.ok(!seen.has(i));
      seen.add(i);
    }
    assert.equal(f.train.length + f.test.length, 103);
    assert.ok(!f.test.some((i) => f.train.includes(i)));
    const pos = Array.from(f.test).filter((i) => y[i] === 1).length;
    assert.ok(pos === 2 || pos === 3, `positives in a fold: ${pos}`);
    assert.ok(f.test.length === 20 || f.test.length === 21, `fold size ${f.test.length}`);
  }
  assert.equal(seen.size, 103);
  assert.deepEqual(stratifiedKFold(y, 5, 1), folds);
  assert.notDeepEqual(stratifiedKFold(y, 5, 2), folds);
});

test('stratified k-fold: too few rows of a class, or k < 2, is a ValidationError', () => {
  assert.throws(() => stratifiedKFold([0, 0, 0, 1], 2, 1), (e: unknown) => e instanceof ValidationError && /class 1 has only 1 row/.test(e.message));
  assert.throws(() => stratifiedKFold([0, 1, 0, 1], 1, 1), /folds >= 2/);
});
