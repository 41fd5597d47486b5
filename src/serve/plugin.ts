// The service as a fastify plugin (fastify/demo's shape): hooks for the API key and the metrics, an
// error handler that turns every client mistake into a 4xx with {"error": "..."} and hides our own
// faults behind a plain 500, and the routes. The caller builds the fastify instance (app.ts).

import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ApiKeyCheck } from './auth.js';
import { useJsonBodyParser } from './json-body.js';
import type { ScoringService } from './service.js';
import { scoreRoute } from './routes/score.js';
import { streamRoute } from './routes/stream.js';
import { infoRoutes } from './routes/info.js';

export interface PluginOptions {
  service: ScoringService;
  apiKey: string | null;
  /** The instance's body limit, named in the 413 message. */
  bodyLimit: number;
}

/** Routes anyone may call even when an API key is set (load balancers probe it). */
const OPEN_ROUTES = new Set(['/healthz']);

/** Client errors worded for a person; fastify's own messages are kept where they are already clear. */
function clientMessage(err: FastifyError, bodyLimit: number): string {
  switch (err.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return `request body is larger than the limit of ${bodyLimit} bytes`;
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return `unsupported content-type: send application/json to /v1/score and application/x-ndjson to /v1/score/stream`;
    default:
      return err.message;
  }
}

export async function tracehoundPlugin(app: FastifyInstance, opts: PluginOptions): Promise<void> {
  const { service } = opts;
  const key = opts.apiKey === null ? null : new ApiKeyCheck(opts.apiKey);
  const started = new WeakMap<FastifyRequest, bigint>();

  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    started.set(req, process.hrtime.bigint());
    if (key && !OPEN_ROUTES.has(req.routeOptions.url ?? '') && !key.matches(ApiKeyCheck.presented(req.headers))) {
      reply.code(401).header('www-authenticate', 'Bearer');
      return reply.send({ error: 'missing or wrong API key: send it as "Authorization: Bearer <key>" or "x-api-key: <key>"' });
    }
  });

  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const route = req.routeOptions.url ?? 'unmatched';
    const t0 = started.get(req);
    service.metrics.requests.inc({ route, method: req.method, status: String(reply.statusCode) });
    if (t0 !== undefined) service.metrics.latency.observe(Number(process.hrtime.bigint() - t0) / 1e9, { route });
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.validation ? 400 : (err.statusCode ?? 500);
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: clientMessage(err, opts.bodyLimit) });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'Internal Server Error' });
  });

  app.setNotFoundHandler((req, reply) => {
    reply.code(404).send({ error: `no route ${req.method} ${req.url.split('?')[0]}: try GET / for the routes` });
  });

  useJsonBodyParser(app);
  scoreRoute(app, service);
  streamRoute(app, service);
  infoRoutes(app, service);
}
