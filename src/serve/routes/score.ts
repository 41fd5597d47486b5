// POST /v1/score: a JSON batch of events in, scores and labels out (CONTRACT.md).

import type { FastifyInstance } from 'fastify';
import type { ScoringService } from '../service.js';
import { rowsFromEvents, scoreBodySchema, type ScoreBody } from '../schemas.js';

export function scoreRoute(app: FastifyInstance, service: ScoringService): void {
  const { model } = service;
  app.post<{ Body: ScoreBody }>(
    '/v1/score',
    { schema: { body: scoreBodySchema(service.options.maxEvents, model.inputColumns) } },
    async (req) => {
      const events = req.body.events;
      const rows = rowsFromEvents(events, model.inputColumns);
      const { scores, labels } = service.score(rows, events.length, req.log);
      return { model: { id: model.id }, threshold: model.threshold, scores, labels };
    },
  );
}
