// The contract every Sampler passes: proposals stay inside every kind of distribution, the same
// seed gives the same 15 trials, another seed gives different ones. Each sampler's test file runs it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contains, type SearchSpace } from '../../../src/tune/distributions.js';
import type { Sampler } from '../../../src/tune/samplers/sampler.js';
import { MemoryStorage } from '../../../src/tune/storage/memory.js';
import { Study } from '../../../src/tune/study.js';
import type { FrozenTrial } from '../../../src/tune/trial.js';

/** One of each: float, log float, int, log int, categorical of strings, of numbers, a one-point float. */
export const CONTRACT_SPACE: SearchSpace = {
  f: { type: 'float', low: -2, high: 3, log: false },
  flog: { type: 'float', low: 1e-5, high: 1e-1, log: true },
  i: { type: 'int', low: -3, high: 4, log: false },
  ilog: { type: 'int', low: 1, high: 300, log: true },
  cat: { type: 'categorical', choices: ['a', 'b', 'c'] },
  catnum: { type: 'categorical', choices: [256, 512, 1024] },
  fixed: { type: 'float', low: 0.5, high: 0.5, log: false },
};

/** A cheap objective that touches every parameter, so model-based samplers have signal. */
export function contractObjective(p: Record<string, unknown>): number {
  return (
    ((p.f as number) - 1) ** 2 + Math.abs(Math.log10(p.flog as number) + 3) + ((p.i as number) - 2) ** 2 / 4 +
    Math.abs(Math.log(p.ilog as number) - 3) + (p.cat === 'b' ? 0 : 1) + (p.catnum === 512 ? 0 : 0.5)
  );
}

export async function runStudy(make: () => Sampler, seed: number, n = 15, space = CONTRACT_SPACE): Promise<FrozenTrial[]> {
  const study = await Study.open({ name: 'contract', storage: new MemoryStorage(), sampler: make(), space, seed });
  await study.optimize((t) => contractObjective(t.params), { nTrials: n });
  return study.trials();
}

export function runSamplerContract(name: string, make: () => Sampler): void {
  test(`${name}: every proposal lies inside every distribution`, async () => {
    for (const seed of [1, 2]) {
      const trials = await runStudy(make, seed, 25);
      assert.equal(trials.length, 25);
      for (const t of trials) {
        assert.equal(t.state, 'COMPLETE');
        for (const [p, d] of Object.entries(CONTRACT_SPACE)) {
          assert.ok(contains(d, t.params[p]), `trial ${t.number}: ${p}=${JSON.stringify(t.params[p])} outside ${JSON.stringify(d)}`);
        }
        assert.deepEqual(Object.keys(t.params).sort(), Object.keys(CONTRACT_SPACE).sort());
      }
    }
  });

  test(`${name}: the same seed gives the same 15 trials`, async () => {
    const a = await runStudy(make, 7);
    const b = await runStudy(make, 7);
    assert.deepEqual(a.map((t) => t.params), b.map((t) => t.params));
    assert.deepEqual(a.map((t) => t.value), b.map((t) => t.value));
  });

  test(`${name}: a different seed gives different trials`, async () => {
    const a = await runStudy(make, 7);
    const b = await runStudy(make, 8);
    const same = a.filter((t, i) => JSON.stringify(t.params) === JSON.stringify(b[i].params)).length;
    assert.ok(same < 3, `${same} of 15 trials identical across seeds`);
  });
}
