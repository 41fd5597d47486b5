// `tracehound explain --model DIR --out DIR`: partial dependence (+ ICE, + pairs) of every input
// feature and permutation importance on a seeded sample of one split (default: train), written as
// pdp.json and importance.json (CONTRACT.md) plus charts as SVG and PNG.

import { InvalidArgumentError, Option, type Command } from 'commander';
import { join } from 'node:path';
import { loadModel } from '../../bundle/load.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_EXPLAIN, explainModel, type PdpDocument } from '../../explain/explain.js';
import { parsePairs } from '../../explain/partial-dependence.js';
import { renderExplanationCharts } from '../../report/explain-charts.js';
import { hasDataOptions, loadSplitTable, splitFiles } from '../../report/split-input.js';
import { writeFileAtomic } from '../../report/write-atomic.js';
import type { SplitName } from '../../data/splits.js';
import { addDataOptions, dataOptionsFrom } from '../data-options.js';

export function intOption(name: string, min: number): (v: string) => number {
  return (v: string) => {
    const n = Number(v);
    if (!/^-?\d+$/.test(v.trim()) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`--${name} must be an integer of at least ${min}, got "${v}".`);
    }
    return n;
  };
}

/**
 * pdp.json text. With ICE it holds rows × grid values per feature, so it is written compact, with
 * the ICE probabilities at float32 precision (what the model computes) and without the centered
 * curves, which are individual[i][k] − individual[i][0].
 */
export function pdpJson(head: Record<string, unknown>, pdp: PdpDocument): string {
  const ice = pdp.features.some((f) => f.individual);
  const features = pdp.features.map(({ centered: _centered, ...f }) =>
    f.individual ? { ...f, individual: f.individual.map((curve) => curve.map((v) => Number(v.toPrecision(7)))) } : f,
  );
  return JSON.stringify({ ...head, ...pdp, features }, null, ice ? undefined : 1) + '\n';
}

export function register(program: Command): void {
  const cmd = program
    .command('explain')
    .description('Partial dependence (+ ICE) and permutation importance of a trained model, with charts')
    .requiredOption('--model <dir>', 'model directory written by train')
    .requiredOption('--out <dir>', 'directory for pdp.json, importance.json and the charts');
  addDataOptions(cmd);
  cmd
    .addOption(new Option('--split <name>', 'split to sample the background rows from').choices(['train', 'validation', 'test']).default('train'))
    .option('--grid <n>', 'grid points per feature (unique values when fewer)', intOption('grid', 2), DEFAULT_EXPLAIN.grid)
    .option('--sample <n>', 'rows sampled (seeded) from the split', intOption('sample', 1), DEFAULT_EXPLAIN.sample)
    .option('--ice', 'keep the individual (ICE) curves in pdp.json and chart ICE and centered ICE', false)
    .option('--pairs <a:b,...>', 'two-feature partial dependence for these pairs, e.g. userId:parentProcessId')
    .option('--repeats <n>', 'permutation-importance shuffles per feature (0 skips importance)', intOption('repeats', 0), DEFAULT_EXPLAIN.repeats)
    .addOption(new Option('--importance-metric <m>', 'importance as drop in ROC-AUC or rise in log loss (default roc_auc; log loss when one class only)').choices(['roc_auc', 'logloss']))
    .option('--no-charts', 'skip the SVG/PNG charts')
    .option('--seed <n>', 'seed of the row sample and the shuffles', intOption('seed', 0), DEFAULT_EXPLAIN.seed)
    .option('--json', 'print a JSON summary on stdout')
    .action(async (opts: Record<string, unknown>) => {
      const data = dataOptionsFrom(opts);
      if (!hasDataOptions(data)) throw new UsageError("explain needs data to sample rows from: give --data DIR or --train FILE (see 'tracehound explain --help').");
      const pairs = parsePairs(opts.pairs as string | undefined);
      const model = await loadModel(opts.model as string);
      const split = await loadSplitTable(data, splitFiles(data), opts.split as SplitName, []);
      if (!split) throw new UsageError('explain found no rows to sample.');
      const started = performance.now();
      process.stderr.write(`explain: ${split.split} split, ${split.table.rows.toLocaleString('en-US')} rows; sampling ${Math.min(opts.sample as number, split.table.rows).toLocaleString('en-US')}\n`);
      const ex = explainModel(model, split.table, {
        grid: opts.grid as number,
        sample: opts.sample as number,
        ice: Boolean(opts.ice),
        pairs,
        repeats: opts.repeats as number,
        importanceMetric: opts.importanceMetric as 'roc_auc' | 'logloss' | undefined,
        seed: opts.seed as number,
      });
      const out = opts.out as string;
      const files: string[] = [];
      const write = (name: string, data: string | Uint8Array): void => {
        writeFileAtomic(join(out, name), data);
        files.push(join(out, name));
      };
      write('pdp.json', pdpJson({ model: opts.model as string, split: split.split, files: split.files }, ex.pdp));
      if (ex.importance) write('importance.json', JSON.stringify({ model: opts.model, split: split.split, ...ex.importance }, null, 1) + '\n');
      else process.stderr.write('explain: no permutation importance (the split has no labels, or --repeats 0)\n');
      if (opts.charts !== false) {
        for (const c of await renderExplanationCharts(ex)) {
          write(`${c.name}.svg`, c.svg);
          write(`${c.name}.png`, c.png);
        }
      }
      const seconds = (performance.now() - started) / 1000;
      const ranked = [...ex.pdp.features].sort((a, b) => b.range - a.range);
      if (opts.json) {
        process.stdout.write(
          JSON.stringify({
            out,
            split: split.split,
            rows: ex.pdp.rows,
            seconds,
            pdpSeconds: ex.pdp.seconds,
            ranges: Object.fromEntries(ranked.map((f) => [f.name, f.range])),
            importance: ex.importance ? Object.fromEntries(ex.importance.features.map((f) => [f.name, { mean: f.mean, std: f.std }])) : null,
            files,
          }) + '\n',
        );
      } else {
        process.stdout.write(`Partial dependence over ${ex.pdp.rows.toLocaleString('en-US')} rows (${ex.pdp.seconds.toFixed(2)} s); range of the mean probability:\n`);
        for (const f of ranked) process.stdout.write(`  ${f.name.padEnd(16)} ${f.range.toFixed(4)}\n`);
        if (ex.importance) {
          process.stdout.write(`Permutation importance (${ex.importance.metric === 'roc_auc' ? 'drop in ROC-AUC' : 'rise in log loss'}, ${ex.importance.repeatsPerFeature} shuffles):\n`);
          for (const f of ex.importance.features) process.stdout.write(`  ${f.name.padEnd(16)} ${f.mean.toFixed(4)} ± ${f.std.toFixed(4)}\n`);
        }
        process.stdout.write(`Wrote ${files.length} files to ${out} in ${seconds.toFixed(1)} s.\n`);
      }
    });
}
