// Over 10 seeds at 30 evaluations, GP-EI and TPE must reach a lower mean regret than random search
// on Branin and Hartmann-6. The regrets are printed (stderr) so a run shows the margins.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BRANIN, HARTMANN6, type BenchmarkFunction } from '../../../src/tune/benchmark-functions.js';
import { GpEiSampler } from '../../../src/tune/samplers/gp-ei.js';
import { RandomSampler } from '../../../src/tune/samplers/random.js';
import type { Sampler } from '../../../src/tune/samplers/sampler.js';
import { TpeSampler } from '../../../src/tune/samplers/tpe.js';
import { MemoryStorage } from '../../../src/tune/storage/memory.js';
import { Study } from '../../../src/tune/study.js';

const SEEDS = 10;
const EVALS = 30;

async function meanRegret(fn: BenchmarkFunction, make: () => Sampler): Promise<number> {
  let sum = 0;
  for (let seed = 0; seed < SEEDS; seed++) {
    const study = await Study.open({ name: fn.name, storage: new MemoryStorage(), sampler: make(), space: fn.space, seed });
    await study.optimize((t) => fn.evaluate(t.params), { nTrials: EVALS });
    sum += ((await study.bestTrial())?.value as number) - fn.minimum;
  }
  return sum / SEEDS;
}

for (const fn of [BRANIN, HARTMANN6]) {
  test(`${fn.name}: GP-EI and TPE beat random search on mean regret (${SEEDS} seeds x ${EVALS} evaluations)`, async (t) => {
    const random = await meanRegret(fn, () => new RandomSampler());
    const tpe = await meanRegret(fn, () => new TpeSampler());
    const gp = await meanRegret(fn, () => new GpEiSampler());
    const line = `${fn.name} mean regret: random ${random.toFixed(4)}, tpe ${tpe.toFixed(4)}, gp ${gp.toFixed(4)}`;
    t.diagnostic(line);
    console.error(line);
    assert.ok(tpe < random, `TPE ${tpe} not below random ${random}`);
    assert.ok(gp < random, `GP-EI ${gp} not below random ${random}`);
  });
}
