import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli, writeDatacampCsv } from './model-cli.js';
import { bethSplits } from '../model/beth.js';
import { sliceTable } from '../../src/data/table.js';
import { resolveTrainConfig } from '../../src/model/config.js';
import { trainModel } from '../../src/model/train.js';
import { saveModel } from '../../src/bundle/save.js';
import { classificationReport } from '../../src/metrics/report.js';

const { train, validation, heldOut } = await bethSplits();
const dir = mkdtempSync(join(tmpdir(), 'th-cli-eval-'));
const modelDir = join(dir, 'model');
const trained = await trainModel({ train, validation, config: resolveTrainConfig({}, { epochs: 20, seed: 1 }), engine: 'ts' });
await saveModel(modelDir, trained);
const testCsv = join(dir, 'heldout_test.csv');
writeDatacampCsv(testCsv, heldOut);

test('evaluate --json prints the contract document with the model threshold and baselines', () => {
  const r = runCli(['evaluate', '--model', modelDir, '--test', testCsv, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const k of ['split', 'rows', 'positives', 'threshold', 'metrics', 'confusion', 'baselines']) assert.ok(k in doc, k);
  assert.equal(doc.split, 'test');
  assert.equal(doc.rows, heldOut.rows);
  assert.equal(doc.positives, 55);
  assert.equal(doc.threshold, trained.model.threshold);
  const expected = classificationReport(heldOut.labels!, trained.model.scoreTable(heldOut), trained.model.threshold);
  assert.deepEqual(doc.metrics, expected.metrics);
  assert.deepEqual(doc.confusion, expected.confusion);
  assert.deepEqual(doc.baselines, { allBenign: { accuracy: 2445 / 2500 }, allSuspicious: { accuracy: 55 / 2500 } });
  assert.ok(doc.metrics.rocAuc > 0.97, `held-out ROC-AUC ${doc.metrics.rocAuc}`);
});

test('--split validation and the human output with baselines beside accuracy', () => {
  const r = runCli(['evaluate', '--model', modelDir, '--split', 'validation', '--validation', join(dir, 'heldout_test.csv')]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /validation: 2,500 rows, 55 suspicious/);
  assert.match(r.stdout, /accuracy\s+\d+\.\d+%.*\n\s+all benign\s+97\.80%\n\s+all suspicious\s+2\.20%/);
});

test('bad input: corrupted weights, future manifest, mismatched columns, no labels, no split (exit 1 or 2, no stack)', async () => {
  const broken = join(dir, 'broken');
  await saveModel(broken, trained);
  const w = readFileSync(join(broken, 'weights.bin'));
  w[0] ^= 1;
  writeFileSync(join(broken, 'weights.bin'), w);
  let r = runCli(['evaluate', '--model', broken, '--test', testCsv]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /weights\.bin does not match its checksum/);

  const future = join(dir, 'future');
  await saveModel(future, trained);
  const m = JSON.parse(readFileSync(join(future, 'manifest.json'), 'utf8'));
  writeFileSync(join(future, 'manifest.json'), JSON.stringify({ ...m, formatVersion: 99 }));
  r = runCli(['evaluate', '--model', future, '--test', testCsv]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /model format version 99 .*reads format version 1/);

  const noUser = join(dir, 'no_user_test.csv');
  writeDatacampCsv(noUser, sliceTable(heldOut, [0, 1, 2]), { drop: 'userId' });
  r = runCli(['evaluate', '--model', modelDir, '--test', noUser]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /userId/);

  const unlabelled = join(dir, 'unlabelled_test.csv');
  writeDatacampCsv(unlabelled, sliceTable(heldOut, [0, 1, 2]), { label: false });
  r = runCli(['evaluate', '--model', modelDir, '--test', unlabelled]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /no label column/);

  r = runCli(['evaluate', '--model', modelDir, '--train', testCsv]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /evaluate found no test data/);

  r = runCli(['evaluate', '--model', join(dir, 'nothing'), '--test', testCsv]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /There is no model directory/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});
