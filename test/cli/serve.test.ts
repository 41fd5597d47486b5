import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { realModel } from '../score/real-model.js';

const BIN = fileURLToPath(new URL('../../bin/tracehound.js', import.meta.url));
const EV = { processId: 1, threadId: 1, parentProcessId: 0, userId: 0, mountNamespace: 4026531840, argsNum: 1, returnValue: 0 };

function serve(args: string[]): Promise<{ child: ChildProcessWithoutNullStreams; url: string; stderr: () => string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args]);
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  return new Promise((resolve, reject) => {
    child.stderr.on('data', () => {
      const m = /on (http:\/\/\S+) /.exec(err);
      if (m) resolve({ child, url: m[1], stderr: () => err });
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
}

test('`serve`: binds 127.0.0.1, requires the API key, and on SIGTERM finishes the request in flight before exiting 0', async () => {
  const { dir } = await realModel();
  const keyFile = join(mkdtempSync(join(tmpdir(), 'th-key-')), 'key');
  writeFileSync(keyFile, 'k3y-from-file\n');
  const { child, url, stderr } = await serve(['--model', dir, '--port', '0', '--api-key-file', keyFile, '--log-level', 'warn']);
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));

  const body = JSON.stringify({ events: [EV, EV] });
  const noKey = await fetch(`${url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  assert.equal(noKey.status, 401);
  const ok = await fetch(`${url}/v1/score`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k3y-from-file' }, body });
  assert.equal(ok.status, 200);
  assert.equal(((await ok.json()) as { scores: number[] }).scores.length, 2);
  assert.equal((await fetch(`${url}/healthz`)).status, 200);

  // A request whose body is still arriving when SIGTERM comes.
  const inFlight = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = request(`${url}/v1/score`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'k3y-from-file', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 20));
    setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => req.end(body.slice(20)), 300);
    }, 200);
  });
  const done = await inFlight;
  assert.equal(done.status, 200, done.text);
  assert.equal((JSON.parse(done.text) as { labels: number[] }).labels.length, 2);
  assert.equal(await exited, 0);
  assert.match(stderr(), /stopped/);
});

test('`serve` refuses an empty API key file (exit 1) and a bad port (exit 2)', async () => {
  const { dir } = await realModel();
  const empty = join(mkdtempSync(join(tmpdir(), 'th-key-')), 'empty');
  writeFileSync(empty, '\n');
  for (const [args, code, message] of [
    [['--api-key-file', empty], 1, /The API key file .* is empty/],
    [['--port', '70000'], 2, /expected a port number/],
  ] as const) {
    const child = spawn(process.execPath, [BIN, 'serve', '--model', dir, ...args]);
    let err = '';
    child.stderr.on('data', (c) => (err += c));
    const exit = await new Promise<number | null>((r) => child.on('exit', r));
    assert.equal(exit, code, err);
    assert.match(err, message);
  }
});
