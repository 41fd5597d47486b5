import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runMain } from '../report/run-main.js';
import { JournalFileStorage } from '../../src/tune/storage/journal-file.js';
import { openReport } from '../report/browser.js';
import { BETH, savedBethModel } from '../report/model-fixture.js';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bin', 'tracehound.js');
const run = (args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 180_000 });
let model = '';
let journal = '';

before(async () => {
  model = await savedBethModel(4);
  journal = join(mkdtempSync(join(tmpdir(), 'tracehound-report-study-')), 'study.jsonl');
  const s = new JournalFileStorage(journal);
  await s.openStudy('beth-demo', 'minimize');
  for (let i = 0; i < 5; i++) {
    const t = await s.createTrial(() => ({ lr: 10 ** (-4 + i / 2), width: 16 * (i + 1) }));
    await s.finishTrial(t.number, 'COMPLETE', 0.2 + ((i * 37) % 5) / 50);
  }
  await s.close();
});

test('report writes one self-contained HTML file that Chromium shows without errors or requests', async () => {
  const out = join(mkdtempSync(join(tmpdir(), 'tracehound-report-')), 'report.html');
  const r = run(['report', '--model', model, '--out', out, '--data', BETH, '--sample', '2000', '--repeats', '2', '--study', 'beth-demo', '--storage', journal, '--json']);
  assert.equal(r.status, 0, r.stderr);
  const summary = JSON.parse(r.stdout);
  assert.equal(summary.out, out);
  assert.deepEqual(summary.sections, ['summary', 'data-model', 'metrics', 'charts', 'explanations', 'study']);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /datacamp_labelled_train_rows0-12499\.csv\.gz/, 'the training data fingerprint');
  assert.match(html, /accuracy of “everything benign”/);
  const b = await openReport(out, 'cli-report');
  assert.deepEqual(b.consoleErrors, []);
  assert.deepEqual(b.pageErrors, []);
  assert.deepEqual(b.requests, []);
  assert.deepEqual(b.failedRequests, []);
  const ids = b.charts.map((c) => c.id);
  for (const id of ['loss', 'roc', 'pr', 'confusion', 'histogram', 'pdp', 'pdp2d-userId-parentProcessId', 'importance', 'tuning-history', 'tuning-params']) assert.ok(ids.includes(id), `chart ${id} in ${ids}`);
  for (const c of b.charts) assert.ok(c.width > 100 && c.height > 50 && c.elements > 5, `chart ${c.id}: ${JSON.stringify(c)}`);
  assert.ok(b.printPdfBytes > 10_000);
});

test('without data options the report shows the manifest: model facts, validation metrics, loss chart', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'tracehound-report-')), 'plain.html');
  const r = run(['report', '--model', model, '--out', out]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /Report written to .*plain\.html/);
  const html = readFileSync(out, 'utf8');
  assert.match(html, /data-chart="loss"/);
  assert.doesNotMatch(html, /data-chart="roc"/);
  assert.match(html, /Validation at training time/);
});

test('bad options: usage errors exit 2, a bad model or study exits 1, and no file is left behind', async () => {
  const out = join(tmpdir(), `tracehound-report-none-${process.pid}.html`);
  const cases: [string[], number, RegExp][] = [
    [['report', '--model', model], 2, /--out/],
    [['report', '--model', model, '--out', out, '--study', 'x'], 2, /--study and --storage go together/],
    [['report', '--model', model, '--out', out, '--split', 'test'], 2, /--split needs data options/],
    [['report', '--model', model, '--out', out, '--pairs', 'userId'], 2, /pairs of two different features/],
    [['report', '--model', join(tmpdir(), 'no-such-model-dir'), '--out', out], 1, /no model directory/],
    [['report', '--model', model, '--out', out, '--study', 'other', '--storage', journal], 1, /holds the study 'beth-demo', not 'other'/],
  ];
  for (const [args, status, message] of cases) {
    const r = await runMain(args);
    assert.equal(r.status, status, `${args.join(' ')}: ${r.stderr}`);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
    assert.equal(existsSync(out), false);
  }
});
