import { PassThrough } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { syncPaths, type StreamMessage } from '../../common/sync/protocol.js';
import type { AuthService } from '../auth/auth-service.js';
import type { ChangeNotifier } from '../services/notifier.js';

/**
 * One server-sent-events connection per client for all collections. It carries small pokes
 * (`change` with collection and seq), never documents: the client pulls through its checkpoint,
 * so a lost poke only delays and tenancy stays enforced in exactly one place (the pull).
 */
export function registerStreamRoute(
  app: FastifyInstance,
  deps: { auth: AuthService; notifier: ChangeNotifier; heartbeatMs: number },
): void {
  const open = new Set<() => void>();

  // Open streams never finish on their own; end them so close() does not wait forever.
  app.addHook('preClose', (done) => {
    for (const end of [...open]) end();
    done();
  });

  app.get(syncPaths.stream, async (request, reply) => {
    const { user } = await deps.auth.authenticate(request.headers.authorization);
    let contracts = new Set(user.contractIds);
    const stream = new PassThrough();
    const socket = request.raw.socket;
    const send = (message: StreamMessage) => stream.write(`data: ${JSON.stringify(message)}\n\n`);

    const unsubscribe = deps.notifier.subscribe((notice) => {
      if (notice.contractIds.some((id) => contracts.has(id))) {
        send({ type: 'change', collection: notice.collection, seq: notice.seq });
      }
    });
    // The account changed (here or on another instance): follow its new contracts and tell the
    // client to pull everything again; a disabled or removed account's stream ends.
    let accountVersion = 0;
    const unsubscribeAccount = deps.notifier.subscribeAccount((notice) => {
      if (notice.userId !== user.id || notice.version <= accountVersion) return;
      accountVersion = notice.version;
      deps.auth
        .currentUser(user.id)
        .then((current) => {
          if (!current) return end();
          contracts = new Set(current.contractIds);
          send({ type: 'resync' });
        })
        .catch((error: unknown) => {
          request.log.error({ err: error }, 'stream could not re-read its account');
          end();
        });
    });
    // A comment line keeps proxies and NAT tables from dropping a quiet connection.
    const heartbeat = setInterval(() => stream.write(': heartbeat\n\n'), deps.heartbeatMs);
    heartbeat.unref();
    const end = () => {
      if (!open.delete(end)) return;
      clearInterval(heartbeat);
      unsubscribe();
      unsubscribeAccount();
      stream.end();
      // An event stream never becomes a reusable keep-alive connection: drop the socket, or a
      // half-closed one keeps server.close() waiting for the keep-alive timeout.
      socket.destroy();
    };
    open.add(end);
    reply.raw.on('close', end);

    // The client treats `hello` like RESYNC: pull everything since its checkpoint.
    send({ type: 'hello', serverTime: new Date().toISOString() });
    return reply
      .header('Content-Type', 'text/event-stream; charset=utf-8')
      .header('X-Accel-Buffering', 'no')
      .send(stream);
  });
}
