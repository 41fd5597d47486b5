// `tracehound evaluate --model DIR`: score one split (default test) with a saved model and print
// every metric at the model's threshold beside the trivial baselines. `--json` prints
// { split, rows, positives, threshold, metrics, confusion, baselines } (CONTRACT.md) plus model and files.

import { Option, type Command } from 'commander';
import { DataFormatError, UsageError } from '../../errors.js';
import { addDataOptions, dataOptionsFrom } from '../data-options.js';
import { loadSplit, SPLIT_NAMES, type SplitName } from '../../data/splits.js';
import { loadModel } from '../../bundle/load.js';
import { classificationReport } from '../../metrics/report.js';
import { formatReport } from '../../metrics/format.js';
import { engineFlag } from './train.js';

export function register(program: Command): void {
  const cmd = program
    .command('evaluate')
    .description('Score one split with a saved model: every metric at its threshold, beside the trivial baselines.')
    .requiredOption('--model <dir>', 'model directory written by train');
  addDataOptions(cmd)
    .addOption(new Option('--split <name>', 'which split to score').choices(SPLIT_NAMES).default('test'))
    .option('--engine <name>', 'kernels: ts or wasm (default: wasm when built)')
    .option('--threads <n>', 'accepted for symmetry with train; inference runs on one thread')
    .option('--json', 'print one JSON document on stdout')
    .action(async (opts: Record<string, unknown>) => {
      const engine = engineFlag(opts.engine);
      const split = opts.split as SplitName;
      const model = await loadModel(opts.model as string, { engine });
      const data = dataOptionsFrom(opts);
      // Read only the split asked for (discovery from --data, an explicit list winning; --holdout carves test out of train).
      const table = await loadSplit(data, split);
      if (!table) throw new UsageError(`evaluate found no ${split} data: give --data DIR (with a *${split === 'validation' ? 'valid' : split}* file) or --${split} FILES.`);
      if (!table.labels) {
        throw new DataFormatError(`${table.sources.map((s) => s.path).join(', ')}: no label column, so there is nothing to evaluate against (score it with 'tracehound score' instead).`);
      }
      const scores = model.scoreTable(table);
      const report = classificationReport(table.labels, scores, model.threshold);
      if (opts.json) {
        const { rows, positives, threshold, metrics, confusion, baselines } = report;
        const doc = { split, rows, positives, threshold, metrics, confusion, baselines, model: opts.model, files: table.sources.map((s) => s.path) };
        process.stdout.write(`${JSON.stringify(doc)}\n`);
        return;
      }
      process.stdout.write(`Model ${opts.model} (id ${model.manifest.id}), ${split} split:\n`);
      process.stdout.write(formatReport(report, split));
    });
}
