import cors from '@fastify/cors';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import { BODY_LIMIT_BYTES } from '../common/sync/protocol.js';
import { AuthService } from './auth/auth-service.js';
import { createTokenService } from './auth/tokens.js';
import type { ServerConfig } from './config.js';
import { HttpError } from './errors.js';
import { clientErrorHandler, registerErrorHandling } from './http/error-handler.js';
import { registerJsonBodyParser } from './http/json-body.js';
import { registerRenderer } from './http/renderer.js';
import { registerSecurityHeaders } from './http/security-headers.js';
import { registerAdminRoutes } from './routes/admin-routes.js';
import { registerAuthRoutes } from './routes/auth-routes.js';
import { registerBlobRoutes } from './routes/blob-routes.js';
import { registerHealthRoute } from './routes/health-route.js';
import { registerStreamRoute } from './routes/stream-route.js';
import { registerSyncRoutes } from './routes/sync-routes.js';
import { createLocalNotifier, type ChangeNotifier } from './services/notifier.js';
import type { Store } from './store/store.js';

export interface AppOptions {
  /** Defaults to an in-process notifier (one server instance). */
  readonly notifier?: ChangeNotifier;
}

/** Builds the HTTP app with every route mounted; the caller listens and closes it. */
export async function buildApp(config: ServerConfig, store: Store, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    // Logs go to stderr so stdout carries only the one line a launcher reads (see main.ts).
    logger: { level: config.logLevel, stream: process.stderr },
    bodyLimit: BODY_LIMIT_BYTES,
    // Per-request info lines drown a desktop-sized server's log; a debug line per response remains.
    logController: new LogController({ disableRequestLogging: true }),
    return503OnClosing: true,
    // Bytes that are not even HTTP get the same `{ code, message }` answer as every other error.
    clientErrorHandler,
  });
  const notifier = options.notifier ?? createLocalNotifier((error) => app.log.error({ err: error }, 'stream listener failed'));
  const auth = new AuthService(store, createTokenService(config.jwtSecret, config.accessTokenTtlSeconds), config);

  registerSecurityHeaders(app);
  registerJsonBodyParser(app);
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ method: request.method, url: request.url.split('?')[0], status: reply.statusCode }, 'request');
  });

  const origins = new Set(config.corsOrigins);
  await app.register(cors, {
    // Requests without Origin (same origin, Node clients) need no CORS headers at all.
    origin: (origin, callback) => callback(null, origin !== undefined && origins.has(origin)),
    // PATCH: account administration; PUT: blob uploads (content-addressed photos) from the desktop app.
    methods: ['GET', 'POST', 'PATCH', 'PUT'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    maxAge: 600,
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new HttpError('RATE_LIMITED', `Too many attempts from this address. Try again in ${context.after}.`, {
        headers: { 'Retry-After': String(Math.ceil(context.ttl / 1000)) },
      }),
  });

  const spaFallback = config.rendererDir ? await registerRenderer(app, config.rendererDir) : () => false;
  registerErrorHandling(app, spaFallback);
  registerHealthRoute(app);
  registerAuthRoutes(app, auth, config);
  registerSyncRoutes(app, { store, auth, notifier });
  registerBlobRoutes(app, { store, auth });
  registerStreamRoute(app, { auth, notifier, heartbeatMs: config.heartbeatMs });
  registerAdminRoutes(app, { store, auth, notifier });
  return app;
}
