// The committed model directory test/fixtures/model-v1 (format version 1, made by
// scripts/make-fixture-model.ts) must stay loadable and score as it did when it was made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadModel } from '../../src/bundle/load.js';
import { availableEngines } from '../../src/nn/engine.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'model-v1');

test('model format version 1 still loads and gives the scores it gave when it was made', async () => {
  const expected = JSON.parse(readFileSync(join(DIR, 'expected-scores.json'), 'utf8')) as {
    columns: string[]; events: number[][]; scores: number[]; threshold: number;
  };
  // Every engine built here must read it the same way (the fixture was made on 'ts').
  for (const engine of availableEngines()) {
    const model = await loadModel(DIR, { engine });
    assert.equal(model.manifest.formatVersion, 1);
    assert.deepEqual([...model.inputColumns], expected.columns);
    assert.equal(model.threshold, expected.threshold);
    const scores = model.scoreRows(Float64Array.from(expected.events.flat()), expected.events.length);
    scores.forEach((s, i) => assert.ok(Math.abs(s - expected.scores[i]) < 1e-5, `${engine}, event ${i}: ${s} vs ${expected.scores[i]}`));
  }
});
