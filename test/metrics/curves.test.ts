import { test } from 'node:test';
import assert from 'node:assert/strict';
import { averagePrecision, prCurve, rocAuc, rocCurve, thresholdPoints } from '../../src/metrics/curves.js';
import { createRng } from '../../src/random.js';

const close = (a: number, b: number, eps = 1e-12) => assert.ok(Math.abs(a - b) <= eps, `${a} != ${b}`);

test("scikit-learn's documented example: roc_auc 0.75, average precision 0.8333", () => {
  const y = [0, 0, 1, 1], s = [0.1, 0.4, 0.35, 0.8];
  close(rocAuc(y, s), 0.75);
  close(averagePrecision(y, s), 5 / 6);
});

test('ties are one point of the curve, as scikit-learn', () => {
  // sklearn: roc_auc_score([0,0,1,1],[0.2,0.5,0.5,0.9]) = 0.875; average_precision_score = 0.8333
  close(rocAuc([0, 0, 1, 1], [0.2, 0.5, 0.5, 0.9]), 0.875);
  close(averagePrecision([0, 0, 1, 1], [0.2, 0.5, 0.5, 0.9]), 5 / 6);
  close(rocAuc([0, 1], [0.5, 0.5]), 0.5);
  close(averagePrecision([1, 0], [0.5, 0.5]), 0.5);
  const p = thresholdPoints([0, 1, 1, 0], [0.3, 0.3, 0.7, 0.1]);
  assert.deepEqual(p, { thresholds: [0.7, 0.3, 0.1], tps: [1, 2, 2], fps: [0, 1, 2], positives: 2, negatives: 2 });
});

test('ROC and PR curves', () => {
  const roc = rocCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(roc, { fpr: [0, 0, 0.5, 0.5, 1], tpr: [0, 0.5, 0.5, 1, 1], thresholds: [Infinity, 0.8, 0.4, 0.35, 0.1] });
  const pr = prCurve([0, 0, 1, 1], [0.1, 0.4, 0.35, 0.8]);
  assert.deepEqual(pr.recall, [0.5, 0.5, 1, 1]);
  assert.deepEqual(pr.precision, [1, 0.5, 2 / 3, 0.5]);
});

test('single-class input: ROC-AUC is NaN; AP is NaN with no positives and 1 with no negatives', () => {
  assert.ok(Number.isNaN(rocAuc([0, 0, 0], [0.1, 0.2, 0.3])));
  assert.ok(Number.isNaN(rocAuc([1, 1], [0.1, 0.2])));
  assert.ok(Number.isNaN(averagePrecision([0, 0], [0.1, 0.2])));
  assert.equal(averagePrecision([1, 1], [0.1, 0.2]), 1);
  assert.ok(Number.isNaN(rocAuc([], [])));
});

test('bad input is refused', () => {
  assert.throws(() => rocAuc([0, 1], [0.5]), /2 labels and 1 scores/);
  assert.throws(() => rocAuc([0, 2], [0.5, 0.1]), /label 1 is 2/);
  assert.throws(() => averagePrecision([0, 1], [NaN, 0.1]), /score 0 is NaN/);
});

function randomCase(seed: number, n: number) {
  const rng = createRng(seed);
  const y: number[] = [], s: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = rng.next() < 0.3 ? 1 : 0;
    y.push(label);
    // Coarse scores so that many ties occur.
    s.push(Math.round((rng.next() + label * 0.4) * 20) / 20);
  }
  return { y, s };
}

test('property: ROC-AUC equals the pairwise (Mann-Whitney) probability with ties counted half', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const { y, s } = randomCase(seed, 200);
    let wins = 0, pairs = 0;
    for (let i = 0; i < y.length; i++) for (let j = 0; j < y.length; j++) {
      if (y[i] === 1 && y[j] === 0) {
        pairs++;
        wins += s[i] > s[j] ? 1 : s[i] === s[j] ? 0.5 : 0;
      }
    }
    close(rocAuc(y, s), wins / pairs, 1e-12);
  }
});

test('property: AP equals the mean over positives of the precision at their score', () => {
  for (let seed = 1; seed <= 20; seed++) {
    const { y, s } = randomCase(seed, 150);
    let sum = 0, P = 0;
    for (let i = 0; i < y.length; i++) {
      if (y[i] !== 1) continue;
      P++;
      let tp = 0, all = 0;
      for (let j = 0; j < y.length; j++) if (s[j] >= s[i]) { all++; tp += y[j]; }
      sum += tp / all;
    }
    close(averagePrecision(y, s), sum / P, 1e-12);
  }
});

test('property: AUCs are unchanged by a strictly increasing rescaling of the scores', () => {
  const maps = [(x: number) => 3 * x + 7, (x: number) => Math.exp(5 * x), (x: number) => x ** 3 - 2, (x: number) => Math.atan(x * 10)];
  for (let seed = 1; seed <= 10; seed++) {
    const { y, s } = randomCase(seed, 300);
    const auc = rocAuc(y, s), ap = averagePrecision(y, s);
    for (const f of maps) {
      const t = s.map(f);
      close(rocAuc(y, t), auc, 1e-12);
      close(averagePrecision(y, t), ap, 1e-12);
    }
    // A decreasing map turns ROC-AUC into 1 - AUC.
    close(rocAuc(y, s.map((x) => -x)), 1 - auc, 1e-12);
  }
});
