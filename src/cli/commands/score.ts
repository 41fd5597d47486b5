// `tracehound score`: stream events (CSV or NDJSON, a file or stdin) through a saved model and write
// the same rows with `score` and `label` added, in order, to a file or stdout. Bad rows stop the run
// (exit 1, no output file) or, with --on-error skip, are skipped, listed on stderr and counted.

import { InvalidArgumentError, Option, type Command } from 'commander';
import type { DataFormatError } from '../../errors.js';
import { formatDriftWarning, type DriftWarning } from '../../score/drift.js';
import { EVENT_FORMATS, type EventFormat } from '../../score/event-codec.js';
import { loadServable } from '../../score/load-servable.js';
import { scoreStream } from '../../score/score-stream.js';
import type { OnError } from '../../score/stream-scorer.js';

/** Skipped rows listed one by one on stderr before the rest are only counted. */
const LIST_SKIPPED = 20;

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`expected a positive integer, got "${value}".`);
  }
  return n;
}

function share(value: string): number {
  const x = Number(value);
  if (!(x > 0 && x <= 1)) throw new InvalidArgumentError(`expected a share in (0, 1], got "${value}".`);
  return x;
}

interface ScoreFlags {
  model: string;
  input: string;
  output?: string;
  format?: EventFormat;
  onError: OnError;
  batchRows?: number;
  driftWindow?: number;
  driftShare?: number;
}

export function register(program: Command): void {
  program
    .command('score')
    .description('score events (CSV or NDJSON) with a saved model: the same rows with score and label added, in order')
    .requiredOption('--model <dir>', 'model directory written by `tracehound train`')
    .option('--input <file>', "events file (.csv, .ndjson/.jsonl, optionally .gz) or '-' for stdin", '-')
    .option('--output <file>', 'write here (complete or not at all); default stdout')
    .addOption(new Option('--format <format>', 'input format (output is the same); default from the file name or the first line').choices(EVENT_FORMATS))
    .addOption(new Option('--on-error <mode>', 'a bad row stops the run, or is skipped and counted').choices(['stop', 'skip']).default('stop'))
    .option('--batch-rows <n>', 'rows scored per batch (memory holds one batch)', positiveInt)
    .option('--drift-window <n>', 'rows per drift-check window', positiveInt)
    .option('--drift-share <x>', 'warn when more than this share of a window is outside the training range', share)
    .action(async (flags: ScoreFlags) => {
      const model = await loadServable(flags.model);
      const err = process.stderr;
      const warnedFeatures = new Set<string>();
      let listed = 0;
      const t0 = performance.now();
      const stats = await scoreStream(model, {
        input: flags.input,
        output: flags.output,
        format: flags.format,
        onError: flags.onError,
        batchRows: flags.batchRows,
        drift: { windowRows: flags.driftWindow, maxShare: flags.driftShare },
        onSkip: (e: DataFormatError) => {
          if (listed++ < LIST_SKIPPED) err.write(`tracehound: skipped: ${e.message}\n`);
        },
        onDrift: (w: DriftWarning) => {
          // One line per feature, the first time; the summary at the end has the totals.
          if (!warnedFeatures.has(w.feature)) err.write(`tracehound: warning: ${formatDriftWarning(w)}\n`);
          warnedFeatures.add(w.feature);
        },
      });
      const seconds = (performance.now() - t0) / 1000;
      if (stats.closedEarly) return;
      if (stats.skipped > LIST_SKIPPED) err.write(`tracehound: ... and ${stats.skipped - LIST_SKIPPED} more bad rows skipped.\n`);
      const parts = [`scored ${stats.rows} events (${stats.flagged} flagged) in ${seconds.toFixed(1)} s`];
      if (stats.skipped) parts.push(`skipped ${stats.skipped} bad rows`);
      if (stats.driftWarnings) parts.push(`${stats.driftWarnings} drift warnings (${[...warnedFeatures].join(', ')})`);
      err.write(`tracehound: ${parts.join('; ')}${flags.output ? ` → ${flags.output}` : ''}\n`);
    });
}
