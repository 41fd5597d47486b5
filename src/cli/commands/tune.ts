// `tracehound tune`: Bayesian hyperparameter search. `--trials N` runs N more trials in the study
// named by --study in --storage (a JSONL journal file, or postgres://...), resuming what is there.
// Progress (a bar over trials with the best value so far, or one line per trial when stderr is
// not a terminal) goes to stderr; `--json` prints { study, trials, best: { number, value, params }, ... }.

import { Option, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { UsageError } from '../../errors.js';
import { loadSplits } from '../../data/splits.js';
import { readConfigFile, resolveTrainConfig } from '../../model/config.js';
import { parseEngineName } from '../../nn/engine.js';
import { DEFAULT_SEED } from '../../random.js';
import { OBJECTIVES, parseObjective } from '../../tune/job/objective-metric.js';
import { checkTrainSpace } from '../../tune/job/train-space.js';
import { runTuneJob, type TuneSummary } from '../../tune/job/tune-job.js';
import { retrainBest } from '../../tune/job/retrain-best.js';
import { createSampler, SAMPLER_NAMES } from '../../tune/samplers/by-name.js';
import { DEFAULT_SEARCH_SPACE, loadSearchSpace } from '../../tune/search-space.js';
import { openStorage } from '../../tune/storage/open-storage.js';
import type { FrozenTrial } from '../../tune/trial.js';
import { addDataOptions, dataOptionsFrom } from '../data-options.js';

export const DEFAULT_STORAGE = 'tracehound-study.jsonl';
export const DEFAULT_STUDY = 'tracehound';
/** Epochs per trial unless --epochs or --config says otherwise (the reference tunes 10-epoch trials). */
export const DEFAULT_TUNE_EPOCHS = 10;

function intOption(flag: string, min: number): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag} must be an integer >= ${min}. Got "${v}".`);
    return n;
  };
}

function positiveNumber(flag: string): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a positive number. Got "${v}".`);
    return n;
  };
}

const fmtValue = (v: number | null | undefined): string => (v === null || v === undefined ? '-' : Number(v.toPrecision(6)).toString());

function formatParams(p: FrozenTrial['params']): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v}`)
    .join(' ');
}

/** One trial's outcome for the progress log. */
function describe(t: FrozenTrial, objective: string): string {
  if (t.state === 'COMPLETE') return `COMPLETE ${objective}=${fmtValue(t.value)}`;
  const steps = Object.keys(t.intermediate).map(Number);
  if (t.state === 'PRUNED') return `PRUNED after step ${Math.max(0, ...steps)} (validation loss ${fmtValue(t.value)})`;
  return `${t.state}${t.error ? ` (${t.error})` : ''}`;
}

export function formatSummary(s: TuneSummary): string {
  const lines = [
    `study '${s.study}' in ${s.storage}: ${s.trials} finished trials (${s.objective}, ${s.direction}, sampler ${s.sampler})`,
    `this run: ${s.run.trials} trials (${s.run.complete} complete, ${s.run.pruned} pruned, ${s.run.failed} failed) in ${s.run.seconds.toFixed(1)} s, ${s.run.secondsPerTrial.toFixed(2)} s per trial`,
  ];
  if (s.best) lines.push(`best trial #${s.best.number}: ${s.objective} = ${fmtValue(s.best.value)}`, `  ${formatParams(s.best.params)}`);
  else lines.push('no trial has completed yet');
  return lines.join('\n');
}

export function register(program: Command): void {
  const cmd = program
    .command('tune')
    .description('Bayesian hyperparameter search (GP-EI, TPE or random) over the training configuration; resumable')
    .option('--trials <n>', 'trials to run now (added to the study)', intOption('--trials', 1), 20)
    .addOption(new Option('--sampler <name>', 'how to propose trials').choices([...SAMPLER_NAMES]).default('tpe'))
    .option('--study <name>', 'study name', DEFAULT_STUDY)
    .option('--storage <path|url>', 'a JSONL journal file, or postgres://user@host:port/db', DEFAULT_STORAGE)
    .option('--space <file>', 'search space JSON (default: width, layers, dropout, activation, lr, batchSize, weightDecay, posWeight)')
    .addOption(new Option('--objective <name>', 'what to optimise on validation').choices([...OBJECTIVES]).default('logloss'))
    .option('--cv <k>', 'score by stratified k-fold cross-validation on the training data instead of validation', intOption('--cv', 2))
    .addOption(new Option('--pruner <name>', 'stop unpromising trials early (per-epoch validation loss)').choices(['median', 'none']).default('median'))
    .option('--workers <k>', 'trials at once, in worker threads', intOption('--workers', 1), 1)
    .option('--timeout <seconds>', 'start no new trial after this long', positiveNumber('--timeout'))
    .option('--epochs <n>', `epochs per trial (default ${DEFAULT_TUNE_EPOCHS}, or the --config file's)`, intOption('--epochs', 1))
    .option('--config <file>', 'base training config (JSON) the search space overrides')
    .option('--engine <name>', 'dense math engine: ts or wasm')
    .option('--seed <n>', 'seed of the sampler and of every trial', intOption('--seed', 0), DEFAULT_SEED)
    .option('--out <dir>', 'retrain the best configuration and save it as a model directory')
    .option('--json', 'print the summary as one JSON document on stdout');
  addDataOptions(cmd);
  cmd.action(async (o: Record<string, unknown>) => {
    const json = o.json === true;
    const engine = typeof o.engine === 'string' ? parseEngineName(o.engine, '--engine') : undefined;
    const space = typeof o.space === 'string' ? loadSearchSpace(o.space) : DEFAULT_SEARCH_SPACE;
    const fileConfig = typeof o.config === 'string' ? readConfigFile(o.config) : {};
    const epochs = (o.epochs as number | undefined) ?? fileConfig.epochs ?? DEFAULT_TUNE_EPOCHS;
    const base = resolveTrainConfig(fileConfig, { epochs, seed: o.seed as number });
    checkTrainSpace(space, base, typeof o.space === 'string' ? o.space : 'default search space');
    const objective = parseObjective(o.objective as string);
    const cv = (o.cv as number | undefined) ?? null;

    const dataOpts = dataOptionsFrom(o);
    if (!dataOpts.data && !dataOpts.train) throw new UsageError('tune needs training data: give --data DIR or --train FILES.');
    const splits = await loadSplits(dataOpts);
    if (!splits.train) throw new UsageError('tune found no training files (names containing "train").');
    if (cv === null && !splits.validation) {
      throw new UsageError('tune scores trials on validation data: give --validation FILES (or a *valid* file in --data), or use --cv K.');
    }

    const storage = openStorage(o.storage as string);
    const sampler = createSampler(o.sampler as string);
    const total = o.trials as number;
    const bar =
      process.stderr.isTTY
        ? new cliProgress.SingleBar(
            { format: 'tune |{bar}| {value}/{total} trials | best {best} | last {last}', stream: process.stderr, hideCursor: true },
            cliProgress.Presets.shades_classic,
          )
        : null;
    let best: number | null = null;
    const better = (a: number, b: number | null): boolean => b === null || (objective === 'logloss' ? a < b : a > b);
    bar?.start(total, 0, { best: '-', last: '-' });
    let done = 0;
    try {
      const { summary } = await runTuneJob({
        study: o.study as string, storage, sampler, space, base, data: { train: splits.train, validation: splits.validation },
        objective, cv, pruner: o.pruner as 'median' | 'none', trials: total, workers: o.workers as number,
        timeoutMs: o.timeout !== undefined ? (o.timeout as number) * 1000 : undefined, seed: o.seed as number, engine,
        onTrial: (_s, t) => {
          done++;
          if (t.state === 'COMPLETE' && t.value !== null && better(t.value, best)) best = t.value;
          if (bar) bar.update(done, { best: fmtValue(best), last: `#${t.number} ${t.state === 'COMPLETE' ? fmtValue(t.value) : t.state}` });
          else process.stderr.write(`tune: trial ${done}/${total} (#${t.number}) ${describe(t, objective)} | best ${fmtValue(best)}\n`);
        },
      });
      bar?.stop();
      let model: string | undefined;
      if (typeof o.out === 'string') {
        if (!summary.best) throw new UsageError('No trial completed, so there is no best configuration to retrain for --out.');
        model = await retrainBest({
          out: o.out, base, params: summary.best.params, train: splits.train, validation: splits.validation, engine,
          tune: { study: summary.study, trial: summary.best.number, objective, value: summary.best.value },
        });
        process.stderr.write(`tune: retrained trial #${summary.best.number} and saved it to ${model}\n`);
      }
      if (json) process.stdout.write(JSON.stringify(model ? { ...summary, model } : summary) + '\n');
      else process.stdout.write(formatSummary(summary) + (model ? `\nmodel: ${model}` : '') + '\n');
    } finally {
      bar?.stop();
      await storage.close();
    }
  });
}
