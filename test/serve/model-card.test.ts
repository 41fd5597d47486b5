import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderModelCard } from '../../src/serve/model-card.js';

test('the page shows the card and escapes what it did not write itself', () => {
  const html = renderModelCard(
    {
      id: 'abc<script>',
      createdAt: '2026-01-01T00:00:00Z',
      tracehoundVersion: '0.1.0',
      network: '7 → 64 → 32 → 1, relu',
      features: 'beth-flags',
      threshold: 0.42,
      thresholdRule: '{"rule":"max_f1"}',
      training: { files: ['a.csv'], rows: 12500 },
      validation: { rocAuc: 0.98765, accuracy: 1 },
    },
    { maxEvents: 10, apiKey: true },
  );
  assert.ok(html.startsWith('<!doctype html>'));
  assert.ok(!html.includes('<script>'));
  assert.match(html, /abc&lt;script&gt;/);
  assert.match(html, /<th>decision threshold<\/th><td>0.42<\/td>/);
  assert.match(html, /<th>rocAuc<\/th><td>0.9877<\/td>/);
  assert.match(html, /<th>training rows<\/th><td>12500<\/td>/);
  assert.match(html, /up to 10 events per request/);
  assert.match(html, /Authorization: Bearer/);
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
});
