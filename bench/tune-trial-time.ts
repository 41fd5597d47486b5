// Time per tuning trial on the real BETH subsets: 20 trials of 10 epochs over the default search
// space (the reference: Optuna + PyTorch tunes 20 trials of 10 epochs on these files in about
// 7–12 s here, i.e. 0.35–0.6 s per trial).
// Run: npx tsx bench/tune-trial-time.ts [trials=20] [engine=wasm] [only runs whose label contains this]
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { loadSplits } from '../src/data/splits.js';
import { resolveTrainConfig } from '../src/model/config.js';
import { parseEngineName, defaultEngineName } from '../src/nn/engine.js';
import { runTuneJob } from '../src/tune/job/tune-job.js';
import { createSampler } from '../src/tune/samplers/by-name.js';
import { DEFAULT_SEARCH_SPACE } from '../src/tune/search-space.js';
import type { SearchSpace } from '../src/tune/distributions.js';
import { MemoryStorage } from '../src/tune/storage/memory.js';

const trials = Number(process.argv[2] ?? 20);
const engine = process.argv[3] ? parseEngineName(process.argv[3]) : defaultEngineName();
const beth = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'beth');
const splits = await loadSplits({ data: beth }, { onWarning: () => undefined });
const data = { train: splits.train!, validation: splits.validation };
const base = resolveTrainConfig({}, { epochs: 10 });

console.log(`tune trial time: ${trials} trials x 10 epochs, train ${data.train.rows} rows, validation ${data.validation?.rows} rows, engine ${engine}`);
console.log(`load average at start: ${loadavg().map((v) => v.toFixed(1)).join(' ')} (2 cores)`);
// The reference network (7→64→32→1, the base config's hidden) with only the optimiser settings
// searched: the closest like-for-like with the PyTorch reference's trial cost.
const REFERENCE_NET_SPACE: SearchSpace = {
  lr: DEFAULT_SEARCH_SPACE.lr,
  weightDecay: DEFAULT_SEARCH_SPACE.weightDecay,
  dropout: DEFAULT_SEARCH_SPACE.dropout,
};
const runs: [string, 'median' | 'none', number, string, SearchSpace][] = [
  ['tpe', 'none', 1, 'default space', DEFAULT_SEARCH_SPACE],
  ['tpe', 'median', 1, 'default space', DEFAULT_SEARCH_SPACE],
  ['tpe', 'none', 2, 'default space', DEFAULT_SEARCH_SPACE],
  ['gp', 'none', 1, 'default space', DEFAULT_SEARCH_SPACE],
  ['tpe', 'none', 1, '64-32 network', REFERENCE_NET_SPACE],
];
const only = process.argv[4];
for (const [sampler, pruner, workers, spaceName, space] of runs) {
  if (only && !`${spaceName} ${sampler} ${pruner} workers ${workers}`.includes(only)) continue;
  const cpu0 = process.cpuUsage();
  const { summary, trials: all } = await runTuneJob({
    study: 'bench', storage: new MemoryStorage(), sampler: createSampler(sampler), space, base, data,
    objective: 'logloss', cv: null, pruner, trials, workers, seed: 42, engine,
  });
  const r = summary.run;
  const cpu = process.cpuUsage(cpu0);
  const cpuPerTrial = (cpu.user + cpu.system) / 1e6 / r.trials;
  // Work per trial grows with the network: report the mean hidden units and epochs actually run.
  const units = all.map((t) =>
    t.params.width !== undefined ? (t.params.width as number) * (t.params.layers as number) : base.hidden.reduce((a, b) => a + b, 0));
  const epochs = all.map((t) => Object.keys(t.intermediate).length);
  const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
  console.log(
    `${spaceName}, ${sampler.padEnd(4)} pruner ${pruner.padEnd(6)} workers ${workers}: ${r.seconds.toFixed(1)} s wall, ${r.secondsPerTrial.toFixed(2)} s/trial wall, ` +
      `${cpuPerTrial.toFixed(2)} CPU-s/trial (${r.complete} complete, ${r.pruned} pruned; mean ${mean(epochs).toFixed(1)} epochs, ` +
      `${mean(units).toFixed(0)} hidden units), best logloss ${summary.best?.value.toFixed(5)}  [reference: 7-12 s for 20 trials, 0.35-0.6 s/trial]`,
  );
}
console.log(`load average at end: ${loadavg().map((v) => v.toFixed(1)).join(' ')}`);
