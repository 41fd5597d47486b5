import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { readTable } from '../../src/data/read.js';
import { FEATURE_COLUMNS } from '../../src/data/table.js';
import { createRng } from '../../src/random.js';
import { buildApp, type ServiceApp } from '../../src/serve/app.js';
import { TRAIN_FILE, realModel } from '../score/real-model.js';

const EV = { processId: 1, threadId: 1, parentProcessId: 0, userId: 0, mountNamespace: 4026531840, argsNum: 1, returnValue: 0 };
const apps: ServiceApp[] = [];
after(async () => {
  for (const a of apps) await a.close();
});

async function app(opts: Partial<Parameters<typeof buildApp>[0]> = {}): Promise<ServiceApp> {
  const { servable } = await realModel();
  const a = await buildApp({ model: servable, ...opts });
  apps.push(a);
  return a;
}

function post(a: ServiceApp, payload: string, url = '/v1/score', type = 'application/json') {
  return a.inject({ method: 'POST', url, headers: { 'content-type': type }, payload });
}

async function events(n: number) {
  const t = await readTable(TRAIN_FILE);
  const evs = Array.from({ length: n }, (_, i) => Object.fromEntries(FEATURE_COLUMNS.map((c) => [c, t.columns[c][i]])));
  return { evs, table: t };
}

test('POST /v1/score answers the contract shape with exactly the model’s scores', async () => {
  const a = await app();
  const { servable } = await realModel();
  const { evs, table } = await events(2000);
  const expected = servable.scorer.scoreTable(table).subarray(0, 2000);
  const r = await post(a, JSON.stringify({ events: evs }));
  assert.equal(r.statusCode, 200);
  const body = r.json();
  assert.deepEqual(Object.keys(body), ['model', 'threshold', 'scores', 'labels']);
  assert.deepEqual(body.model, { id: servable.id });
  assert.match(servable.id, /^[0-9a-f]{16}$/);
  assert.equal(body.threshold, servable.threshold);
  assert.deepEqual(body.scores, Array.from(expected));
  assert.deepEqual(body.labels, Array.from(expected, (s) => (s >= servable.threshold ? 1 : 0)));
});

test('POST /v1/score/stream: NDJSON in, one line per event out, same scores as the JSON route', async () => {
  const a = await app();
  const { evs } = await events(300);
  const json = (await post(a, JSON.stringify({ events: evs }))).json();
  const r = await post(a, evs.map((e) => JSON.stringify(e)).join('\n') + '\n', '/v1/score/stream', 'application/x-ndjson');
  assert.equal(r.statusCode, 200);
  assert.match(String(r.headers['content-type']), /application\/x-ndjson/);
  const lines = r.body.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.deepEqual(lines.map((l) => l.score), json.scores);
  assert.deepEqual(lines.map((l) => l.label), json.labels);
});

test('bad input: each a 4xx with a clear message, and the server stays up', async () => {
  const a = await app({ maxEvents: 100 });
  const big = JSON.stringify({ events: Array(100).fill(EV) }).replace(/}]}$/, `}${',' + JSON.stringify(EV)}]}`);
  const cases: [string, string, string, number, string][] = [
    ['/v1/score', 'application/json', JSON.stringify({ events: [{ ...EV, processId: 'x' }] }), 400, 'body/events/0/processId must be integer'],
    ['/v1/score', 'application/json', JSON.stringify({ events: [EV, { ...EV, argsNum: 1.5 }] }), 400, 'body/events/1/argsNum must be integer'],
    ['/v1/score', 'application/json', JSON.stringify({ events: [{ ...EV, userId: null }] }), 400, 'body/events/0/userId must be integer'],
    ['/v1/score', 'application/json', '{"events":[{"processId":NaN}]}', 400, 'body is not valid JSON: Unexpected token \'N\', ..."rocessId":NaN}]}" is not valid JSON'],
    ['/v1/score', 'application/json', JSON.stringify({ events: [EV] }).replace('"userId":0', '"userId":1e999'), 400, 'body/events/0/userId must be integer'],
    ['/v1/score', 'application/json', JSON.stringify({ events: [EV] }).replace('"userId":0', '"userId":-Infinity'), 400, 'body is not valid JSON: No number after minus sign in JSON at position 69'],
    ['/v1/score', 'application/json', JSON.stringify({ events: [EV] }).replace('"userId":0', '"userId":9007199254740993'), 400, 'body/events/0/userId must be <= 9007199254740991'],
    ['/v1/score', 'application/json', '{"events":[{"processId":1,', 400, 'body is not valid JSON: Expected double-quoted property name in JSON at position 26'],
    ['/v1/score', 'application/json', '', 400, 'body is empty: send a JSON object such as {"events": [ ... ]}'],
    ['/v1/score', 'application/json', '{}', 400, "body must have required property 'events'"],
    ['/v1/score', 'application/json', '[]', 400, 'body must be object'],
    ['/v1/score', 'application/json', '{"events":{}}', 400, 'body/events must be array'],
    ['/v1/score', 'application/json', '{"events":[]}', 400, 'body/events must NOT have fewer than 1 items'],
    ['/v1/score', 'application/json', JSON.stringify({ events: [{ processId: 1 }] }), 400, "body/events/0 must have required property 'threadId'"],
    ['/v1/score', 'application/json', big, 400, 'body/events must NOT have more than 100 items'],
    ['/v1/score', 'text/plain', 'hello', 415, 'unsupported content-type: send application/json to /v1/score and application/x-ndjson to /v1/score/stream'],
    ['/v1/score/stream', 'application/x-ndjson', `${JSON.stringify(EV)}\n{"processId":1,"thr`, 400, 'body line 2 is not valid JSON (truncated last line?): Unterminated string in JSON at position 19'],
    ['/v1/score/stream', 'application/x-ndjson', `${JSON.stringify({ ...EV, returnValue: 'x' })}\n`, 400, 'body line 1/returnValue must be integer'],
    ['/v1/score/stream', 'application/x-ndjson', `{"processId":1}\n`, 400, "body line 1 must have required property 'threadId'"],
    ['/v1/score/stream', 'application/x-ndjson', `[1]\n`, 400, 'body line 1 must be object'],
    ['/v1/score/stream', 'application/x-ndjson', '\n\n', 400, 'body has no events: send one JSON object per line'],
    ['/v1/score/stream', 'application/x-ndjson', `${JSON.stringify(EV)}\n`.repeat(101), 400, 'body has more than 100 events; the limit per request is 100'],
    ['/v1/score/stream', 'application/json', JSON.stringify(EV), 400, 'send NDJSON with content-type application/x-ndjson'],
  ];
  for (const [url, type, payload, status, error] of cases) {
    const r = await post(a, payload, url, type);
    assert.equal(r.statusCode, status, `${payload.slice(0, 60)} → ${r.body}`);
    assert.deepEqual(r.json(), { error }, payload.slice(0, 60));
  }
  assert.equal((await a.inject({ url: '/healthz' })).statusCode, 200);
});

test('a 10 MB body is refused with 413 before it is parsed; the service keeps answering', async () => {
  const a = await app();
  const payload = '{"events":[' + `${JSON.stringify(EV)},`.repeat(Math.ceil(10e6 / 110)) + `${JSON.stringify(EV)}]}`;
  assert.ok(payload.length > 10e6);
  for (const [url, type] of [['/v1/score', 'application/json'], ['/v1/score/stream', 'application/x-ndjson']]) {
    const r = await post(a, payload, url, type);
    assert.equal(r.statusCode, 413);
    assert.deepEqual(r.json(), { error: 'request body is larger than the limit of 4194304 bytes' });
  }
  assert.equal((await post(a, JSON.stringify({ events: [EV] }))).statusCode, 200);
});

test('never a 500: random mutations of a valid body all get a 2xx or a 4xx with an error message', async () => {
  const a = await app();
  const rng = createRng(7);
  const base = JSON.stringify({ events: [EV, { ...EV, userId: 1000 }] });
  const junk = ['"', '{', '}', '[', ']', ',', ':', 'NaN', '-', '1e400', 'null', 'true', '\\u0000', ' ', '0.5', '"x"'];
  for (let k = 0; k < 300; k++) {
    const chars = base.split('');
    const edits = 1 + rng.int(3);
    for (let e = 0; e < edits; e++) {
      const i = rng.int(chars.length);
      if (rng.next() < 0.5) chars.splice(i, 1);
      else chars.splice(i, 0, junk[rng.int(junk.length)]);
    }
    const payload = chars.join('');
    for (const [url, type] of [['/v1/score', 'application/json'], ['/v1/score/stream', 'application/x-ndjson']]) {
      const r = await post(a, url === '/v1/score' ? payload : payload.replace(/^\{"events":\[|\]\}$/g, '').replace(/},{/g, '}\n{'), url, type);
      assert.ok(r.statusCode < 500, `${url} ${payload} → ${r.statusCode} ${r.body}`);
      if (r.statusCode >= 400) assert.equal(typeof r.json().error, 'string');
    }
  }
});

test('GET /healthz, GET / (model card) and GET /metrics after some traffic, drift included', async () => {
  const a = await app({ drift: { windowRows: 10, maxShare: 0.5 } });
  const { servable } = await realModel();
  const health = await a.inject({ url: '/healthz' });
  assert.deepEqual(health.json(), { status: 'ok', model: { id: servable.id } });
  const page = await a.inject({ url: '/' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  assert.match(page.body, new RegExp(`<td>${servable.id}</td>`));
  assert.match(page.body, new RegExp(`<td>${servable.threshold}</td>`));
  const out = { ...EV, userId: 10 ** 6, parentProcessId: 10 ** 7 };
  const r = await post(a, JSON.stringify({ events: Array(10).fill(out) }));
  const flagged = r.json().labels.reduce((s: number, l: number) => s + l, 0);
  await post(a, '{"events":[]}');
  const m = await a.inject({ url: '/metrics' });
  assert.match(String(m.headers['content-type']), /^text\/plain; version=0.0.4/);
  const text = m.body;
  assert.match(text, /^tracehound_events_scored_total 10$/m);
  assert.match(text, new RegExp(`^tracehound_events_flagged_total ${flagged}$`, 'm'));
  assert.match(text, new RegExp(`^tracehound_flagged_rate ${flagged / 10}$`, 'm'));
  assert.match(text, /^tracehound_http_requests_total\{method="POST",route="\/v1\/score",status="200"\} 1$/m);
  assert.match(text, /^tracehound_http_requests_total\{method="POST",route="\/v1\/score",status="400"\} 1$/m);
  assert.match(text, /^tracehound_http_request_duration_seconds_count\{route="\/v1\/score"\} 2$/m);
  assert.match(text, /^tracehound_drift_warnings_total\{feature="userId"\} 1$/m);
  assert.match(text, /^tracehound_drift_warnings_total\{feature="parentProcessId"\} 1$/m);
  assert.match(text, new RegExp(`^tracehound_model_info\\{model_id="${servable.id}",version="[^"]+"\\} 1$`, 'm'));
});

test('API key: 401 without it or with a wrong one; Bearer or x-api-key pass; /healthz stays open', async () => {
  const a = await app({ apiKey: 's3cret-key' });
  const body = JSON.stringify({ events: [EV] });
  const call = (headers: Record<string, string>) =>
    a.inject({ method: 'POST', url: '/v1/score', headers: { 'content-type': 'application/json', ...headers }, payload: body });
  assert.equal((await call({})).statusCode, 401);
  assert.equal((await call({ authorization: 'Bearer s3cret-kez' })).statusCode, 401);
  assert.equal((await call({ 'x-api-key': 's3cret-key ' })).statusCode, 401);
  assert.match((await call({})).json().error, /missing or wrong API key/);
  assert.equal((await call({ authorization: 'Bearer s3cret-key' })).statusCode, 200);
  assert.equal((await call({ 'x-api-key': 's3cret-key' })).statusCode, 200);
  assert.equal((await a.inject({ url: '/metrics' })).statusCode, 401);
  assert.equal((await a.inject({ url: '/healthz' })).statusCode, 200);
});
