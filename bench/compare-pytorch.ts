// tracehound bench against PyTorch on the same machine in the same run (issue 7): each
// configuration runs in its own process, interleaved round by round so background load hits
// both alike; medians over the rounds are printed with the ratios the issue asks for.
//   npx tsx bench/compare-pytorch.ts [--rounds 3] [--batch 1024] [--python /usr/bin/python3] [--via cli|lib]
// --via lib calls runBench (src/bench/throughput.ts, what `tracehound bench` runs) without the CLI.
// Goal: training ≥ 2× the better of PyTorch's 1- and 2-thread figures; inference ≥ PyTorch's best.

import { spawnSync } from 'node:child_process';
import { loadavg, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: '1024' },
    python: { type: 'string', default: '/usr/bin/python3' },
    via: { type: 'string', default: 'cli' },
  },
});
const rounds = Number(values.rounds);
const batch = String(Number(values.batch));

interface Figures {
  trainSamplesPerSecond: number;
  inferRowsPerSecond: number;
}

function run(cmd: string, args: string[]): Figures {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, TRACEHOUND_ENGINE: '' } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() as string) as Figures;
}

function tracehound(threads: number): Figures {
  if (values.via === 'lib') {
    const code = `const { runBench } = await import(${JSON.stringify(join(root, 'src/bench/throughput.ts'))});
      console.log(JSON.stringify(await runBench({ engine: 'wasm', threads: ${threads}, batch: ${batch}, seed: 42 })));`;
    return run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code]);
  }
  return run(process.execPath, ['bin/tracehound.js', 'bench', '--json', '--engine', 'wasm', '--threads', String(threads), '--batch', batch]);
}

const configs: Array<{ name: string; run: () => Figures }> = [
  { name: 'tracehound wasm, 1 thread', run: () => tracehound(1) },
  { name: 'tracehound wasm, 2 threads', run: () => tracehound(2) },
  { name: 'PyTorch, 1 thread', run: () => run(values.python as string, ['bench/pytorch_bench.py', '--json', '--threads', '1', '--batch', batch]) },
  { name: 'PyTorch, 2 threads', run: () => run(values.python as string, ['bench/pytorch_bench.py', '--json', '--threads', '2', '--batch', batch]) },
];

const samples = configs.map(() => [] as Figures[]);
const loadBefore = loadavg();
for (let r = 0; r < rounds; r++) {
  configs.forEach((c, i) => {
    const f = c.run();
    samples[i].push(f);
    process.stderr.write(`round ${r + 1}/${rounds} ${c.name}: train ${(f.trainSamplesPerSecond / 1e6).toFixed(3)}M/s, infer ${(f.inferRowsPerSecond / 1e6).toFixed(3)}M/s\n`);
  });
}
const loadAfter = loadavg();

const median = (a: number[]): number => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const med = samples.map((s) => ({
  train: median(s.map((f) => f.trainSamplesPerSecond)),
  infer: median(s.map((f) => f.inferRowsPerSecond)),
}));
const M = (v: number): string => `${(v / 1e6).toFixed(3)}M`;
console.log(`batch ${batch}, medians of ${rounds} rounds, ${cpus().length} cores; load average ${loadBefore[0].toFixed(2)} before, ${loadAfter[0].toFixed(2)} after`);
console.log('configuration                 train samples/s   infer rows/s');
configs.forEach((c, i) => console.log(`${c.name.padEnd(30)}${M(med[i].train).padStart(14)}${M(med[i].infer).padStart(15)}`));
const torchTrain = Math.max(med[2].train, med[3].train);
const torchInfer = Math.max(med[2].infer, med[3].infer);
const thTrain = med[1].train; // the default: threads = cores
const thInfer = Math.max(med[0].infer, med[1].infer);
console.log(`training: tracehound (2 threads) / PyTorch's better = ${(thTrain / torchTrain).toFixed(2)}× (goal ≥ 2×; 1 thread: ${(med[0].train / torchTrain).toFixed(2)}×)`);
console.log(`inference: tracehound / PyTorch's better = ${(thInfer / torchInfer).toFixed(2)}× (goal ≥ 1×)`);
// Ratios within each round (the four runs of a round are seconds apart, so they share the load).
const perRound = samples[0].map((_, r) => {
  const tt = Math.max(samples[2][r].trainSamplesPerSecond, samples[3][r].trainSamplesPerSecond);
  const ti = Math.max(samples[2][r].inferRowsPerSecond, samples[3][r].inferRowsPerSecond);
  return {
    train: samples[1][r].trainSamplesPerSecond / tt,
    infer: Math.max(samples[0][r].inferRowsPerSecond, samples[1][r].inferRowsPerSecond) / ti,
  };
});
console.log(`per-round training ratios (2 threads): ${perRound.map((x) => x.train.toFixed(2)).join(', ')}; median ${median(perRound.map((x) => x.train)).toFixed(2)}×`);
console.log(`per-round inference ratios: ${perRound.map((x) => x.infer.toFixed(2)).join(', ')}; median ${median(perRound.map((x) => x.infer)).toFixed(2)}×`);
