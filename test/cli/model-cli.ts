// Runs the real `tracehound` command (bin/tracehound.js) in a child process.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'tracehound.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, TRACEHOUND_ENGINE: 'ts' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Writes a DataCamp-format CSV of a table's rows (a test fixture made at run time). */
import { writeFileSync } from 'node:fs';
import { FEATURE_COLUMNS, type Table } from '../../src/data/table.js';

export function writeDatacampCsv(path: string, t: Table, opts: { label?: boolean; drop?: string } = {}): void {
  const cols = FEATURE_COLUMNS.filter((c) => c !== opts.drop);
  const label = opts.label !== false && t.labels !== null;
  const lines = [[...cols, ...(label ? ['sus_label'] : [])].join(',')];
  for (let i = 0; i < t.rows; i++) {
    lines.push([...cols.map((c) => t.columns[c][i]), ...(label ? [t.labels![i]] : [])].join(','));
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}
