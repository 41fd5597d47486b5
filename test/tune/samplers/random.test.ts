import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/random.js';
import { RandomSampler, sampleRandomParams } from '../../../src/tune/samplers/random.js';
import { runSamplerContract } from './sampler-contract.js';

runSamplerContract('random', () => new RandomSampler());

test('random: log dimensions are sampled log-uniformly (about half the mass below the geometric mean)', () => {
  const rng = createRng(3);
  const space = { lr: { type: 'float', low: 1e-4, high: 1e-1, log: true } } as const;
  let below = 0;
  const n = 4000;
  for (let i = 0; i < n; i++) if ((sampleRandomParams(space, rng).lr as number) < Math.sqrt(1e-4 * 1e-1)) below++;
  assert.ok(Math.abs(below / n - 0.5) < 0.03, `fraction below the geometric mean: ${below / n}`);
});

test('random: every integer of an int range is reachable, including both ends', () => {
  const rng = createRng(4);
  const seen = new Set<number>();
  for (let i = 0; i < 500; i++) seen.add(sampleRandomParams({ k: { type: 'int', low: 1, high: 4, log: false } }, rng).k as number);
  assert.deepEqual([...seen].sort(), [1, 2, 3, 4]);
});
