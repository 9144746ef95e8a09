import type { FastifyInstance } from 'fastify';
import { API_PREFIX } from '../../common/sync/protocol.js';

/** The API answers JSON only: nothing in it may load, run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** For the built renderer (Vite): own scripts only, inline styles for the component library. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export function isApiUrl(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith('/api/');
}

/** A few headers on every response; a hook instead of a plugin because it is this small. */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (isApiUrl(request.url)) {
      reply.header('Content-Security-Policy', API_CSP);
      // Responses carry tokens and tenant data: no cache may keep them.
      reply.header('Cache-Control', 'no-store');
    } else {
      reply.header('Content-Security-Policy', RENDERER_CSP);
    }
    return payload;
  });
}
