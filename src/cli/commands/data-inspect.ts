// `tracehound data inspect`: rows, label rate and a per-column summary for each split, with
// warnings where a split differs sharply from training. `--json` prints the CONTRACT.md document.

import type { Command } from 'commander';
import { UsageError } from '../../errors.js';
import { addDataOptions, dataOptionsFrom } from '../data-options.js';
import { loadSplits, resolveSplitFiles, SPLIT_NAMES, type SplitName } from '../../data/splits.js';
import { shiftWarnings, summarizeTable, type SplitSummary } from '../../data/summary.js';
import { FEATURE_COLUMNS, type Table } from '../../data/table.js';

export interface InspectReport {
  splits: Partial<Record<SplitName, SplitSummary>>;
  warnings: string[];
}

/** Read the splits and build the report (the core of the command, callable from tests). */
export async function inspectData(opts: ReturnType<typeof dataOptionsFrom>): Promise<InspectReport> {
  const warnings: string[] = [];
  const onWarning = (m: string): void => void warnings.push(m);
  const files = resolveSplitFiles(opts, { onWarning });
  if (files.train.length + files.validation.length + files.test.length === 0) {
    throw new UsageError('data inspect needs event files: give --data DIR, or --train/--validation/--test FILES.');
  }
  // resolveSplitFiles already reported the skipped files; load exactly the files it chose.
  const tables = await loadSplits({ train: files.train, validation: files.validation, test: files.test, label: opts.label });
  const splits: Partial<Record<SplitName, SplitSummary>> = {};
  for (const name of SPLIT_NAMES) {
    const t = tables[name];
    if (t) splits[name] = summarizeTable(t);
  }
  const train = tables.train;
  if (train && splits.train) {
    for (const name of ['validation', 'test'] as const) {
      const t: Table | null = tables[name];
      if (t) warnings.push(...shiftWarnings(name, train, splits.train, t, splits[name]!));
    }
  }
  return { splits, warnings };
}

const int = new Intl.NumberFormat('en-US');

const big = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

function fmt(x: number): string {
  if (Number.isInteger(x)) return int.format(x);
  // Large means (mountNamespace ~4e9) keep every integer digit; small ones four significant digits.
  return Math.abs(x) >= 1000 ? big.format(x) : String(Number(x.toPrecision(4)));
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => r[j].length)));
  return rows.map((r) => r.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  ')).join('\n');
}

export function formatReport(report: InspectReport): string {
  const out: string[] = [];
  for (const name of SPLIT_NAMES) {
    const s = report.splits[name];
    if (!s) continue;
    const label = s.positives === null ? 'no label column' : `${fmt(s.positives)} positives (${((s.positiveRate ?? 0) * 100).toFixed(2)}%)`;
    out.push(`${name}: ${fmt(s.rows)} rows, ${label}`);
    for (const f of s.files) out.push(`  ${f}`);
    const rows = [['  column', 'min', 'max', 'mean', 'distinct']];
    for (const c of FEATURE_COLUMNS) {
      const col = s.columns[c];
      rows.push([`  ${c}`, fmt(col.min), fmt(col.max), fmt(col.mean), fmt(col.distinct)]);
    }
    out.push(table(rows), '');
  }
  if (report.warnings.length > 0) {
    out.push('Warnings:');
    for (const w of report.warnings) out.push(`  - ${w}`);
  } else out.push('No warnings.');
  return out.join('\n') + '\n';
}

export function register(program: Command): void {
  const data = program.command('data').description('Read and summarise event files');
  const inspect = data
    .command('inspect')
    .description('Rows, label rate and per-column summary of each split; warns when a split differs sharply from training')
    .option('--json', 'print one JSON document on stdout');
  addDataOptions(inspect).action(async (opts: Record<string, unknown>) => {
    const report = await inspectData(dataOptionsFrom(opts));
    process.stdout.write(opts.json ? JSON.stringify(report, null, 2) + '\n' : formatReport(report));
  });
}
