import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './model-cli.js';
import { TRAIN_FILE, VALIDATION_FILES } from '../model/beth.js';

const data = ['--train', TRAIN_FILE, '--validation', VALIDATION_FILES.join(',')];

test('train --json writes a model directory and prints the contract document', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'th-cli-train-')), 'model');
  const r = runCli(['train', ...data, '--out', out, '--epochs', '6', '--hidden', '16', '--seed', '5', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(doc), ['model', 'epochs', 'bestEpoch', 'seconds', 'samplesPerSecond', 'validation']);
  assert.equal(doc.model, out);
  assert.ok(doc.epochs >= 1 && doc.epochs <= 6);
  assert.ok(doc.bestEpoch >= 1 && doc.bestEpoch <= doc.epochs);
  assert.ok(doc.samplesPerSecond > 0);
  assert.equal(doc.validation.rows, 12600);
  assert.equal(doc.validation.positives, 4);
  for (const k of ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'mcc', 'rocAuc', 'prAuc', 'logLoss']) assert.equal(typeof doc.validation[k], 'number', k);
  const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  assert.deepEqual(manifest.network.hidden, [16]);
  assert.equal(manifest.seed, 5);
  assert.ok(existsSync(join(out, 'weights.bin')));
});

test('human output shows the validation metrics beside the baselines', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'th-cli-train-')), 'model');
  const r = runCli(['train', ...data, '--out', out, '--epochs', '3', '--hidden', '8', '--no-progress']);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Saved the model to /);
  assert.match(r.stdout, /accuracy .*\n\s+all benign\s+\d/);
});

test('bad flags are usage errors (exit 2); a bad config file is exit 1; never a stack trace', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'th-cli-train-')), 'model');
  let r = runCli(['train', ...data, '--out', out, '--hidden', '64,0']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /The 'hidden' option must be a list of positive integers. Got \[64, 0\]\./);
  r = runCli(['train', ...data, '--out', out, '--features', 'pca']);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /'features' option must be one of beth-flags/);
  r = runCli(['train', ...data]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--out/);
  const cfg = join(mkdtempSync(join(tmpdir(), 'th-cli-train-')), 'cfg.json');
  writeFileSync(cfg, JSON.stringify({ lr: -1 }));
  r = runCli(['train', ...data, '--out', out, '--config', cfg]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cfg\.json: The 'lr' option must be a positive number. Got -1\./);
  r = runCli(['train', '--validation', VALIDATION_FILES[0], '--out', out]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /train needs training data/);
  for (const s of [r.stderr]) assert.doesNotMatch(s, /\n\s+at /);
  assert.ok(!existsSync(out), 'nothing is written when training does not run');
});
