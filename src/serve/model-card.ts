// GET / : a small self-contained HTML page describing the model being served (the model card), so a
// person who opens the service in a browser sees what it runs and how to call it.

import type { ModelCard } from '../score/servable.js';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

function row(name: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  return `<tr><th>${escapeHtml(name)}</th><td>${escapeHtml(String(value))}</td></tr>`;
}

function fmtMetric(v: number): string {
  return Number.isInteger(v) ? String(v) : v.toFixed(4);
}

export function renderModelCard(card: ModelCard, opts: { maxEvents: number; apiKey: boolean }): string {
  const metrics = card.validation
    ? Object.entries(card.validation)
        .filter(([, v]) => typeof v === 'number')
        .map(([k, v]) => row(k, fmtMetric(v)))
        .join('')
    : '';
  const example = JSON.stringify({
    events: [{ processId: 382, threadId: 382, parentProcessId: 1, userId: 101, mountNamespace: 4026531840, argsNum: 1, returnValue: 0 }],
  });
  const auth = opts.apiKey ? ` -H 'Authorization: Bearer $TRACEHOUND_API_KEY'` : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tracehound model ${escapeHtml(card.id)}</title>
<style>body{font:15px/1.45 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{text-align:left;padding:.2rem .8rem .2rem 0;border-bottom:1px solid #eee}
th{font-weight:600;color:#555}code,pre{background:#f5f5f5;border-radius:3px}pre{padding:.6rem;overflow-x:auto}</style></head>
<body><h1>tracehound</h1><p>Scores kernel-process events (BETH) with a trained neural network: the probability that an event is suspicious.</p>
<h2>Model card</h2><table>
${row('model id', card.id)}${row('created', card.createdAt)}${row('tracehound version', card.tracehoundVersion)}
${row('network', card.network)}${row('features', card.features)}${row('decision threshold', card.threshold)}${row('threshold rule', card.thresholdRule)}
${row('training files', card.training?.files.join(', '))}${row('training rows', card.training?.rows)}
</table>
${metrics ? `<h2>Validation metrics at training time</h2><table>${metrics}</table>` : ''}
<h2>Use</h2>
<pre>curl -s -X POST http://HOST:PORT/v1/score -H 'content-type: application/json'${escapeHtml(auth)} \\
  -d '${escapeHtml(example)}'</pre>
<p><code>POST /v1/score</code> takes up to ${opts.maxEvents} events per request; <code>POST /v1/score/stream</code> takes NDJSON
(<code>content-type: application/x-ndjson</code>) and answers one line per event; <code>GET /healthz</code>, <code>GET /metrics</code> (Prometheus).</p>
</body></html>
`;
}
