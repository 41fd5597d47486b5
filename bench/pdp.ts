// Time partial dependence of all 7 features on 10,000 rows (the reference: < 0.1 s) with a model
// trained (default config) on the real BETH training block, per engine, with and without grouping
// duplicate rows; also permutation importance (5 repeats) and the chart rendering. Then the PD
// ranges of default models over several seeds (the reference PyTorch model: parentProcessId ≈ 0.99,
// userId ≈ 0.25). Prints figures only.
//   npx tsx bench/pdp.ts [--rows 10000] [--grid 20] [--runs 5] [--seeds 5]

import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTable } from '../src/data/read.js';
import { concatTables, FEATURE_COLUMNS, type Table } from '../src/data/table.js';
import { explainModel } from '../src/explain/explain.js';
import { featureGrid } from '../src/explain/grid.js';
import { sampleColumn, sampleRows } from '../src/explain/sample.js';
import { DEFAULT_TRAIN_CONFIG } from '../src/model/config.js';
import { trainModel } from '../src/model/train.js';
import type { ScoringModel } from '../src/model/types.js';
import type { EngineName } from '../src/nn/kernels.js';
import { renderExplanationCharts } from '../src/report/explain-charts.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rows = arg('rows', 10_000);
const grid = arg('grid', 20);
const runs = arg('runs', 5);
const seeds = arg('seeds', 5);
const beth = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'beth');
let naiveRows = 0;
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Brute force without grouping: every (row, grid value) pair scored, one batch per feature (sklearn's way). */
function naivePdp(model: ScoringModel, t: Table): number {
  const s = sampleRows(t, model.inputColumns, rows, 42);
  const d = s.columns.length;
  let checksum = 0;
  naiveRows = 0;
  for (let c = 0; c < d; c++) {
    const g = featureGrid(sampleColumn(s, c), { resolution: grid }).values;
    const batch = new Float64Array(s.n * g.length * d);
    for (let k = 0; k < g.length; k++) {
      batch.set(s.rows, k * s.n * d);
      for (let i = 0; i < s.n; i++) batch[(k * s.n + i) * d + c] = g[k];
    }
    const p = model.scoreRows(batch, s.n * g.length);
    naiveRows += s.n * g.length;
    checksum += p[0];
  }
  return checksum;
}

const train = await readTable(join(beth, 'datacamp_labelled_train_rows0-12499.csv.gz'));
// The validation split as `--data ../shared/data/beth` finds it: both validation files.
const validation = concatTables([
  await readTable(join(beth, 'datacamp_labelled_validation_rows0-99_DERIVED_from_kaggle.csv.gz')),
  await readTable(join(beth, 'datacamp_labelled_validation_rows13000-25499.csv.gz')),
]);
console.log(`PDP of ${FEATURE_COLUMNS.length} features, grid ${grid}, ${Math.min(rows, train.rows).toLocaleString('en-US')} rows of the BETH training block; median of ${runs}`);
for (const engine of ['ts', 'wasm'] as EngineName[]) {
  let trained;
  try {
    trained = await trainModel({ train, validation, config: DEFAULT_TRAIN_CONFIG, engine, progress: false });
  } catch (e) {
    console.log(`${engine}: could not train (${(e as Error).message})`);
    continue;
  }
  const model = trained.model;
  explainModel(model, train, { grid, sample: rows, repeats: 0 }); // warm-up
  const grouped: number[] = [];
  const naive: number[] = [];
  const importance: number[] = [];
  let ranges = '';
  for (let r = 0; r < runs; r++) {
    const ex = explainModel(model, train, { grid, sample: rows, repeats: 0 });
    grouped.push(ex.pdp.seconds);
    ranges = ex.pdp.features.map((f) => `${f.name} ${f.range.toFixed(3)}`).join(', ');
    const t0 = performance.now();
    naivePdp(model, train);
    naive.push((performance.now() - t0) / 1000);
  }
  for (let r = 0; r < Math.min(runs, 3); r++) {
    const ex = explainModel(model, train, { grid, sample: rows, repeats: 5 });
    importance.push(ex.importance!.seconds);
  }
  const ex = explainModel(model, train, { grid, sample: rows, repeats: 5, ice: true, pairs: [['userId', 'parentProcessId']] });
  const t0 = performance.now();
  await renderExplanationCharts(ex);
  const chartSeconds = (performance.now() - t0) / 1000;
  console.log(`engine ${engine}:`);
  console.log(`  PDP, 7 features, grouped duplicate rows:  ${median(grouped).toFixed(3)} s`);
  console.log(`  PDP, 7 features, every row (brute force): ${median(naive).toFixed(3)} s  (${naiveRows.toLocaleString('en-US')} rows scored, ${(naiveRows / median(naive) / 1e6).toFixed(2)} M rows/s)`);
  console.log(`  permutation importance, 5 repeats:        ${median(importance).toFixed(3)} s`);
  console.log(`  charts (PDP grid with ICE, heat map, importance), SVG+PNG: ${chartSeconds.toFixed(2)} s`);
  console.log(`  PD ranges: ${ranges}`);
}

console.log(`PD range (max − min of the mean probability) of default '${DEFAULT_TRAIN_CONFIG.features}' models, seeds 1..${seeds}:`);
for (let seed = 1; seed <= seeds; seed++) {
  const { model } = await trainModel({ train, validation, config: { ...DEFAULT_TRAIN_CONFIG, seed }, progress: false });
  const ex = explainModel(model, train, { grid, sample: rows, repeats: 0, seed });
  const ranked = [...ex.pdp.features].sort((a, b) => b.range - a.range);
  console.log(`  seed ${seed}: ${ranked.map((f) => `${f.name} ${f.range.toFixed(3)}`).join(', ')}`);
}
