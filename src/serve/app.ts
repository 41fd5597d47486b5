// Builds the fastify instance of the scoring service: limits, validator settings and the plugin.
// No listening here (server.ts boots), so tests drive the same app through app.inject().

import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { DriftOptions } from '../score/drift.js';
import type { ServableModel } from '../score/servable.js';
import { tracehoundPlugin } from './plugin.js';
import { ScoringService } from './service.js';

export interface AppOptions {
  model: ServableModel;
  /** The API key requests must present; null = no key. */
  apiKey?: string | null;
  /** Events per request, both routes. */
  maxEvents?: number;
  /** Bytes per request body (413 beyond). */
  bodyLimit?: number;
  drift?: DriftOptions;
  logger?: FastifyServerOptions['logger'];
}

export const DEFAULT_MAX_EVENTS = 10_000;
export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

export type ServiceApp = FastifyInstance & { service: ScoringService };

export async function buildApp(opts: AppOptions): Promise<ServiceApp> {
  const maxEvents = opts.maxEvents ?? DEFAULT_MAX_EVENTS;
  const bodyLimit = opts.bodyLimit ?? DEFAULT_BODY_LIMIT;
  if (!Number.isInteger(maxEvents) || maxEvents < 1) throw new RangeError(`maxEvents must be a positive integer, got ${maxEvents}`);
  if (!Number.isInteger(bodyLimit) || bodyLimit < 1) throw new RangeError(`bodyLimit must be a positive integer, got ${bodyLimit}`);
  const app = Fastify({
    logger: opts.logger ?? false,
    // One log line per request would drown stderr under load; errors and drift warnings are still logged.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit,
    // Strict types: "5" is not an integer here, and nothing is silently removed or defaulted.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
    // Idle keep-alive sockets close at shutdown; requests in flight finish first.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
  });
  const service = new ScoringService(opts.model, { maxEvents, drift: opts.drift, apiKey: Boolean(opts.apiKey) });
  await app.register(tracehoundPlugin, { service, apiKey: opts.apiKey ?? null, bodyLimit });
  await app.ready();
  return Object.assign(app as FastifyInstance, { service });
}
