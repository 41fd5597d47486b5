import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, renderReportHtml } from '../../src/report/html.js';

const page = renderReportHtml({
  title: 'Report <1>',
  subtitle: 'for "model" & co',
  footer: 'end',
  sections: [
    {
      id: 'one',
      title: 'Section <b>',
      blocks: [
        { kind: 'text', html: '<p>trusted <em>markup</em></p>' },
        { kind: 'keyvalues', title: 'Facts', items: [{ key: 'a<b', value: 'x & y' }] },
        { kind: 'table', table: { caption: 'T', head: ['metric', 'value'], rows: [['accuracy', '0.9'], ['<script>', '1']], strong: [0], numeric: [1] } },
        { kind: 'figures', figures: [{ id: 'loss', caption: 'Loss', svg: '<svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg>', wide: true }] },
      ],
    },
  ],
});

test('the page is one self-contained document: inline CSS, no scripts, no external references', () => {
  assert.match(page, /^<!doctype html>/);
  assert.match(page, /<style>[^<]*@media print/);
  assert.doesNotMatch(page, /<script|<link|src=|@import|url\(/i);
  assert.match(page, /Content-Security-Policy" content="default-src 'none'/);
});

test('text is escaped everywhere except in trusted html blocks and SVG', () => {
  assert.match(page, /<title>Report &lt;1&gt;<\/title>/);
  assert.match(page, /for &quot;model&quot; &amp; co/);
  assert.match(page, /<h2>Section &lt;b&gt;<\/h2>/);
  assert.match(page, /<dt>a&lt;b<\/dt><dd>x &amp; y<\/dd>/);
  assert.match(page, /<td>&lt;script&gt;<\/td>/);
  assert.match(page, /<p>trusted <em>markup<\/em><\/p>/);
  assert.match(page, /<figure class="chart wide" id="chart-loss" data-chart="loss"><svg viewBox/);
  assert.match(page, /<tr class="strong"><td>accuracy<\/td><td class="num">0.9<\/td>/);
  assert.match(page, /<nav><a href="#one">Section &lt;b&gt;<\/a><\/nav>/);
  assert.equal(escapeHtml(`'"<>&`), '&#39;&quot;&lt;&gt;&amp;');
});
