import {
  adminPaths,
  type AdminUser,
  type AdminUserList,
  type CreateUserRequest,
  type UpdateUserRequest,
} from '../../../common/admin/accounts.js';
import { SignInRequiredError, toServerError } from '../../sync/http-errors.js';
import { getSyncEngine } from '../auth/session-runtime.js';

/**
 * The admin API through the signed-in session (tokens refreshed as needed). Throws NetworkError
 * (no answer), ServerError (`{ code, message, path }`) or SignInRequiredError.
 */
async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
  const engine = getSyncEngine();
  if (!engine) throw new SignInRequiredError('SIGN_IN_REQUIRED');
  const response = await engine.api(path, {
    ...init,
    headers: init.body ? { 'Content-Type': 'application/json' } : {},
  });
  if (!response.ok) throw await toServerError(response);
  return (response.status === 204 ? null : await response.json()) as T;
}

export const usersApi = {
  list: () => send<AdminUserList>(adminPaths.users),
  create: (request: CreateUserRequest) => send<AdminUser>(adminPaths.users, { method: 'POST', body: JSON.stringify(request) }),
  update: (id: string, request: UpdateUserRequest) => send<AdminUser>(adminPaths.user(id), { method: 'PATCH', body: JSON.stringify(request) }),
  resetPassword: (id: string, password: string) => send<null>(adminPaths.password(id), { method: 'POST', body: JSON.stringify({ password }) }),
};
