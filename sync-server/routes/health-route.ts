import type { FastifyInstance } from 'fastify';
import { API_VERSION, syncPaths } from '../../common/sync/protocol.js';

/** Unauthenticated liveness check; says nothing about users or data. */
export function registerHealthRoute(app: FastifyInstance): void {
  app.get(syncPaths.health, (_request, reply) =>
    reply.send({ status: 'ok', apiVersion: API_VERSION, serverTime: new Date().toISOString() }),
  );
}
