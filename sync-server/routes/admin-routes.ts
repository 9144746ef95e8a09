import type { FastifyInstance, FastifyRequest } from 'fastify';
import { adminPaths } from '../../common/admin/accounts.js';
import { API_PREFIX } from '../../common/sync/protocol.js';
import type { AuthService } from '../auth/auth-service.js';
import { AccountAdmin, type AdminActor } from '../services/account-admin.js';
import type { ChangeNotifier } from '../services/notifier.js';
import type { Store } from '../store/store.js';

interface UserRequest {
  Params: { id: string };
}

/**
 * `/api/v1/admin/…`: account administration (admins; supervisors below admin). Accounts are not
 * a replicated collection: these are plain request/response calls, refused with 4xx
 * `{ code, message, path }` naming the field.
 */
export function registerAdminRoutes(app: FastifyInstance, deps: { store: Store; auth: AuthService; notifier: ChangeNotifier }): void {
  const admin = new AccountAdmin(deps.store, deps.notifier);
  const actor = async (request: FastifyRequest): Promise<AdminActor> => {
    const { user, deviceId } = await deps.auth.authenticate(request.headers.authorization);
    return { user, deviceId, ip: request.ip };
  };

  app.get(adminPaths.users, async (request) => admin.list(await actor(request)));

  app.post(adminPaths.users, async (request, reply) => {
    const created = await admin.create(await actor(request), request.body);
    return reply.code(201).send(created);
  });

  app.patch<UserRequest>(`${API_PREFIX}/admin/users/:id`, async (request) => admin.update(await actor(request), request.params.id, request.body));

  app.post<UserRequest>(`${API_PREFIX}/admin/users/:id/password`, async (request, reply) => {
    await admin.resetPassword(await actor(request), request.params.id, request.body);
    return reply.code(204).send();
  });
}
