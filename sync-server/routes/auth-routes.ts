import type { FastifyInstance } from 'fastify';
import { syncPaths } from '../../common/sync/protocol.js';
import type { AuthService } from '../auth/auth-service.js';
import type { ServerConfig } from '../config.js';

export function registerAuthRoutes(app: FastifyInstance, auth: AuthService, config: ServerConfig): void {
  // Per-address limit on top of the per-account lockout: slows guessing across many names.
  const rateLimit = { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs };

  app.post(syncPaths.login, { config: { rateLimit } }, async (request) => auth.login(request.body, request.ip));

  app.post(syncPaths.refresh, { config: { rateLimit: { ...rateLimit, max: rateLimit.max * 3 } } }, async (request) =>
    auth.refresh(request.body, request.ip),
  );

  app.post(syncPaths.logout, async (request, reply) => {
    await auth.logout(request.body, request.ip);
    return reply.code(204).send();
  });

  app.get(syncPaths.me, async (request) => (await auth.authenticate(request.headers.authorization)).user);
}
