import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain } from '../report/run-main.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { BETH, BETH_TRAIN, savedBethModel } from '../report/model-fixture.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'tracehound.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 120_000 });
let model = '';

before(async () => {
  model = await savedBethModel(4);
});

test('explain writes pdp.json for all 7 features, importance.json and the charts as SVG and PNG', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'tracehound-explain-')), 'ex');
  const r = run(['explain', '--model', model, '--out', out, '--data', BETH, '--sample', '2000', '--ice', '--pairs', 'userId:parentProcessId', '--repeats', '2', '--json']);
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.split, 'train');
  assert.equal(summary.rows, 2000);
  const pdp = JSON.parse(readFileSync(join(out, 'pdp.json'), 'utf8'));
  assert.deepEqual(pdp.features.map((f: { name: string }) => f.name), [...FEATURE_COLUMNS]);
  for (const f of pdp.features) {
    assert.equal(f.average.length, f.grid.length);
    assert.equal(f.individual.length, 2000);
    assert.equal(f.individual[0].length, f.grid.length);
    for (const v of f.average) assert.ok(v >= 0 && v <= 1);
  }
  const userId = pdp.features.find((f: { name: string }) => f.name === 'userId');
  assert.equal(userId.gridKind, 'uniques', 'userId has fewer distinct values than the grid');
  assert.equal(pdp.pairs[0].average.length, pdp.pairs[0].grid[0].length);
  const imp = JSON.parse(readFileSync(join(out, 'importance.json'), 'utf8'));
  assert.equal(imp.metric, 'roc_auc');
  assert.equal(imp.features.length, 7);
  for (const name of ['pdp', 'ice-centered', 'pdp-userId-parentProcessId', 'importance']) {
    assert.ok(statSync(join(out, `${name}.svg`)).size > 1000, `${name}.svg`);
    assert.ok(statSync(join(out, `${name}.png`)).size > 1000, `${name}.png`);
  }
  // Same seed, same explanation.
  const out2 = join(mkdtempSync(join(tmpdir(), 'tracehound-explain-')), 'ex');
  const r2 = run(['explain', '--model', model, '--out', out2, '--train', BETH_TRAIN, '--sample', '2000', '--ice', '--pairs', 'userId:parentProcessId', '--repeats', '2', '--no-charts']);
  assert.equal(r2.status, 0, r2.stderr);
  const again = JSON.parse(readFileSync(join(out2, 'pdp.json'), 'utf8'));
  assert.deepEqual(again.features, pdp.features);
  assert.equal(existsSync(join(out2, 'pdp.svg')), false);
});

test('usage errors exit 2 with the rule; a bad model directory exits 1; never a stack trace', async () => {
  const out = join(tmpdir(), `tracehound-explain-none-${process.pid}`);
  const cases: [string[], number, RegExp][] = [
    [['explain', '--out', out, '--data', BETH], 2, /--model/],
    [['explain', '--model', model, '--out', out], 2, /needs data/],
    [['explain', '--model', model, '--out', out, '--data', BETH, '--grid', '1'], 2, /--grid must be an integer of at least 2/],
    [['explain', '--model', model, '--out', out, '--data', BETH, '--pairs', 'userId:eventId'], 2, /unknown feature 'eventId'/],
    [['explain', '--model', model, '--out', out, '--data', BETH, '--split', 'test'], 2, /no test split/],
    [['explain', '--model', join(out, 'nothing'), '--out', out, '--data', BETH], 1, /no model directory/],
  ];
  for (const [args, status, message] of cases) {
    const r = await runMain(args);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    assert.equal(existsSync(out), false, 'nothing written on error');
  }
});
