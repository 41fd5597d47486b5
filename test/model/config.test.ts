import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  DEFAULT_TRAIN_CONFIG, parseThresholdRule, parseTrainFlags, readConfigFile, resolveTrainConfig, validateTrainConfig,
} from '../../src/model/config.js';
import { ValidationError } from '../../src/errors.js';

test('the defaults are a valid config', () => {
  assert.deepEqual(validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG }), { ...DEFAULT_TRAIN_CONFIG, hidden: [64, 32], threshold: { rule: 'max_f1' } });
  assert.deepEqual(DEFAULT_TRAIN_CONFIG.hidden, [64, 32]);
});

test('flags are converted and win over the file, which wins over the defaults', () => {
  const flags = parseTrainFlags({ hidden: '16,8', lr: '0.01', batchSize: '128', posWeight: 'auto', thresholdRule: 'target_fpr:0.01', seed: '7' });
  assert.deepEqual(flags, { hidden: [16, 8], lr: 0.01, batchSize: 128, posWeight: 'auto', threshold: { rule: 'target_fpr', value: 0.01 }, seed: 7 });
  const c = resolveTrainConfig({ lr: 0.5, epochs: 3 }, flags);
  assert.equal(c.lr, 0.01);
  assert.equal(c.epochs, 3);
  assert.equal(c.dropout, DEFAULT_TRAIN_CONFIG.dropout);
});

test('bad values are refused with the option, the rule and the value', () => {
  assert.throws(() => parseTrainFlags({ hidden: '64,0' }), { message: "The 'hidden' option must be a list of positive integers. Got [64, 0]." });
  assert.throws(() => resolveTrainConfig({}, { hidden: [64, 0] }), { message: "The 'hidden' option must be a list of positive integers. Got [64, 0]." });
  assert.throws(() => parseTrainFlags({ lr: 'fast' }), /'lr' option must be a number. Got "fast"/);
  assert.throws(() => resolveTrainConfig({}, { dropout: 1 }), /'dropout' option must be a number in \[0, 1\)/);
  assert.throws(() => resolveTrainConfig({}, { epochs: 2.5 }), /'epochs' option must be a positive integer. Got 2.5/);
  assert.throws(() => resolveTrainConfig({}, { features: 'pca' }), /'features' option must be one of/);
  assert.throws(() => resolveTrainConfig({}, { optimizer: 'lion' as never }), /'optimizer' option must be one of adam, adamw, sgd/);
  assert.throws(() => validateTrainConfig({ ...DEFAULT_TRAIN_CONFIG, colour: 'red' }), /Unknown training option 'colour'/);
  assert.throws(() => parseThresholdRule('target_fpr'), /'threshold-rule' option must be max_f1, target_fpr:V/);
  assert.throws(() => parseThresholdRule('target_recall:1.5'), /between 0 and 1. Got 1.5/);
  assert.deepEqual(parseThresholdRule('max_f1'), { rule: 'max_f1' });
});

test('a config file is read, checked, and its errors name the file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'th-config-'));
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify({ hidden: [8], epochs: 2 }));
  assert.deepEqual(readConfigFile(good), { hidden: [8], epochs: 2 });
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ hidden: [64, 0] }));
  assert.throws(() => readConfigFile(bad), { message: `${bad}: The 'hidden' option must be a list of positive integers. Got [64, 0].` });
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{ "hidden": ');
  assert.throws(() => readConfigFile(broken), (e: unknown) => e instanceof ValidationError && e.message.includes('is not valid JSON'));
  assert.throws(() => readConfigFile(join(dir, 'missing.json')), /Cannot read the config file .*ENOENT/);
});
