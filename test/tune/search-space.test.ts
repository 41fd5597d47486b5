import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ValidationError } from '../../src/errors.js';
import { DEFAULT_SEARCH_SPACE, loadSearchSpace, parseSearchSpace } from '../../src/tune/search-space.js';

const bad = (raw: unknown, pattern: RegExp): void => {
  assert.throws(() => parseSearchSpace(raw, 'space.json'), (e: unknown) => e instanceof ValidationError && pattern.test(e.message));
};

test('the default space is the one of the issue', () => {
  assert.deepEqual(DEFAULT_SEARCH_SPACE.width, { type: 'int', low: 16, high: 256, log: true });
  assert.deepEqual(DEFAULT_SEARCH_SPACE.layers, { type: 'int', low: 1, high: 4, log: false });
  assert.deepEqual(DEFAULT_SEARCH_SPACE.dropout, { type: 'float', low: 0, high: 0.6, log: false });
  assert.deepEqual(DEFAULT_SEARCH_SPACE.activation, { type: 'categorical', choices: ['relu', 'leaky_relu', 'gelu'] });
  assert.deepEqual(DEFAULT_SEARCH_SPACE.lr, { type: 'float', low: 1e-4, high: 1e-1, log: true });
  assert.deepEqual(DEFAULT_SEARCH_SPACE.batchSize, { type: 'categorical', choices: [256, 512, 1024, 2048] });
  assert.deepEqual(DEFAULT_SEARCH_SPACE.weightDecay, { type: 'float', low: 1e-6, high: 1e-2, log: true });
  assert.deepEqual(DEFAULT_SEARCH_SPACE.posWeight, { type: 'float', low: 1, high: 100, log: true });
});

test('a valid space parses, log defaults to false', () => {
  const s = parseSearchSpace({ lr: { type: 'float', low: 0.001, high: 0.1, log: true }, k: { type: 'int', low: 1, high: 3 } });
  assert.deepEqual(s.k, { type: 'int', low: 1, high: 3, log: false });
});

test('low > high names the parameter and the rule', () => {
  bad({ lr: { type: 'float', low: 0.1, high: 0.001 } }, /space\.json: parameter 'lr': low must be <= high, got low=0\.1 > high=0\.001/);
});

test('an unknown distribution names the parameter and the allowed types', () => {
  bad({ act: { type: 'choice', choices: ['a'] } }, /parameter 'act': unknown distribution "choice".*"float", "int", "categorical"/);
  bad({ act: { low: 1, high: 2 } }, /parameter 'act': unknown distribution undefined/);
});

test('an empty categorical names the parameter and the rule', () => {
  bad({ activation: { type: 'categorical', choices: [] } }, /parameter 'activation': 'choices' must not be empty/);
});

test('other rules: log needs low > 0, int bounds integral, no unknown fields, not empty', () => {
  bad({ wd: { type: 'float', low: 0, high: 1, log: true } }, /parameter 'wd': a log-scaled distribution needs low > 0/);
  bad({ w: { type: 'int', low: 1.5, high: 3 } }, /parameter 'w': an int distribution needs integer bounds/);
  bad({ w: { type: 'int', low: 1, high: 3, step: 2 } }, /parameter 'w': unknown field 'step'/);
  bad({ c: { type: 'categorical', choices: ['a', 'a'] } }, /parameter 'c': 'choices' must not repeat/);
  bad({}, /no parameters/);
  bad([1], /expected a JSON object/);
});

test('loadSearchSpace names the file in its errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'th-space-'));
  const f = join(dir, 'space.json');
  writeFileSync(f, '{"lr": {"type": "float", "low": 1, "high": 0}}');
  assert.throws(() => loadSearchSpace(f), (e: unknown) => e instanceof ValidationError && e.message.startsWith(`${f}: parameter 'lr'`));
  writeFileSync(f, '{not json');
  assert.throws(() => loadSearchSpace(f), /is not valid JSON/);
  assert.throws(() => loadSearchSpace(join(dir, 'missing.json')), /Cannot read the search-space file/);
});
