// `tracehound train` on a 1.1M-row file for 20 epochs, beside PyTorch on the same file (issue 7):
// wall time and peak RSS of each whole process, measured by /usr/bin/time.
// The file is the real BETH training block (DataCamp rows 0–12,499) resampled with replacement to
// 1.1M rows by a seeded generator, written to os.tmpdir() (never into the repository).
//   npx tsx bench/train-1m.ts [--rows 1100000] [--epochs 20] [--batch 1024] [--threads 2] [--torch-threads 1,2]
// Both sides: 7→64→32→1 ReLU, Adam 1e-3, BCE-with-logits, the given batch, no early stop.
// tracehound also fits its preprocessing, chooses a threshold and saves the model; PyTorch standard-
// scales, trains and scores every row once (bench/train_1m_torch.py).

import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { createRng } from '../src/random.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, '..', 'shared', 'data', 'beth', 'datacamp_labelled_train_rows0-12499.csv.gz');
const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1100000' },
    epochs: { type: 'string', default: '20' },
    batch: { type: 'string', default: '1024' },
    threads: { type: 'string', default: '1,2' },
    'torch-threads': { type: 'string', default: '1' },
    python: { type: 'string', default: '/usr/bin/python3' },
    seed: { type: 'string', default: '42' },
  },
});
const rows = Number(values.rows);
const epochs = String(Number(values.epochs));
const batch = String(Number(values.batch));

/** The resampled file, built once per (rows, seed) and kept in tmpdir for later runs. */
async function resampledFile(): Promise<string> {
  const path = join(tmpdir(), `tracehound-train-${rows}-seed${values.seed}.csv`);
  if (existsSync(path)) return path;
  const lines = gunzipSync(readFileSync(source)).toString('utf8').split('\n').filter((l) => l.length > 0);
  const header = lines[0];
  const body = lines.slice(1);
  const rng = createRng(Number(values.seed));
  const tmp = `${path}.${process.pid}.tmp`;
  const out = createWriteStream(tmp);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(`${header}\n`);
  let buf: string[] = [];
  for (let i = 0; i < rows; i++) {
    buf.push(body[rng.int(body.length)]);
    if (buf.length === 10_000) {
      await write(`${buf.join('\n')}\n`);
      buf = [];
    }
  }
  if (buf.length) await write(`${buf.join('\n')}\n`);
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  renameSync(tmp, path);
  return path;
}

interface Measured {
  seconds: number;
  peakRssMiB: number;
  stdout: string;
}

function timed(cmd: string, args: string[]): Measured {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', cmd, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 });
  const last = r.stderr.trim().split('\n').pop() ?? '';
  const [secs, kib] = last.split(' ').map(Number);
  if (r.status !== 0 || !Number.isFinite(secs)) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}):\n${r.stderr.slice(-2000)}`);
  return { seconds: secs, peakRssMiB: kib / 1024, stdout: r.stdout };
}

const file = await resampledFile();
process.stderr.write(`file: ${file} (${rows} rows)\n`);
const loadBefore = loadavg()[0];
const results: Array<{ name: string; m: Measured; extra: string }> = [];
for (const t of String(values.threads).split(',')) {
  const out = mkdtempSync(join(tmpdir(), 'tracehound-1m-model-'));
  const m = timed(process.execPath, [
    'bin/tracehound.js', 'train', '--train', file, '--out', join(out, 'model'), '--epochs', epochs, '--patience', '1000',
    '--batch-size', batch, '--engine', 'wasm', '--threads', t, '--seed', String(values.seed), '--no-progress', '--json',
  ]);
  const j = JSON.parse(m.stdout.trim().split('\n').pop() as string);
  rmSync(out, { recursive: true, force: true });
  results.push({ name: `tracehound train (wasm, ${t} thread${t === '1' ? '' : 's'})`, m, extra: `epochs ${j.epochs}, fit ${j.seconds.toFixed(1)} s, ${(j.samplesPerSecond / 1e6).toFixed(3)}M samples/s` });
  process.stderr.write(`${results[results.length - 1].name}: ${m.seconds} s\n`);
}
for (const t of String(values['torch-threads']).split(',')) {
  const m = timed(values.python as string, ['bench/train_1m_torch.py', file, '--epochs', epochs, '--batch', batch, '--threads', t, '--seed', String(values.seed)]);
  const j = JSON.parse(m.stdout.trim().split('\n').pop() as string);
  results.push({ name: `PyTorch (${t} thread${t === '1' ? '' : 's'})`, m, extra: `read ${j.readSeconds} s, train ${j.trainSeconds} s, ${(j.samplesPerSecond / 1e6).toFixed(3)}M samples/s` });
  process.stderr.write(`${results[results.length - 1].name}: ${m.seconds} s\n`);
}
console.log(`${rows} rows × ${epochs} epochs, batch ${batch}; load average ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after`);
console.log('run                                     wall s   peak RSS MiB   details');
for (const r of results) console.log(`${r.name.padEnd(40)}${r.m.seconds.toFixed(1).padStart(6)}${r.m.peakRssMiB.toFixed(0).padStart(15)}   ${r.extra}`);
