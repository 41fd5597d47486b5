// POST /v1/score/stream: NDJSON events in (one JSON object per line), NDJSON out, one
// {"score","label"} line per event in order. The whole body is read (within the body limit) and
// every line validated before anything is scored, so a bad or truncated line is a 400 naming the
// line instead of a 200 cut short halfway through.

import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { formatScore } from '../../score/event-codec.js';
import { BadRequest } from '../http-errors.js';
import { validateEvent } from '../schemas.js';
import type { ScoringService } from '../service.js';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl', 'application/json-seq'];
const CHUNK_ROWS = 4096;


/** Rows of the body's events, or a BadRequest naming the first bad line. */
export function parseNdjsonEvents(body: string, service: ScoringService): { rows: Float64Array; n: number } {
  const columns = service.model.inputColumns;
  const w = columns.length;
  const max = service.options.maxEvents;
  const lines = body.split('\n');
  let rows = new Float64Array(Math.min(lines.length, max) * w);
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line.length === 0) continue;
    if (n === max) throw new BadRequest(`body has more than ${max} events; the limit per request is ${max}`);
    let ev: unknown;
    try {
      ev = JSON.parse(line);
    } catch (e) {
      const last = lines.slice(i + 1).every((l) => l.trim().length === 0);
      throw new BadRequest(`body line ${i + 1} is not valid JSON${last ? ' (truncated last line?)' : ''}: ${(e as Error).message}`);
    }
    const problem = validateEvent(ev, columns);
    if (problem) throw new BadRequest(`body line ${i + 1}${problem.startsWith('must') ? ' ' : '/'}${problem}`);
    const rec = ev as Record<string, number>;
    for (let j = 0; j < w; j++) rows[n * w + j] = rec[columns[j]];
    n++;
  }
  if (n === 0) throw new BadRequest('body has no events: send one JSON object per line');
  if (rows.length > n * w) rows = rows.subarray(0, n * w);
  return { rows, n };
}

export function streamRoute(app: FastifyInstance, service: ScoringService): void {
  app.addContentTypeParser(NDJSON_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.post<{ Body: string }>('/v1/score/stream', async (req, reply) => {
    if (typeof req.body !== 'string') {
      throw new BadRequest(`send NDJSON with content-type ${NDJSON_TYPES[0]}`);
    }
    const { rows, n } = parseNdjsonEvents(req.body, service);
    const w = service.model.inputColumns.length;
    // Score in chunks and write as we go, so a large batch never needs its whole answer as one string.
    async function* lines(): AsyncGenerator<string> {
      for (let start = 0; start < n; start += CHUNK_ROWS) {
        const m = Math.min(CHUNK_ROWS, n - start);
        const { scores, labels } = service.score(rows.subarray(start * w, (start + m) * w), m, req.log);
        let s = '';
        for (let i = 0; i < m; i++) s += `{"score":${formatScore(scores[i])},"label":${labels[i]}}\n`;
        yield s;
      }
    }
    reply.type('application/x-ndjson');
    return reply.send(Readable.from(lines()));
  });
}
