// The report as ONE self-contained HTML document: inline CSS, charts as inline SVG, no scripts, no
// fonts, images or styles fetched from anywhere, so it opens offline, mails as one file and prints.
// This file only lays out what it is given (pure string building); build-report.ts gathers it.

import { REPORT_CSS } from './style.js';

export interface Figure {
  /** Stable id (used as the element id and in tests). */
  id: string;
  caption: string;
  svg: string;
  /** Span the full width of the page (wide small-multiple grids). */
  wide?: boolean;
}

export interface KeyValue {
  key: string;
  value: string;
}

export interface Table {
  caption?: string;
  head: string[];
  rows: string[][];
  /** Row indices to emphasise (e.g. the model's accuracy among its baselines). */
  strong?: number[];
  /** Column indices holding numbers (right-aligned). */
  numeric?: number[];
}

export type Block =
  | { kind: 'text'; html: string }
  | { kind: 'keyvalues'; title?: string; items: KeyValue[] }
  | { kind: 'table'; table: Table }
  | { kind: 'figures'; figures: Figure[] };

export interface Section {
  id: string;
  title: string;
  blocks: Block[];
}

export interface ReportPage {
  title: string;
  subtitle: string;
  sections: Section[];
  footer: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function keyValues(b: { title?: string; items: KeyValue[] }): string {
  const rows = b.items.map((kv) => `<dt>${escapeHtml(kv.key)}</dt><dd>${escapeHtml(kv.value)}</dd>`).join('');
  return `${b.title ? `<h3>${escapeHtml(b.title)}</h3>` : ''}<dl class="kv">${rows}</dl>`;
}

function table(t: Table): string {
  const numeric = new Set(t.numeric ?? []);
  const strong = new Set(t.strong ?? []);
  const cell = (tag: string, v: string, j: number): string => `<${tag}${numeric.has(j) ? ' class="num"' : ''}>${escapeHtml(v)}</${tag}>`;
  const head = `<thead><tr>${t.head.map((h, j) => cell('th', h, j)).join('')}</tr></thead>`;
  const body = t.rows.map((r, i) => `<tr${strong.has(i) ? ' class="strong"' : ''}>${r.map((v, j) => cell('td', v, j)).join('')}</tr>`).join('');
  return `<table>${t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : ''}${head}<tbody>${body}</tbody></table>`;
}

function figures(fs: Figure[]): string {
  const items = fs.map(
    (f) =>
      `<figure class="chart${f.wide ? ' wide' : ''}" id="chart-${escapeHtml(f.id)}" data-chart="${escapeHtml(f.id)}">` +
      `${f.svg}<figcaption>${escapeHtml(f.caption)}</figcaption></figure>`,
  );
  return `<div class="figures">${items.join('')}</div>`;
}

function block(b: Block): string {
  switch (b.kind) {
    case 'text':
      return `<div class="text">${b.html}</div>`;
    case 'keyvalues':
      return keyValues(b);
    case 'table':
      return table(b.table);
    case 'figures':
      return figures(b.figures);
  }
}

export function renderReportHtml(page: ReportPage): string {
  const nav = page.sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join('');
  const sections = page.sections
    .map((s) => `<section id="${escapeHtml(s.id)}"><h2>${escapeHtml(s.title)}</h2>${s.blocks.map(block).join('\n')}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(page.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${escapeHtml(page.title)}</h1><p class="subtitle">${escapeHtml(page.subtitle)}</p><nav>${nav}</nav></header>
<main>
${sections}
</main>
<footer>${escapeHtml(page.footer)}</footer>
</body>
</html>
`;
}
