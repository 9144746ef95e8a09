import type { FastifyInstance } from 'fastify';
import { HttpError } from '../errors.js';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON bodies must be valid UTF-8. Fastify's own parser decodes leniently: bytes that are not
 * UTF-8 become U+FFFD and the document is stored other than it was sent, without a word. Such a
 * body is refused whole instead (400, like a body that is not JSON); parsing itself stays
 * Fastify's (prototype-poisoning keys refused).
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try {
      text = strictUtf8.decode(body as Buffer);
    } catch {
      done(new HttpError('BAD_REQUEST', 'The request body is not valid UTF-8.'), undefined);
      return;
    }
    void parseJson(request, text, done);
  });
}
