import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseThreshold, FALLBACK_THRESHOLD } from '../../src/metrics/threshold.js';
import { confusionCounts, f1 } from '../../src/metrics/confusion.js';
import { createRng } from '../../src/random.js';

test('max F1 picks the midpoint of the best gap', () => {
  // Positives at 0.9 and 0.6, negatives at 0.7 and 0.1: best F1 (0.8) keeps all above 0.1.
  const t = chooseThreshold([1, 1, 0, 0], [0.9, 0.6, 0.7, 0.1]);
  assert.equal(t, (0.6 + 0.1) / 2);
  // Perfect separation: the cut lies between the lowest positive and the highest negative.
  assert.equal(chooseThreshold([0, 0, 1, 1], [0.01, 0.2, 0.8, 0.97]), 0.5);
});

test('max F1 agrees with a brute-force search over the scores', () => {
  const rng = createRng(5);
  for (let round = 0; round < 10; round++) {
    const y: number[] = [], s: number[] = [];
    for (let i = 0; i < 100; i++) {
      const l = rng.next() < 0.2 ? 1 : 0;
      y.push(l);
      s.push(Math.round((rng.next() * 0.7 + l * 0.3) * 50) / 50);
    }
    let best = 0;
    for (const c of s) best = Math.max(best, f1(confusionCounts(y, s, c)));
    assert.equal(f1(confusionCounts(y, s, chooseThreshold(y, s))), best);
  }
});

test('target FPR and target recall', () => {
  const y = [0, 0, 0, 0, 1, 1, 1, 1];
  const s = [0.1, 0.2, 0.3, 0.65, 0.4, 0.6, 0.8, 0.9];
  // FPR <= 0.25 allows one false positive (0.65): the lowest such cut keeps 0.4 and drops 0.3.
  assert.equal(chooseThreshold(y, s, { rule: 'target_fpr', value: 0.25 }), (0.4 + 0.3) / 2);
  assert.equal(chooseThreshold(y, s, { rule: 'target_fpr', value: 0 }), (0.8 + 0.65) / 2);
  // Recall >= 0.75 needs 0.6 too: highest such cut.
  assert.equal(chooseThreshold(y, s, { rule: 'target_recall', value: 0.75 }), (0.6 + 0.4) / 2);
  assert.equal(chooseThreshold(y, s, { rule: 'target_recall', value: 1 }), (0.4 + 0.3) / 2);
  assert.equal(chooseThreshold(y, s, { rule: 'fixed', value: 0.42 }), 0.42);
});

test('undefined cases: no positives falls back to 0.5; bad rules are refused', () => {
  assert.equal(chooseThreshold([0, 0], [0.1, 0.9]), FALLBACK_THRESHOLD);
  assert.equal(chooseThreshold([0, 0], [0.1, 0.9], { rule: 'target_recall', value: 0.9 }), FALLBACK_THRESHOLD);
  assert.equal(chooseThreshold([1, 1], [0.3, 0.9], { rule: 'target_fpr', value: 0.1 }), 0.3);
  assert.throws(() => chooseThreshold([0, 1], [0.1, 0.9], { rule: 'target_fpr', value: 2 }), /between 0 and 1. Got 2/);
  assert.throws(() => chooseThreshold([0, 1], [0.1, 0.9], { rule: 'best' } as never), /must be one of max_f1/);
});
