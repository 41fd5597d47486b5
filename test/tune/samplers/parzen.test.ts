import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/random.js';
import { CategoricalParzen, MultivariateParzen, NumericParzen, erf, normalCdf, observationWeights } from '../../../src/tune/samplers/parzen.js';

test('erf and the normal CDF are accurate', () => {
  assert.ok(Math.abs(erf(0.5) - 0.5204998778130465) < 2e-7);
  assert.ok(Math.abs(erf(-1.5) + 0.9661051464753108) < 2e-7);
  assert.ok(Math.abs(normalCdf(1.96) - 0.9750021048517795) < 2e-7);
});

test('observation weights: flat up to 25, then a ramp for the older ones (Optuna)', () => {
  assert.deepEqual(observationWeights(3), [1, 1, 1]);
  const w = observationWeights(30);
  assert.equal(w.length, 30);
  assert.ok(w[0] < w[4] && w[4] <= 1);
  assert.deepEqual(w.slice(5), new Array(25).fill(1));
});

test('the numeric estimator is a density on [low, high] and samples inside it', () => {
  const p = new NumericParzen([0.2, 0.25, 0.9], [1, 1, 1], 0, 1);
  let integral = 0;
  const h = 1e-4;
  for (let x = h / 2; x < 1; x += h) integral += Math.exp(p.logPdf(x)) * h;
  assert.ok(Math.abs(integral - 1) < 1e-3, `integral ${integral}`);
  const rng = createRng(1);
  for (let i = 0; i < 1000; i++) {
    const x = p.sample(rng);
    assert.ok(x >= 0 && x <= 1);
  }
  assert.ok(p.logPdf(0.22) > p.logPdf(0.6));
  // Bandwidths stay within [range / min(100, n + 2), range]; the prior kernel spans the range.
  for (const s of p.sigmas) assert.ok(s >= 1 / 5 - 1e-12 && s <= 1);
  assert.equal(p.sigmas.at(-1), 1);
});

test('the categorical estimator favours observed choices but keeps every choice possible', () => {
  const c = new CategoricalParzen([2, 2, 0], [1, 1, 1], 4);
  const probs = c.probs;
  assert.ok(Math.abs(probs.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.ok(probs[2] > probs[0] && probs[0] > probs[1]);
  assert.ok(probs[1] > 0 && probs[3] > 0);
});

test('the multivariate estimator is a joint density that keeps correlations of the observations', () => {
  // Observations on the diagonal x = y: the joint density must prefer (0.2, 0.2) over (0.2, 0.8),
  // which a product of the two marginals could not tell apart.
  const xs = [0.2, 0.8];
  const h = 0.05;
  const joint = new MultivariateParzen([new NumericParzen(xs, [1, 1], 0, 1, 1, h), new NumericParzen(xs, [1, 1], 0, 1, 1, h)]);
  assert.ok(joint.logPdf([0.2, 0.2]) > joint.logPdf([0.2, 0.8]) + 1);
  let integral = 0;
  const step = 0.005;
  for (let x = step / 2; x < 1; x += step) for (let y = step / 2; y < 1; y += step) integral += Math.exp(joint.logPdf([x, y])) * step * step;
  assert.ok(Math.abs(integral - 1) < 0.01, `integral ${integral}`);
  const rng = createRng(2);
  for (let i = 0; i < 200; i++) {
    const [x, y] = joint.sample(rng);
    assert.ok(x >= 0 && x <= 1 && y >= 0 && y <= 1);
  }
});
