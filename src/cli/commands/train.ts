// `tracehound train --out DIR`: fit the preprocessing pipeline on the training split, train the MLP
// with early stopping on validation, choose the threshold, and save the model directory.
// `--json` prints { model, epochs, bestEpoch, seconds, samplesPerSecond, validation } (CONTRACT.md),
// where validation holds the metrics at the chosen threshold (and the confusion and baselines).

import type { Command } from 'commander';
import { UsageError, ValidationError } from '../../errors.js';
import { addDataOptions, dataOptionsFrom } from '../data-options.js';
import { loadSplits } from '../../data/splits.js';
import { saveModel } from '../../bundle/save.js';
import { formatReport } from '../../metrics/format.js';
import { parseTrainFlags, readConfigFile, resolveTrainConfig, DEFAULT_TRAIN_CONFIG, type TrainFlagValues } from '../../model/config.js';
import { trainModel, type TrainedModel } from '../../model/train.js';
import { FEATURE_PRESETS } from '../../features/presets.js';
import { parseEngineName } from '../../nn/engine.js';
import type { EngineName } from '../../nn/kernels.js';
import { parseThreads } from '../../nn/parallel/index.js';

/** --engine as a usage error when wrong. */
export function engineFlag(value: unknown): EngineName | undefined {
  if (value === undefined) return undefined;
  try {
    return parseEngineName(String(value), '--engine');
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Flags are usage errors (exit 2) when wrong; the same rule in a config file is a data error (exit 1). */
function flagsOrUsage(flags: TrainFlagValues) {
  try {
    const parsed = parseTrainFlags(flags);
    resolveTrainConfig({}, parsed);
    return parsed;
  } catch (e) {
    // Name the option as it is typed on the command line (batchSize → batch-size).
    if (e instanceof ValidationError) {
      throw new UsageError(e.message.replace(/^The '([A-Za-z]+)' option/, (_, k: string) => `The '${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}' option`));
    }
    throw e;
  }
}

export function trainSummaryJson(out: string, t: TrainedModel): Record<string, unknown> {
  const v = t.validation;
  return {
    model: out,
    epochs: t.fit.epochs,
    bestEpoch: t.fit.bestEpoch,
    seconds: t.fit.seconds,
    samplesPerSecond: t.fit.samplesPerSecond,
    validation: v
      ? { rows: v.rows, positives: v.positives, threshold: v.threshold, thresholdSource: t.thresholdSource, ...v.metrics, confusion: v.confusion, baselines: v.baselines }
      : null,
  };
}

export function register(program: Command): void {
  const d = DEFAULT_TRAIN_CONFIG;
  const cmd = program
    .command('train')
    .description('Fit the preprocessing on the training split, train the MLP (early stopping on validation), choose the threshold, save the model directory.')
    .requiredOption('--out <dir>', 'model directory to write (manifest.json + weights.bin)');
  addDataOptions(cmd)
    .option('--config <file>', 'JSON file of training options (any TrainConfig keys); flags win over it')
    .option('--hidden <sizes>', `hidden layer sizes, comma-separated (default ${d.hidden.join(',')})`)
    .option('--epochs <n>', `maximum epochs (default ${d.epochs})`)
    .option('--lr <x>', `learning rate (default ${d.lr})`)
    .option('--batch-size <n>', `mini-batch size (default ${d.batchSize})`)
    .option('--dropout <p>', `dropout on hidden layers (default ${d.dropout})`)
    .option('--weight-decay <x>', `weight decay (default ${d.weightDecay})`)
    .option('--pos-weight <x>', `weight of suspicious rows in the loss, or 'auto' (default ${d.posWeight})`)
    .option('--focal-gamma <x>', `focal loss γ, 0 = plain cross-entropy (default ${d.focalGamma})`)
    .option('--activation <name>', `relu, leaky_relu, gelu or linear (default ${d.activation})`)
    .option('--optimizer <name>', `adam, adamw or sgd (default ${d.optimizer})`)
    .option('--patience <n>', `early-stopping patience in epochs (default ${d.patience})`)
    .option('--features <preset>', `preprocessing preset: ${FEATURE_PRESETS.join(', ')} (default ${d.features})`)
    .option('--threshold-rule <rule>', 'max_f1 (default), target_fpr:V, target_recall:V or fixed:V')
    .option('--seed <n>', `seed of initialisation, shuffling and dropout (default ${d.seed})`)
    .option('--engine <name>', 'kernels: ts or wasm (default: wasm when built)')
    .option('--threads <n>', 'training threads (default: the core count; a batch is split in 512-row shares, so small batches use one)')
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: Record<string, unknown>) => {
      const engine = engineFlag(opts.engine);
      const threads = parseThreads(opts.threads as string | undefined);
      const flags = flagsOrUsage(opts as TrainFlagValues);
      const file = typeof opts.config === 'string' ? readConfigFile(opts.config) : {};
      const config = resolveTrainConfig(file, flags);
      const data = dataOptionsFrom(opts);
      const splits = await loadSplits({ ...data, test: [] });
      if (!splits.train) throw new UsageError('train needs training data: give --data DIR (with a *train* file) or --train FILES.');
      if (!splits.validation) process.stderr.write('train: no validation data; early stopping watches training loss and the threshold is chosen on training rows.\n');
      const trained = await trainModel({
        train: splits.train,
        validation: splits.validation,
        config,
        engine,
        threads,
        progress: opts.progress !== false,
      });
      const out = opts.out as string;
      await saveModel(out, trained, { command: 'train' });
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(trainSummaryJson(out, trained))}\n`);
        return;
      }
      const f = trained.fit;
      process.stdout.write(
        `Saved the model to ${out}\n` +
          `  ${f.epochs} epochs (best ${f.bestEpoch}${f.stoppedEarly ? ', stopped early' : ''}), ${f.seconds.toFixed(2)} s, ` +
          `${Math.round(f.samplesPerSecond).toLocaleString('en-US')} samples/s on ${trained.engine}\n` +
          `  threshold ${trained.model.threshold.toFixed(4)} (${config.threshold.rule}, chosen on ${trained.thresholdSource} rows)\n`,
      );
      if (trained.validation) process.stdout.write(formatReport(trained.validation, 'validation'));
    });
}
