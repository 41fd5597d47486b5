// Streaming-scorer throughput and memory: a 10M-row CSV event stream, resampled (seeded) from the
// real BETH training rows and generated on the fly, goes through a pipe into `tracehound score` (a
// child process, the real CLI) whose output is counted and discarded. Prints rows/s and the child's
// resident memory sampled every second, to show that memory stays flat however long the stream.
//
//   npx tsx bench/score-stream.ts [--rows 10000000] [--model DIR]
// Without --model, a small model is trained first (real trainModel, real rows) and saved to a temp dir.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { gunzipSync } from 'node:zlib';
import { createRng } from '../src/random.js';
import { option, root, trainBenchModel } from './lib/bench-model.js';

const ROWS = Number(option('rows', '10000000'));

const trainFile = join(root, '../shared/data/beth/datacamp_labelled_train_rows0-12499.csv.gz');

const lines = gunzipSync(readFileSync(trainFile)).toString('utf8').trimEnd().split('\n');
const header = lines[0];
const pool = lines.slice(1);
const work = mkdtempSync(join(tmpdir(), 'th-bench-score-'));
const modelDir = option('model', '') || (await trainBenchModel(join(work, 'model')));

/** Resampled rows in blocks of 1,000 lines; the generator only runs when the pipe wants more. */
function* generate(): Generator<string> {
  const rng = createRng(2024);
  yield header + '\n';
  for (let done = 0; done < ROWS; done += 1000) {
    const m = Math.min(1000, ROWS - done);
    let s = '';
    for (let i = 0; i < m; i++) s += pool[rng.int(pool.length)] + '\n';
    yield s;
  }
}

const child = spawn(process.execPath, [join(root, 'bin/tracehound.js'), 'score', '--model', modelDir, '--input', '-'], {
  stdio: ['pipe', 'pipe', 'inherit'],
});
let outLines = 0;
let flagged = 0;
let tail = '';
let firstOutputAt = 0;
child.stdout.on('data', (c: Buffer) => {
  firstOutputAt ||= performance.now();
  const s = tail + c.toString('latin1');
  let i = s.indexOf('\n');
  let start = 0;
  while (i >= 0) {
    outLines++;
    if (s.charCodeAt(i - 1) === 49 /* '1' */) flagged++;
    start = i + 1;
    i = s.indexOf('\n', start);
  }
  tail = s.slice(start);
});

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
function hwmMiB(pid: number): number {
  const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}

const t0 = performance.now();
const samples: { s: number; rows: number; rss: number }[] = [];
let peak = 0;
const timer = setInterval(() => {
  try {
    const rss = rssMiB(child.pid as number);
    peak = Math.max(peak, hwmMiB(child.pid as number));
    samples.push({ s: (performance.now() - t0) / 1000, rows: Math.max(0, outLines - 1), rss });
  } catch {
    /* the child has exited */
  }
}, 1000);

Readable.from(generate()).pipe(child.stdin);
const code: number = await new Promise((r) => child.on('close', (c) => r(c ?? 1)));
clearInterval(timer);
const tEnd = performance.now();
const seconds = (tEnd - t0) / 1000;
const steadySeconds = (tEnd - firstOutputAt) / 1000;
rmSync(work, { recursive: true, force: true });
if (code !== 0) {
  console.error(`tracehound score exited with ${code}`);
  process.exit(1);
}

const rows = outLines - 1;
console.log(`tracehound score, ${rows.toLocaleString('en-US')} generated CSV rows through a pipe (model ${option('model', '') ? modelDir : 'trained for the bench'})`);
console.log(`  ${seconds.toFixed(1)} s in all, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s including the CLI's start (tsx, model load); ${flagged.toLocaleString('en-US')} flagged`);
console.log(`  ${Math.round(rows / steadySeconds).toLocaleString('en-US')} rows/s from the first scored row to the last (generation, pipe, parse, score, write)`);
console.log('  RSS of the scoring process over time (MiB):');
const step = Math.max(1, Math.floor(samples.length / 12));
for (let i = 0; i < samples.length; i += step) {
  const s = samples[i];
  console.log(`    t=${s.s.toFixed(0).padStart(4)} s  rows=${s.rows.toLocaleString('en-US').padStart(11)}  rss=${s.rss.toFixed(1)}`);
}
const firstQuarter = samples.filter((s) => s.rows > 0).slice(0, Math.max(1, Math.floor(samples.length / 4)));
const lastQuarter = samples.slice(-Math.max(1, Math.floor(samples.length / 4)));
const avg = (xs: typeof samples) => xs.reduce((a, s) => a + s.rss, 0) / xs.length;
console.log(`  peak RSS (VmHWM) ${peak.toFixed(1)} MiB; mean RSS first quarter ${avg(firstQuarter).toFixed(1)} MiB, last quarter ${avg(lastQuarter).toFixed(1)} MiB`);
if (rows !== ROWS) {
  console.error(`expected ${ROWS} rows out, got ${rows}`);
  process.exit(1);
}
