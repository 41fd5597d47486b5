import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/random.js';
import { TpeSampler, defaultGamma } from '../../../src/tune/samplers/tpe.js';
import type { FrozenTrial } from '../../../src/tune/trial.js';
import { runSamplerContract } from './sampler-contract.js';

runSamplerContract('tpe', () => new TpeSampler({ nStartupTrials: 5 }));
runSamplerContract('tpe (independent)', () => new TpeSampler({ nStartupTrials: 5, multivariate: false }));

const done = (number: number, x: number, value: number, state: FrozenTrial['state'] = 'COMPLETE'): FrozenTrial => ({
  number, state, params: { x, c: x < 0.5 ? 'lo' : 'hi' }, value, intermediate: {}, startedAt: '', finishedAt: '',
});

test('tpe: gamma follows Optuna (10% rounded up, at most 25)', () => {
  assert.equal(defaultGamma(1), 1);
  assert.equal(defaultGamma(10), 1);
  assert.equal(defaultGamma(11), 2);
  assert.equal(defaultGamma(1000), 25);
});

for (const multivariate of [true, false]) test(`tpe (multivariate ${multivariate}): proposals concentrate where the good trials were`, () => {
  // Good trials all near x = 0.2 (category lo), bad ones spread over the rest.
  const history: FrozenTrial[] = [];
  for (let i = 0; i < 40; i++) {
    const x = i < 8 ? 0.18 + 0.005 * i : 0.45 + (0.55 * (i - 8)) / 32;
    history.push(done(i, x, Math.abs(x - 0.2)));
  }
  const space = { x: { type: 'float', low: 0, high: 1, log: false }, c: { type: 'categorical', choices: ['lo', 'hi'] } } as const;
  const s = new TpeSampler({ multivariate });
  let near = 0;
  let lo = 0;
  for (let k = 0; k < 50; k++) {
    const p = s.sample(history, space, createRng(k), 'minimize');
    if ((p.x as number) < 0.42) near++;
    if (p.c === 'lo') lo++;
  }
  assert.ok(near >= 40, `${near}/50 proposals away from the bad region (x < 0.42)`);
  assert.ok(lo >= 35, `${lo}/50 proposals in the good category`);
});

test('tpe: maximize flips which trials are good', () => {
  const history: FrozenTrial[] = [];
  for (let i = 0; i < 30; i++) history.push(done(i, i / 29, i / 29)); // larger x = larger value
  const space = { x: { type: 'float', low: 0, high: 1, log: false }, c: { type: 'categorical', choices: ['lo', 'hi'] } } as const;
  const s = new TpeSampler();
  const xs = Array.from({ length: 30 }, (_, k) => s.sample(history, space, createRng(k), 'maximize').x as number);
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  assert.ok(mean > 0.7, `mean proposal ${mean} should sit at the high end when maximizing`);
});

test('tpe: before the start-up trials are done it samples at random (ignores the history)', () => {
  const history = [done(0, 0.2, 0), done(1, 0.9, 1)];
  const space = { x: { type: 'float', low: 0, high: 1, log: false }, c: { type: 'categorical', choices: ['lo', 'hi'] } } as const;
  const a = new TpeSampler().sample(history, space, createRng(5), 'minimize');
  const b = new TpeSampler().sample([], space, createRng(5), 'minimize');
  assert.deepEqual(a, b);
});
