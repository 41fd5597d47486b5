// The report's only stylesheet, inlined into the page. System fonts only (no web fonts: the page
// must not fetch anything). Screen: a readable column on a laptop with charts in a flowing grid.
// Print: A4, no navigation, charts never split across pages, URLs of nothing printed.

export const REPORT_CSS = `
:root { --ink: #1f2328; --muted: #59636e; --rule: #d8dee4; --accent: #4c78a8; --bg-soft: #f6f8fa; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.45;
  font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Roboto, Helvetica, Arial, sans-serif; }
header, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 24px; border-bottom: 1px solid var(--rule); }
h1 { font-size: 1.7rem; margin: 0 0 4px; }
h2 { font-size: 1.3rem; margin: 32px 0 12px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.05rem; margin: 18px 0 8px; }
.subtitle { color: var(--muted); margin: 0 0 12px; }
nav { display: flex; flex-wrap: wrap; gap: 4px 16px; padding: 8px 0 12px; }
nav a { color: var(--accent); text-decoration: none; font-weight: 600; }
nav a:hover { text-decoration: underline; }
.text p { max-width: 80ch; }
.note { background: var(--bg-soft); border-left: 4px solid var(--accent); padding: 8px 12px; max-width: 90ch; }
dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0 0 12px; }
dl.kv dt { color: var(--muted); }
dl.kv dd { margin: 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; margin: 8px 0 16px; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding-bottom: 4px; }
th, td { padding: 4px 12px; border-bottom: 1px solid var(--rule); text-align: left; vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
td.num, th.num { text-align: right; }
tr.strong td { font-weight: 700; }
.figures { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
figure.chart { margin: 0; padding: 8px; border: 1px solid var(--rule); border-radius: 6px; background: #fff; max-width: 100%; }
figure.chart.wide { flex-basis: 100%; }
figure.chart svg { display: block; max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; margin-top: 4px; max-width: 70ch; }
footer { color: var(--muted); font-size: 0.85rem; padding: 24px; border-top: 1px solid var(--rule); margin-top: 32px; }
@media (max-width: 700px) { dl.kv { grid-template-columns: 1fr; } }
@media print {
  @page { size: A4; margin: 14mm; }
  html { font-size: 11pt; }
  header, main, footer { max-width: none; padding: 0; }
  nav { display: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  figure.chart, table, dl.kv { break-inside: avoid; page-break-inside: avoid; }
  figure.chart { border: none; padding: 0; }
  section { break-before: auto; }
  a { color: inherit; text-decoration: none; }
}
`;
