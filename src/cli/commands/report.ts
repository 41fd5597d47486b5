// `tracehound report --model DIR --out report.html`: one self-contained HTML report of a trained
// model: its manifest (data, network, threshold, training history), the metrics with the trivial
// baselines on a scored split, the charts, the explanations and, with --study/--storage, the tuning
// study. Data options are optional: without them the report shows what the manifest holds.

import { Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { loadModel } from '../../bundle/load.js';
import { UsageError } from '../../errors.js';
import { DEFAULT_EXPLAIN, explainModel, type Explanation } from '../../explain/explain.js';
import { parsePairs } from '../../explain/partial-dependence.js';
import { buildReportHtml, type ScoredSplit } from '../../report/build-report.js';
import { modelInfo } from '../../report/model-info.js';
import { hasDataOptions, loadSplitTable, splitFiles } from '../../report/split-input.js';
import { readStudy, type StudyRecord } from '../../report/study-input.js';
import { writeFileAtomic } from '../../report/write-atomic.js';
import type { SplitName } from '../../data/splits.js';
import { VERSION } from '../../version.js';
import { addDataOptions, dataOptionsFrom } from '../data-options.js';
import { intOption } from './explain.js';

export function register(program: Command): void {
  const cmd = program
    .command('report')
    .description('Write one self-contained HTML report: data, model, metrics, charts, explanations, tuning study')
    .requiredOption('--model <dir>', 'model directory written by train')
    .requiredOption('--out <file>', 'the HTML file to write');
  addDataOptions(cmd);
  cmd
    .addOption(new Option('--split <name>', 'split to score for metrics and curves (default: test, else validation, else train)').choices(['train', 'validation', 'test']))
    .option('--no-explain', 'leave out partial dependence and importance')
    .option('--grid <n>', 'partial-dependence grid points per feature', intOption('grid', 2), DEFAULT_EXPLAIN.grid)
    .option('--sample <n>', 'rows sampled for the explanations', intOption('sample', 1), DEFAULT_EXPLAIN.sample)
    .option('--repeats <n>', 'permutation-importance shuffles per feature', intOption('repeats', 0), DEFAULT_EXPLAIN.repeats)
    .option('--pairs <a:b,...>', "two-feature partial dependence heat maps ('none' for none)", 'userId:parentProcessId')
    .option('--study <name>', 'include this tuning study (needs --storage)')
    .option('--storage <spec>', 'the study journal file or postgres:// URL')
    .option('--seed <n>', 'seed of the explanation sample and shuffles', intOption('seed', 0), DEFAULT_EXPLAIN.seed)
    .option('--json', 'print { out, bytes, sections } on stdout')
    .action(async (opts: Record<string, unknown>) => {
      if (Boolean(opts.study) !== Boolean(opts.storage)) throw new UsageError('--study and --storage go together: name the study and where it is stored.');
      const data = dataOptionsFrom(opts);
      const pairs = opts.pairs === 'none' ? [] : parsePairs(opts.pairs as string);
      const model = await loadModel(opts.model as string);
      const study: StudyRecord | null = opts.study ? await readStudy(opts.storage as string, opts.study as string) : null;

      let scored: ScoredSplit | null = null;
      let explanation: Explanation | null = null;
      if (hasDataOptions(data)) {
        const files = splitFiles(data);
        const s = await loadSplitTable(data, files, opts.split as SplitName | undefined, ['test', 'validation', 'train']);
        if (s) {
          if (s.table.labels) {
            process.stderr.write(`report: scoring the ${s.split} split (${s.table.rows.toLocaleString('en-US')} rows)\n`);
            scored = { split: s.split, files: s.files, labels: s.table.labels, scores: model.scoreTable(s.table) };
          } else {
            process.stderr.write(`report: the ${s.split} split has no labels; no metrics or curves for it\n`);
          }
          if (opts.explain !== false) {
            // Explain on the training rows as `explain` does by default, else on the scored split.
            const bg = s.split === 'train' ? s : ((await loadSplitTable(data, files, undefined, ['train'])) ?? s);
            process.stderr.write(`report: explaining on the ${bg.split} split\n`);
            explanation = explainModel(model, bg.table, {
              grid: opts.grid as number,
              sample: opts.sample as number,
              repeats: opts.repeats as number,
              seed: opts.seed as number,
              ice: true,
              pairs,
            });
          }
        }
      } else if (opts.split) {
        throw new UsageError('--split needs data options (--data DIR or --train/--validation/--test FILE).');
      }

      const html = await buildReportHtml({
        model: modelInfo(model),
        scored,
        explanation,
        study,
        generatedAt: new Date().toISOString(),
        version: VERSION,
      });
      const out = resolve(opts.out as string);
      writeFileAtomic(out, html);
      const sections = [...html.matchAll(/<section id="([^"]+)"/g)].map((m) => m[1]);
      if (opts.json) process.stdout.write(JSON.stringify({ out, bytes: Buffer.byteLength(html), sections }) + '\n');
      else process.stdout.write(`Report written to ${out} (${(Buffer.byteLength(html) / 1024).toFixed(0)} KiB; open it in a browser).\n`);
    });
}
