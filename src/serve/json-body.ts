// Our own application/json body parser, so a malformed body gets a message that says where
// ("body is not valid JSON: Unexpected token 'N', ..."is not valid JSON" at position 25") rather than
// fastify's generic sentence. The body limit still applies (parseAs: 'string' enforces it), and
// text/plain is not accepted on JSON routes (415 instead of a confusing schema error).

import type { FastifyInstance } from 'fastify';
import { BadRequest } from './http-errors.js';

export function useJsonBodyParser(app: FastifyInstance): void {
  app.removeContentTypeParser(['application/json', 'text/plain']);
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_req, body, done) => {
    const text = body as string;
    if (text.trim().length === 0) {
      done(new BadRequest('body is empty: send a JSON object such as {"events": [ ... ]}'), undefined);
      return;
    }
    try {
      done(null, JSON.parse(text));
    } catch (e) {
      done(new BadRequest(`body is not valid JSON: ${(e as Error).message}`), undefined);
    }
  });
}
