// GET /healthz, GET /metrics (Prometheus text) and GET / (the model card page).

import type { FastifyInstance } from 'fastify';
import { PROMETHEUS_CONTENT_TYPE } from '../metrics.js';
import { renderModelCard } from '../model-card.js';
import type { ScoringService } from '../service.js';

export function infoRoutes(app: FastifyInstance, service: ScoringService): void {
  const page = renderModelCard(service.model.card, { maxEvents: service.options.maxEvents, apiKey: service.options.apiKey });
  app.get('/healthz', async () => ({ status: 'ok', model: { id: service.model.id } }));
  app.get('/metrics', async (_req, reply) => {
    reply.type(PROMETHEUS_CONTENT_TYPE);
    return service.metrics.registry.render();
  });
  app.get('/', async (_req, reply) => {
    reply.type('text/html; charset=utf-8');
    return page;
  });
}
