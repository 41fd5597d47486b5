// `tracehound serve`: the HTTP scoring service (src/serve/). Binds 127.0.0.1 unless --host says
// otherwise; stops gracefully on SIGTERM/SIGINT (requests in flight finish) and then exits 0.

import { readFileSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import { DataFormatError } from '../../errors.js';
import { loadServable } from '../../score/load-servable.js';
import { DEFAULT_BODY_LIMIT, DEFAULT_MAX_EVENTS } from '../../serve/app.js';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../serve/server.js';
import { positiveInt } from './score.js';

function port(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new InvalidArgumentError(`expected a port number 0-65535, got "${value}".`);
  return n;
}

/** The key is the file's content without surrounding whitespace (a trailing newline is normal). */
export function readApiKey(path: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new DataFormatError(`Cannot read the API key file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.`);
  }
  const key = text.trim();
  if (key.length === 0) throw new DataFormatError(`The API key file ${path} is empty.`);
  return key;
}

interface ServeFlags {
  model: string;
  host: string;
  port: number;
  apiKeyFile?: string;
  maxEvents: number;
  bodyLimit: number;
  logLevel: string;
}

export function register(program: Command): void {
  program
    .command('serve')
    .description('HTTP scoring service: POST /v1/score, POST /v1/score/stream, GET /healthz, GET /metrics, GET /')
    .requiredOption('--model <dir>', 'model directory written by `tracehound train`')
    .option('--host <host>', 'address to bind', DEFAULT_HOST)
    .option('--port <port>', 'port (0 = any free port)', port, DEFAULT_PORT)
    .option('--api-key-file <file>', 'require this key (Authorization: Bearer <key> or x-api-key) on every route but /healthz')
    .option('--max-events <n>', 'events per request', positiveInt, DEFAULT_MAX_EVENTS)
    .option('--body-limit <bytes>', 'largest request body (413 beyond)', positiveInt, DEFAULT_BODY_LIMIT)
    .option('--log-level <level>', 'fatal, error, warn, info, debug (logs go to stderr)', 'info')
    .action(async (flags: ServeFlags) => {
      const apiKey = flags.apiKeyFile ? readApiKey(flags.apiKeyFile) : null;
      const model = await loadServable(flags.model);
      const server = await startServer({
        model,
        host: flags.host,
        port: flags.port,
        apiKey,
        maxEvents: flags.maxEvents,
        bodyLimit: flags.bodyLimit,
        logger: { level: flags.logLevel, stream: process.stderr },
      });
      process.stderr.write(`tracehound: serving model ${model.id} on ${server.url} (SIGTERM or Ctrl-C stops)\n`);
      await server.closed;
      process.stderr.write('tracehound: stopped\n');
    });
}
