// How fast readTable reads a large DataCamp-format CSV: 1.1M rows resampled (seeded) from the real
// training block, written to os.tmpdir(), read once to warm up and then 3 times. Prints rows/s and
// peak RSS, and pandas.read_csv on the same file for comparison when python3 has pandas.
//   npx tsx bench/read-csv.ts [rows] [seed]

import { appendFileSync, mkdtempSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { spawnSync } from 'node:child_process';
import { createRng } from '../src/random.js';
import { readTable } from '../src/data/read.js';

const ROWS = Number(process.argv[2] ?? 1_100_000);
const SEED = Number(process.argv[3] ?? 42);
const RUNS = 3;
const source = fileURLToPath(new URL('../../shared/data/beth/datacamp_labelled_train_rows0-12499.csv.gz', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const lines = gunzipSync(readFileSync(source)).toString('utf8').trimEnd().split('\n');
const header = lines[0];
const body = lines.slice(1);
const rng = createRng(SEED);
const dir = mkdtempSync(join(tmpdir(), 'tracehound-bench-'));
const file = join(dir, 'resampled_train.csv');
// Written in batches so the generator's strings do not inflate the peak RSS reported for reading.
writeFileSync(file, header + '\n');
for (let done = 0; done < ROWS; ) {
  const batch: string[] = [];
  for (; batch.length < 65536 && done < ROWS; done++) batch.push(body[rng.int(body.length)]);
  appendFileSync(file, batch.join('\n') + '\n');
}
const mib = statSync(file).size / 2 ** 20;
console.log(`file: ${ROWS.toLocaleString('en-US')} rows resampled from ${body.length} real rows (seed ${SEED}), ${mib.toFixed(1)} MiB`);

// pandas, when python3 has it: the first python3 on PATH may be a pyenv build without pandas while
// Debian's has it. Each round runs readTable then one pandas.read_csv (in a child that times only the
// read), so both see the same load on this shared machine.
const python = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);
const PANDAS = `
import sys, time, resource, pandas as pd
c0 = time.process_time(); t0 = time.perf_counter(); df = pd.read_csv(sys.argv[1]); t = time.perf_counter() - t0; c = time.process_time() - c0
print(f"{t:.4f} {len(df)} {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} {pd.__version__} {c:.4f}")
`;
function pandasOnce(): { seconds: number; cpu: number; rows: number; rssMiB: number; version: string } | string {
  const r = spawnSync(python!, ['-c', PANDAS, file], { encoding: 'utf8' });
  if (r.status !== 0) return `failed: ${r.stderr.trim().split('\n').pop()}`;
  const [sec, n, rss, version, cpu] = r.stdout.trim().split(' ');
  return { seconds: Number(sec), cpu: Number(cpu), rows: Number(n), rssMiB: Number(rss), version };
}

try {
  let t0 = performance.now();
  const warm = await readTable(file);
  console.log(`warm-up: ${((performance.now() - t0) / 1000).toFixed(3)} s (${warm.rows} rows)`);
  const times: number[] = [];
  const pandasTimes: number[] = [];
  // CPU seconds (all threads) as well as wall time: on this shared 2-core machine the wall time
  // swings with other people's load, the CPU time much less.
  const cpuTimes: number[] = [];
  const pandasCpu: number[] = [];
  let pandasInfo = '';
  let ourPeak = 0;
  for (let r = 0; r < RUNS; r++) {
    t0 = performance.now();
    const c0 = process.cpuUsage();
    const t = await readTable(file);
    const s = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    times.push(s);
    cpuTimes.push(cpu);
    ourPeak = process.resourceUsage().maxRSS / 1024;
    if (t.rows !== ROWS) throw new Error(`read ${t.rows} rows, expected ${ROWS}`);
    let line = `run ${r + 1}: readTable ${s.toFixed(3)} s (${(ROWS / s / 1e6).toFixed(2)}M rows/s, CPU ${cpu.toFixed(3)} s)`;
    if (python) {
      const p = pandasOnce();
      if (typeof p === 'string') pandasInfo = `pandas: ${p}`;
      else {
        pandasTimes.push(p.seconds);
        pandasCpu.push(p.cpu);
        pandasInfo = `pandas ${p.version}, peak RSS ${p.rssMiB} MiB`;
        line += `   pandas.read_csv ${p.seconds.toFixed(3)} s (${(p.rows / p.seconds / 1e6).toFixed(2)}M rows/s, CPU ${p.cpu.toFixed(3)} s)`;
      }
    }
    console.log(line);
  }
  const med = median(times);
  console.log(`readTable (DuckDB): median ${med.toFixed(3)} s for ${ROWS.toLocaleString('en-US')} rows = ${(ROWS / med / 1e6).toFixed(2)}M rows/s, ${((med * 1e6) / ROWS).toFixed(3)} s per 1M rows; CPU median ${median(cpuTimes).toFixed(3)} s`);
  console.log(`peak RSS (this process): ${ourPeak.toFixed(0)} MiB`);
  if (!python) console.log('pandas: not available (python3 -c "import pandas" failed); PERFORMANCE.md measured about 0.4 s per 1M rows here');
  else if (pandasTimes.length === 0) console.log(pandasInfo);
  else {
    const pm = median(pandasTimes);
    console.log(`${pandasInfo}: read_csv median ${pm.toFixed(3)} s = ${(ROWS / pm / 1e6).toFixed(2)}M rows/s, ${((pm * 1e6) / ROWS).toFixed(3)} s per 1M rows; CPU median ${median(pandasCpu).toFixed(3)} s`);
    console.log(`ratio: readTable takes ${(med / pm).toFixed(2)}x the time of pandas.read_csv (same rounds)`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
