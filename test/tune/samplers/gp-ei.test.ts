import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '../../../src/random.js';
import { GpEiSampler, expectedImprovement } from '../../../src/tune/samplers/gp-ei.js';
import type { FrozenTrial } from '../../../src/tune/trial.js';
import { runSamplerContract } from './sampler-contract.js';

runSamplerContract('gp', () => new GpEiSampler({ nStartupTrials: 5, nCandidates: 300 }));

test('gp: expected improvement matches the closed form and grows with the variance', () => {
  // mean = best: EI = σ·φ(0) = σ/√(2π).
  assert.ok(Math.abs(expectedImprovement(1, 4, 1, 0) - 2 / Math.sqrt(2 * Math.PI)) < 1e-12);
  // No variance: EI is the plain improvement.
  assert.equal(expectedImprovement(0.5, 0, 1, 0), 0.5);
  assert.equal(expectedImprovement(1.5, 0, 1, 0), 0);
  assert.ok(expectedImprovement(2, 1, 1, 0) < expectedImprovement(2, 4, 1, 0));
  // A numerical check against integrating max(best - y, 0) over N(mean, var).
  const [m, v, best] = [0.3, 0.49, 0.5];
  let integral = 0;
  const sd = Math.sqrt(v);
  for (let y = m - 10 * sd; y < m + 10 * sd; y += 1e-4) {
    const pdf = Math.exp(-0.5 * ((y - m) / sd) ** 2) / (sd * Math.sqrt(2 * Math.PI));
    integral += Math.max(best - y, 0) * pdf * 1e-4;
  }
  assert.ok(Math.abs(integral - expectedImprovement(m, v, best, 0)) < 1e-4);
});

test('gp: on a smooth 1-D bowl it proposes near the minimum once it has data', () => {
  const space = { x: { type: 'float', low: -3, high: 3, log: false } } as const;
  const xs = [-2.8, -1.5, -0.3, 0.9, 2.1, 2.9];
  const history: FrozenTrial[] = xs.map((x, number) => ({
    number, state: 'COMPLETE', params: { x }, value: (x - 0.6) ** 2, intermediate: {}, startedAt: '', finishedAt: '',
  }));
  const p = new GpEiSampler({ nStartupTrials: 3 }).sample(history, space, createRng(1), 'minimize');
  assert.ok(Math.abs((p.x as number) - 0.6) < 0.5, `proposed x=${p.x}`);
});

test('gp: pruned trials count towards the start-up and steer the GP away from their region', () => {
  const space = { x: { type: 'float', low: 0, high: 1, log: false } } as const;
  const mk = (number: number, x: number, state: FrozenTrial['state'], value: number | null): FrozenTrial => ({
    number, state, params: { x }, value, intermediate: {}, startedAt: '', finishedAt: '',
  });
  // Three completed trials on the left, five pruned ones on the right.
  const history = [mk(0, 0.1, 'COMPLETE', 1), mk(1, 0.2, 'COMPLETE', 0.5), mk(2, 0.3, 'COMPLETE', 0.8)];
  for (let i = 0; i < 5; i++) history.push(mk(3 + i, 0.6 + 0.08 * i, 'PRUNED', 0.1));
  const s = new GpEiSampler({ nStartupTrials: 8 });
  const xs = [1, 2, 3, 4, 5].map((seed) => s.sample(history, space, createRng(seed), 'minimize').x as number);
  // Not random any more (8 finished trials), and not in the pruned region.
  assert.ok(xs.every((x) => x < 0.55), `proposals ${xs}`);
});
