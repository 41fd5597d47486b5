// Mean regret (best found − true minimum) of each sampler on Branin and Hartmann-6, over seeds.
// Run: npx tsx bench/sampler-regret.ts [seeds=10] [evaluations=30]
import { BRANIN, HARTMANN6, type BenchmarkFunction } from '../src/tune/benchmark-functions.js';
import { GpEiSampler } from '../src/tune/samplers/gp-ei.js';
import { RandomSampler } from '../src/tune/samplers/random.js';
import type { Sampler } from '../src/tune/samplers/sampler.js';
import { TpeSampler } from '../src/tune/samplers/tpe.js';
import { MemoryStorage } from '../src/tune/storage/memory.js';
import { Study } from '../src/tune/study.js';

const seeds = Number(process.argv[2] ?? 10);
const evaluations = Number(process.argv[3] ?? 30);

async function regret(fn: BenchmarkFunction, sampler: Sampler, seed: number): Promise<number> {
  const study = await Study.open({ name: fn.name, storage: new MemoryStorage(), sampler, space: fn.space, seed });
  await study.optimize((t) => fn.evaluate(t.params), { nTrials: evaluations });
  return ((await study.bestTrial())?.value as number) - fn.minimum;
}

const samplers: [string, () => Sampler][] = [
  ['random', () => new RandomSampler()],
  ['tpe', () => new TpeSampler()],
  ['tpe-ind', () => new TpeSampler({ multivariate: false })],
  ['gp', () => new GpEiSampler()],
];
console.log(`sampler regret: ${seeds} seeds x ${evaluations} evaluations (mean ± sd, median; lower is better)`);
for (const fn of [BRANIN, HARTMANN6]) {
  for (const [name, make] of samplers) {
    const t0 = performance.now();
    const rs: number[] = [];
    for (let s = 0; s < seeds; s++) rs.push(await regret(fn, make(), s));
    const ms = performance.now() - t0;
    const mean = rs.reduce((a, b) => a + b, 0) / rs.length;
    const sd = Math.sqrt(rs.reduce((a, b) => a + (b - mean) ** 2, 0) / rs.length);
    const med = [...rs].sort((a, b) => a - b)[Math.floor(rs.length / 2)];
    console.log(`${fn.name.padEnd(10)} ${name.padEnd(8)} mean ${mean.toFixed(4)} ± ${sd.toFixed(4)}  median ${med.toFixed(4)}  (${(ms / seeds).toFixed(0)} ms per run)`);
  }
}
