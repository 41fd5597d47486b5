import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/random.js';
import { GaussianProcess, matern52 } from '../../../src/tune/gp/gaussian-process.js';

test('matern52 is 1 at distance 0 and decreasing', () => {
  assert.equal(matern52(0), 1);
  assert.ok(matern52(0.5) > matern52(1) && matern52(1) > matern52(2) && matern52(5) > 0);
});

test('on noise-free data the fitted GP interpolates, and its variance is ~0 at data, larger between', () => {
  const xs = [0, 0.2, 0.4, 0.6, 0.8, 1].map((x) => [x]);
  const f = (x: number) => Math.sin(6 * x);
  const gp = new GaussianProcess(xs, xs.map(([x]) => f(x))).fit(createRng(1));
  for (const [x] of xs) {
    const p = gp.predict([x]);
    assert.ok(Math.abs(p.mean - f(x)) < 0.02, `mean ${p.mean} vs ${f(x)}`);
  }
  const atData = gp.predict([0.4]).variance;
  const between = gp.predict([0.5]).variance;
  assert.ok(between > 5 * atData, `variance between ${between} vs at data ${atData}`);
  assert.ok(gp.hyper.noise < 1e-2, `noise ${gp.hyper.noise}`);
  // Smooth in between too.
  assert.ok(Math.abs(gp.predict([0.5]).mean - f(0.5)) < 0.15);
});

test('the fit learns per-dimension length scales: an irrelevant dimension gets a long one', () => {
  const rng = createRng(2);
  const xs: number[][] = [];
  for (let i = 0; i < 25; i++) xs.push([rng.next(), rng.next()]);
  const gp = new GaussianProcess(xs, xs.map(([a]) => Math.sin(5 * a))).fit(createRng(3));
  const [l0, l1] = gp.hyper.lengthScales;
  assert.ok(l1 > 3 * l0, `length scales ${l0}, ${l1}`);
});

test('noisy data: the fitted noise is substantial and the fit improves the marginal likelihood', () => {
  const rng = createRng(4);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < 30; i++) {
    const x = rng.next();
    xs.push([x]);
    ys.push(x + 0.3 * rng.normal());
  }
  const fixed = new GaussianProcess(xs, ys).setHyperparameters({ amplitude: 1, lengthScales: [0.05], noise: 1e-6 });
  const fitted = new GaussianProcess(xs, ys).fit(createRng(5));
  assert.ok(fitted.logMarginalLikelihood > fixed.logMarginalLikelihood);
  assert.ok(fitted.hyper.noise > 0.1, `noise ${fitted.hyper.noise}`);
});
