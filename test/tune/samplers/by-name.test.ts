import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UsageError } from '../../../src/errors.js';
import { createSampler, SAMPLER_NAMES } from '../../../src/tune/samplers/by-name.js';

test('every sampler name builds the sampler of that name; others are a usage error', () => {
  for (const n of SAMPLER_NAMES) assert.equal(createSampler(n).name, n);
  assert.throws(() => createSampler('cmaes'), UsageError);
});
