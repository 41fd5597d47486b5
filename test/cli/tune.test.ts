import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JournalFileStorage } from '../../src/tune/storage/journal-file.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const BIN = join(ROOT, 'bin', 'tracehound.js');
const BETH = join(ROOT, '..', 'shared', 'data', 'beth');
const tmp = () => mkdtempSync(join(tmpdir(), 'th-cli-tune-'));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'tune', ...args], { encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function smallSpace(dir: string): string {
  const f = join(dir, 'space.json');
  writeFileSync(f, JSON.stringify({
    width: { type: 'int', low: 4, high: 16, log: true },
    lr: { type: 'float', low: 0.001, high: 0.03, log: true },
    activation: { type: 'categorical', choices: ['relu', 'gelu'] },
  }));
  return f;
}

test('tune --json prints the contract summary, resumes the study, and --out saves the best model', async () => {
  const dir = tmp();
  const journal = join(dir, 'study.jsonl');
  const common = ['--data', BETH, '--space', smallSpace(dir), '--epochs', '2', '--storage', journal, '--study', 'cli', '--seed', '3'];
  const first = run([...common, '--trials', '3', '--sampler', 'gp', '--json']);
  assert.equal(first.code, 0, first.stderr);
  const s1 = JSON.parse(first.stdout);
  assert.equal(s1.study, 'cli');
  assert.equal(s1.trials, 3);
  assert.ok(Number.isInteger(s1.best.number) && typeof s1.best.value === 'number');
  assert.deepEqual(Object.keys(s1.best.params).sort(), ['activation', 'lr', 'width']);
  assert.match(first.stderr, /trial 3\/3/);

  const out = join(dir, 'model');
  const second = run([...common, '--trials', '2', '--sampler', 'random', '--json', '--out', out]);
  assert.equal(second.code, 0, second.stderr);
  const s2 = JSON.parse(second.stdout);
  assert.equal(s2.trials, 5, 'the second run added to the same study');
  assert.ok(s2.best.value <= s1.best.value);
  assert.equal(s2.model, out);
  assert.ok(existsSync(join(out, 'manifest.json')));

  // The journal replays to the same 5 trials.
  const storage = new JournalFileStorage(journal);
  await storage.openStudy('cli', 'minimize');
  const trials = await storage.getTrials();
  await storage.close();
  assert.deepEqual(trials.map((t) => t.number), [0, 1, 2, 3, 4]);
  assert.equal(trials.find((t) => t.number === s2.best.number)?.value, s2.best.value);

  // Human output names the best trial.
  const human = run([...common, '--trials', '1']);
  assert.equal(human.code, 0, human.stderr);
  assert.match(human.stdout, /best trial #\d+: logloss = /);
});

test('an invalid search space exits 1 naming the parameter and the rule, without a stack', () => {
  const dir = tmp();
  const cases: [object, RegExp][] = [
    [{ lr: { type: 'float', low: 0.1, high: 0.001, log: true } }, /parameter 'lr': low must be <= high/],
    [{ act: { type: 'uniform', low: 0, high: 1 } }, /parameter 'act': unknown distribution "uniform"/],
    [{ activation: { type: 'categorical', choices: [] } }, /parameter 'activation': 'choices' must not be empty/],
  ];
  for (const [space, pattern] of cases) {
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify(space));
    const r = run(['--data', BETH, '--space', f, '--trials', '1', '--storage', join(dir, 'j.jsonl')]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, pattern);
    assert.match(r.stderr, /bad\.json/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  }
});

test('a journal written by another study name is refused', () => {
  const dir = tmp();
  const journal = join(dir, 'j.jsonl');
  const common = ['--data', BETH, '--space', smallSpace(dir), '--epochs', '1', '--storage', journal, '--trials', '1'];
  assert.equal(run([...common, '--study', 'first']).code, 0);
  const r = run([...common, '--study', 'second']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /holds the study 'first', not 'second'/);
});

test('usage errors exit 2', () => {
  const r = run(['--data', BETH, '--trials', '0']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--trials must be an integer >= 1/);
  const s = run(['--data', BETH, '--sampler', 'cmaes']);
  assert.equal(s.code, 2);
});
