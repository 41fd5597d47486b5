// End-to-end throughput of a trained tracehound model (pipeline + network), as the faces use it:
// - training: trainModel with the default config on real BETH rows resampled to 200,000 (seeded),
//   3 epochs, no early stop → fit samples/s (validation excluded), at batch 256 (default) and 1024;
// - inference: Model.scoreTable (preprocessing + network, 65,536-row slices) on 65,536 and 1,000,000
//   rows → rows/s, beside the network alone (predictProba on an already-transformed matrix).
// The PyTorch reference here: ~0.9M samples/s training, 5–10M rows/s inference (PERFORMANCE.md).
//   npx tsx bench/model-throughput.ts [--engine ts|wasm]

import { readTable } from '../src/data/read.js';
import { sliceTable, type Table } from '../src/data/table.js';
import { resolveTrainConfig } from '../src/model/config.js';
import { trainModel } from '../src/model/train.js';
import { defaultEngineName, parseEngineName } from '../src/nn/engine.js';
import { createRng } from '../src/random.js';
import { TRAIN_FILE } from '../test/model/beth.js';

const engineArg = process.argv.indexOf('--engine');
const engine = engineArg > 0 ? parseEngineName(process.argv[engineArg + 1]) : defaultEngineName();

function resample(t: Table, n: number, seed: number): Table {
  const rng = createRng(seed);
  return sliceTable(t, Array.from({ length: n }, () => rng.int(t.rows)));
}

const real = await readTable(TRAIN_FILE);
const train = resample(real, 200_000, 1);
console.log(`engine ${engine}; training rows ${train.rows.toLocaleString('en-US')} (resampled from the real BETH training subset)`);
let model = null as Awaited<ReturnType<typeof trainModel>>['model'] | null;
for (const batchSize of [256, 1024]) {
  const config = resolveTrainConfig({}, { epochs: 3, batchSize, patience: 3 });
  const t = await trainModel({ train, validation: null, config, engine });
  const perEpoch = t.fit.history.map((h) => Math.round(h.samplesPerSecond).toLocaleString('en-US')).join(', ');
  console.log(`train  batch ${String(batchSize).padStart(4)}: ${Math.round(t.fit.samplesPerSecond).toLocaleString('en-US')} samples/s (per epoch: ${perEpoch})`);
  model = t.model;
}
for (const rows of [65_536, 1_000_000]) {
  const data = resample(real, rows, 2);
  model!.scoreTable(data); // warm-up
  const reps = rows > 100_000 ? 2 : 5;
  let t0 = performance.now();
  for (let i = 0; i < reps; i++) model!.scoreTable(data);
  const full = (rows * reps) / ((performance.now() - t0) / 1000);
  const X = model!.pipeline.transform(data);
  const out = new Float32Array(rows);
  t0 = performance.now();
  for (let i = 0; i < reps; i++) model!.network.predictProba(X.data, rows, out);
  const net = (rows * reps) / ((performance.now() - t0) / 1000);
  console.log(`score ${rows.toLocaleString('en-US').padStart(9)} rows: pipeline+network ${Math.round(full).toLocaleString('en-US')} rows/s; network alone ${Math.round(net).toLocaleString('en-US')} rows/s`);
}
