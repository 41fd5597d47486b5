// Load test of `tracehound serve` on loopback: the real CLI in a child process, autocannon from this
// one. For batch sizes 1, 100 and 1,000 events per request: events/s, requests/s, p50/p99 latency,
// and the error count (must be zero). Every run is bounded in time and in requests.
//
//   npx tsx bench/serve-load.ts [--model DIR] [--seconds 5] [--connections 8]
// Without --model, a small model is trained first (real trainModel, real rows) and saved to a temp dir.

import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { FEATURE_COLUMNS } from '../src/data/table.js';
import { createRng } from '../src/random.js';
import { option, root, trainBenchModel } from './lib/bench-model.js';

const SECONDS = Number(option('seconds', '5'));
const CONNECTIONS = Number(option('connections', '8'));
const MAX_REQUESTS = 200_000;

const work = mkdtempSync(join(tmpdir(), 'th-bench-serve-'));
const modelDir = option('model', '') || (await trainBenchModel(join(work, 'model')));

// Real events resampled with a fixed seed.
const lines = gunzipSync(readFileSync(join(root, '../shared/data/beth/datacamp_labelled_train_rows0-12499.csv.gz'))).toString('utf8').trimEnd().split('\n');
const header = lines[0].split(',');
const idx = FEATURE_COLUMNS.map((c) => header.indexOf(c));
const rng = createRng(99);
function body(n: number): string {
  const events = Array.from({ length: n }, () => {
    const f = lines[1 + rng.int(lines.length - 1)].split(',');
    return Object.fromEntries(FEATURE_COLUMNS.map((c, j) => [c, Number(f[idx[j]])]));
  });
  return JSON.stringify({ events });
}

const child = spawn(process.execPath, [join(root, 'bin/tracehound.js'), 'serve', '--model', modelDir, '--port', '0', '--log-level', 'warn'], {
  stdio: ['ignore', 'inherit', 'pipe'],
});
const url: string = await new Promise((resolve, reject) => {
  let err = '';
  child.stderr.on('data', (c: Buffer) => {
    err += c.toString();
    const m = /on (http:\/\/\S+)/.exec(err);
    if (m) resolve(m[1]);
  });
  child.on('exit', (code) => reject(new Error(`serve exited with ${code}: ${err}`)));
});
child.stderr.pipe(process.stderr);

function cannon(n: number, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: `${url}/v1/score`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: body(n),
    connections: CONNECTIONS,
    duration: seconds,
    maxOverallRequests: MAX_REQUESTS,
  });
}

// A correctness check before timing: the answer has one score per event.
const check = await fetch(`${url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body(3) });
const checked = (await check.json()) as { scores: number[] };
if (check.status !== 200 || checked.scores.length !== 3) throw new Error(`unexpected answer ${check.status}`);

console.log(`tracehound serve on ${url}, autocannon ${CONNECTIONS} connections, ${SECONDS} s per batch size (≤ ${MAX_REQUESTS} requests)`);
console.log('batch | requests/s |    events/s | p50 ms | p99 ms | requests | errors | non-2xx');
const ms = (x: number): string => (x === 0 ? '<1' : x.toFixed(0)); // autocannon records whole milliseconds
let failures = 0;
for (const n of [1, 100, 1000]) {
  await cannon(n, 1); // warm-up
  const r = await cannon(n, SECONDS);
  const reqPerSec = r.requests.total / r.duration;
  const bad = r.errors + r.timeouts + r.non2xx;
  failures += bad;
  console.log(
    `${String(n).padStart(5)} | ${reqPerSec.toFixed(0).padStart(10)} | ${(reqPerSec * n).toFixed(0).padStart(11)} | ${ms(r.latency.p50).padStart(6)} | ${ms(r.latency.p99).padStart(6)} | ${String(r.requests.total).padStart(8)} | ${String(r.errors + r.timeouts).padStart(6)} | ${String(r.non2xx).padStart(7)}`,
  );
}

const metrics = await (await fetch(`${url}/metrics`)).text();
const scored = /^tracehound_events_scored_total (\S+)$/m.exec(metrics)?.[1];
console.log(`server's own count: tracehound_events_scored_total ${scored}`);
child.kill('SIGTERM');
const code = await new Promise((r) => child.on('exit', r));
console.log(`SIGTERM → serve exited with ${code}`);
rmSync(work, { recursive: true, force: true });
if (failures > 0 || code !== 0) process.exit(1);
