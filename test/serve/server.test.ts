import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { startServer } from '../../src/serve/server.js';
import { realModel } from '../score/real-model.js';

const EV = { processId: 1, threadId: 1, parentProcessId: 0, userId: 0, mountNamespace: 4026531840, argsNum: 1, returnValue: 0 };

test('a real listening socket on 127.0.0.1: scores over HTTP; close() lets a request in flight finish', async () => {
  const { servable } = await realModel();
  const server = await startServer({ model: servable, port: 0, signals: [] });
  assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const addr = server.app.server.address();
  assert.ok(addr && typeof addr === 'object' && addr.address === '127.0.0.1');

  const r = await fetch(`${server.url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ events: [EV] }) });
  assert.equal(r.status, 200);
  const json = (await r.json()) as { scores: number[] };
  assert.deepEqual(json.scores, Array.from(servable.scorer.scoreRows(Float64Array.from(Object.values(EV)), 1)));

  // Start a request, send half its body, then shut down while it is in flight.
  const body = JSON.stringify({ events: Array(50).fill(EV) });
  const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${server.url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 100));
    setTimeout(() => req.end(body.slice(100)), 300);
  });
  await new Promise((r) => setTimeout(r, 100));
  const closing = server.close();
  const done = await inFlight;
  assert.equal(done.status, 200, done.text);
  assert.equal((JSON.parse(done.text) as { scores: number[] }).scores.length, 50);
  await closing;
  await server.closed;
  await assert.rejects(fetch(`${server.url}/healthz`), /fetch failed/);
});
