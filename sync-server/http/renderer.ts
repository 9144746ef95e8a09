import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Serves the built renderer from the API's origin, so a browser can use the app without CORS.
 * Returns the SPA fallback: client-side routes (no file extension) get index.html.
 */
export async function registerRenderer(
  app: FastifyInstance,
  dir: string,
): Promise<(request: FastifyRequest, reply: FastifyReply) => boolean> {
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: ['index.html'],
    setHeaders: (reply, path) => {
      // Vite fingerprints everything under assets/; index.html must always be revalidated.
      const immutable = /[\\/]assets[\\/]/.test(path);
      void reply.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const lastSegment = path.split('/').pop() ?? '';
    if ((request.method !== 'GET' && request.method !== 'HEAD') || lastSegment.includes('.')) return false;
    void reply.sendFile('index.html');
    return true;
  };
}
