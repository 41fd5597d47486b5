import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { explainModel } from '../../src/explain/explain.js';
import { buildReportHtml, type ReportInput } from '../../src/report/build-report.js';
import { col, functionModel, syntheticTable } from '../explain/fake-models.js';
import { openReport } from './browser.js';

const label = (r: Record<string, number>): number => (r.parentProcessId >= 1000 && r.userId < 1000 ? 1 : 0);
const model = functionModel((r) => 1 / (1 + Math.exp(-((r[col('parentProcessId')] - 900) / 50 + (r[col('userId')] < 1000 ? 1 : -3)))));
const table = syntheticTable(2000, 3, label);

function input(): ReportInput {
  return {
    model: {
      dir: '/models/<demo>',
      facts: [{ key: 'network', value: '7 → 64 → 32 → 1' }],
      trainingFiles: [['train: data/train.csv', 'datacamp', '2,000', 'abcdef0123456789…']],
      history: [1, 2, 3, 4, 5].map((epoch) => ({ epoch, loss: 0.5 / epoch, valLoss: 0.3 + 0.02 * epoch })),
      bestEpoch: 2,
      threshold: 0.5,
      validation: null,
    },
    scored: { split: 'test', files: ['data/test.csv'], labels: table.labels!, scores: model.scoreTable(table) },
    explanation: explainModel(model, table, { sample: 500, ice: true, pairs: [['userId', 'parentProcessId']], repeats: 2 }),
    study: {
      name: 'demo',
      direction: 'minimize',
      location: 'study.jsonl',
      trials: [0, 1, 2, 3].map((n) => ({
        number: n, state: n === 2 ? 'PRUNED' : 'COMPLETE', params: { lr: 10 ** -(n + 1), width: 16 * (n + 1) }, value: 0.4 - n * 0.05,
        intermediate: {}, startedAt: '2026-01-01T00:00:00Z', finishedAt: '2026-01-01T00:00:01Z',
      })),
    },
    generatedAt: '2026-01-01T00:00:00Z',
    version: '0.0.0-test',
  };
}

test('the report holds every section: data and model, metrics with baselines, charts, explanations, study', async () => {
  const html = await buildReportHtml(input());
  for (const id of ['summary', 'data-model', 'metrics', 'charts', 'explanations', 'study']) assert.match(html, new RegExp(`<section id="${id}">`));
  for (const chart of ['loss', 'roc', 'pr', 'confusion', 'histogram', 'pdp', 'pdp2d-userId-parentProcessId', 'importance', 'tuning-history', 'tuning-params']) {
    assert.match(html, new RegExp(`data-chart="${chart}"><svg`), chart);
  }
  assert.match(html, /accuracy of “everything benign”/);
  assert.match(html, /accuracy of “everything suspicious”/);
  assert.match(html, /\/models\/&lt;demo&gt;/);
  assert.match(html, /<strong>parentProcessId<\/strong>/, 'the summary names the feature with the largest PD range');
  assert.doesNotMatch(html, /<script/);
});

test('without a scored split or study, those parts are left out rather than drawn empty', async () => {
  const html = await buildReportHtml({ ...input(), scored: null, study: null, explanation: null });
  assert.doesNotMatch(html, /data-chart="roc"/);
  assert.doesNotMatch(html, /<section id="study">/);
  assert.match(html, /data-chart="loss"/);
  assert.match(html, /No split was scored/);
});

test('in real Chromium: no console errors, no requests, every chart a non-empty SVG, a screenshot and a print', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracehound-report-'));
  const file = join(dir, 'report.html');
  writeFileSync(file, await buildReportHtml(input()));
  const b = await openReport(file, 'build-report');
  assert.deepEqual(b.consoleErrors, []);
  assert.deepEqual(b.pageErrors, []);
  assert.deepEqual(b.requests, [], 'the report must not load anything');
  assert.deepEqual(b.failedRequests, []);
  assert.equal(b.charts.length, 10);
  for (const c of b.charts) assert.ok(c.width > 100 && c.height > 50 && c.elements > 5, `chart ${c.id}: ${JSON.stringify(c)}`);
  assert.deepEqual(b.sections, ['summary', 'data-model', 'metrics', 'charts', 'explanations', 'study']);
  assert.ok(existsSync(b.screenshot) && statSync(b.screenshot).size > 10_000, b.screenshot);
  assert.ok(b.printPdfBytes > 10_000);
});
