// Writes test/fixtures/model-v1/: a tiny model (14 → 4 → 1, 3 epochs on the first 2,000 rows of the
// real BETH training subset) in model format version 1, plus expected-scores.json (a few raw events
// and the scores this model gave them when it was made). test/bundle/fixture.test.ts loads it so that
// every later tracehound keeps reading format 1 and scoring it the same way.
// Run from the repository root: npx tsx scripts/make-fixture-model.ts
// Only re-run it on purpose (a new fixture for a new format goes in a new model-vN directory).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTable } from '../src/data/read.js';
import { sliceTable, FEATURE_COLUMNS } from '../src/data/table.js';
import { resolveTrainConfig } from '../src/model/config.js';
import { trainModel } from '../src/model/train.js';
import { saveModel } from '../src/bundle/save.js';

const OUT = join('test', 'fixtures', 'model-v1');
const full = await readTable('../shared/data/beth/datacamp_labelled_train_rows0-12499.csv.gz');
const train = sliceTable(full, Array.from({ length: 2000 }, (_, i) => i));
const config = resolveTrainConfig({}, { hidden: [4], epochs: 3, seed: 7 });
const trained = await trainModel({ train, validation: null, config, engine: 'ts' });
await saveModel(OUT, trained, { fixture: 'model format version 1, made by scripts/make-fixture-model.ts' });

const events = [
  [7347, 7347, 7341, 0, 4026531840, 2, -2],
  [381, 7337, 1, 100, 4026532231, 5, 0],
  [7276, 7276, 1317, 0, 4026531840, 1, 0],
  [159, 159, 1, 0, 4026531840, 4, 38],
  [1415, 1415, 1330, 1000, 4026531840, 1, 0],
  [99999, 99999, 99990, 5000, 4026532999, 9, -114],
];
const scores = trained.model.scoreRows(Float64Array.from(events.flat()), events.length);
writeFileSync(
  join(OUT, 'expected-scores.json'),
  `${JSON.stringify({ columns: FEATURE_COLUMNS, events, scores: [...scores], threshold: trained.model.threshold }, null, 2)}\n`,
);
console.log(`wrote ${OUT}: threshold ${trained.model.threshold}, scores ${[...scores].map((s) => s.toFixed(4)).join(' ')}`);
