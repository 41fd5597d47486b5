// `tracehound bench`: training and inference throughput of the default network on synthetic rows
// (see src/bench/throughput.ts for exactly what is measured). --json prints
// { engine, threads, batch, trainSamplesPerSecond, inferRowsPerSecond }.

import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { runBench, BENCH_TRAIN_ROWS, BENCH_INFER_ROWS } from '../../bench/throughput.js';
import { defaultEngineName, parseEngineName } from '../../nn/engine.js';
import { parseThreads } from '../../nn/parallel/index.js';

interface BenchFlags {
  json?: boolean;
  engine?: string;
  threads?: string;
  batch: string;
  seed: string;
}

function positiveInt(value: string, flag: string, max = Number.MAX_SAFE_INTEGER): number {
  const n = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`The '${flag}' option must be an integer from 1 to ${max}. Got '${value}'.`);
  }
  return n;
}

function engineFrom(value: string | undefined): ReturnType<typeof defaultEngineName> {
  if (value === undefined) return defaultEngineName();
  try {
    return parseEngineName(value, '--engine');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

export function register(program: Command): void {
  program
    .command('bench')
    .description(
      `Training and inference throughput of the default network (7→64→32→1, ReLU, Adam): one shuffled epoch over ` +
        `${BENCH_TRAIN_ROWS.toLocaleString('en')} synthetic rows after a 5-batch warm-up, and inference of ` +
        `${BENCH_INFER_ROWS.toLocaleString('en')} rows (mean of 5 after a warm-up).`,
    )
    .option('--json', 'print one JSON document { engine, threads, batch, trainSamplesPerSecond, inferRowsPerSecond }')
    .option('--engine <name>', 'kernels: wasm (WebAssembly SIMD) or ts (plain TypeScript); default wasm when built, or env TRACEHOUND_ENGINE')
    .option('--threads <n>', 'training threads (default: the number of cores)')
    .option('--batch <n>', 'mini-batch size', '1024')
    .option('--seed <n>', 'seed of the synthetic data, initial weights and shuffling', '42')
    .action(async (flags: BenchFlags) => {
      const engine = engineFrom(flags.engine);
      const threads = flags.threads === undefined ? parseThreads(undefined) : positiveInt(flags.threads, '--threads', 64);
      const batch = positiveInt(flags.batch, '--batch', BENCH_TRAIN_ROWS);
      if (!/^-?\d+$/.test(flags.seed.trim()) || !Number.isSafeInteger(Number(flags.seed))) {
        throw new UsageError(`The '--seed' option must be an integer. Got '${flags.seed}'.`);
      }
      if (!flags.json) process.stderr.write(`bench: engine ${engine}, ${threads} thread(s), batch ${batch} …\n`);
      const result = await runBench({ engine, threads, batch, seed: Number(flags.seed) });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(result)}\n`);
        return;
      }
      const m = (v: number): string => `${(v / 1e6).toFixed(2)}M`;
      process.stdout.write(
        `engine   ${result.engine}\nthreads  ${result.threads}\nbatch    ${result.batch}\n` +
          `training   ${m(result.trainSamplesPerSecond)} samples/s\ninference  ${m(result.inferRowsPerSecond)} rows/s\n`,
      );
    });
}
