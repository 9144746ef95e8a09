import { adminPaths, type AdminUser, type AdminUserList, type CreateUserRequest, type UpdateUserRequest } from '../../common/admin/accounts.js';
import { call, type Answer } from './http-client.js';

/** The admin API over HTTP, for tests. Bodies are `unknown` on purpose: tests send bad ones too. */
export interface Refusal {
  readonly code: string;
  readonly message: string;
  readonly path?: string;
}

export function listUsers(url: string, token: string): Promise<Answer<AdminUserList & Refusal>> {
  return call(url, adminPaths.users, { token });
}

export function createUser(url: string, token: string, body: CreateUserRequest | Record<string, unknown>): Promise<Answer<AdminUser & Refusal>> {
  return call(url, adminPaths.users, { method: 'POST', token, json: body });
}

export function updateUser(url: string, token: string, id: string, body: UpdateUserRequest | Record<string, unknown>): Promise<Answer<AdminUser & Refusal>> {
  return call(url, adminPaths.user(id), { method: 'PATCH', token, json: body });
}

export function resetPassword(url: string, token: string, id: string, password: string): Promise<Answer<Refusal | null>> {
  return call(url, adminPaths.password(id), { method: 'POST', token, json: { password } });
}

/** A password the policy accepts. */
export const GOOD_PASSWORD = 'Kestane-Balı-7';

/** Creates an account through the API and fails the test when the server refuses. */
export async function newAccount(url: string, adminToken: string, username: string, overrides: Partial<CreateUserRequest> = {}): Promise<AdminUser> {
  const answer = await createUser(url, adminToken, {
    username,
    name: `Test ${username}`,
    role: 'technician',
    contractIds: ['c-anka', 'c-bogaz'],
    password: GOOD_PASSWORD,
    ...overrides,
  });
  if (answer.status !== 201) throw new Error(`create ${username}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}
