import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminPaths } from '../../common/admin/accounts.js';
import { schemaVersionOf, syncPaths } from '../../common/sync/protocol.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { GOOD_PASSWORD } from '../testing/admin-client.js';
import { call } from '../testing/http-client.js';
import { signInAll } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

/**
 * U+0000 (and other control characters) in names and identifiers. PostgreSQL cannot hold U+0000
 * in a text value, so these used to reach the store and fail there: a 500 on PostgreSQL (the
 * fuzz suite found it with an account id `%00`) while SQLite stored them. Now both stores refuse
 * them alike, before the store is asked, and nothing is written.
 */
describe.each(storeKinds())('%s store: control characters in names and ids', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech', 'sup', 'admin']);
  });
  afterAll(async () => server.close());

  const json = (method: string, accessToken: string | undefined, body: unknown) => ({ method, ...(accessToken ? { token: accessToken } : {}), json: body });

  it.each([
    ['an account id in a password reset', () => call(server.url, adminPaths.password('a\u0000b'), json('POST', token.sup, { password: GOOD_PASSWORD })), 404, 'NOT_FOUND', undefined],
    ['an account id in an update', () => call(server.url, adminPaths.user('\u0000'), json('PATCH', token.admin, { name: 'Ad' })), 404, 'NOT_FOUND', undefined],
    ['a name in a new account', () => call(server.url, adminPaths.users, json('POST', token.admin, { username: 'nulname', name: 'Ad\u0000Soyad', role: 'technician', contractIds: ['c-anka'], password: GOOD_PASSWORD })), 422, 'VALIDATION_FAILED', 'name'],
    ['a name in an update', () => call(server.url, adminPaths.user('u-tech'), json('PATCH', token.admin, { name: 'Emre\u0000' })), 422, 'VALIDATION_FAILED', 'name'],
    ['a lookup id', () => call(server.url, `${syncPaths.lookup('tickets')}?schema=${schemaVersionOf('tickets')}`, json('POST', token.tech, { ids: ['t-anka-001', '\u0000'] })), 400, 'BAD_REQUEST', 'ids'],
    ['a user name at sign-in', () => call(server.url, syncPaths.login, json('POST', undefined, { username: 'tech\u0000', password: 'demo1234', deviceId: 'd' })), 400, 'BAD_REQUEST', 'username'],
    ['a device id at sign-in', () => call(server.url, syncPaths.login, json('POST', undefined, { username: 'tech', password: 'demo1234', deviceId: 'd\u0000' })), 400, 'BAD_REQUEST', 'deviceId'],
  ] as const)('refuses U+0000 in %s with a 4xx and writes nothing', async (_what, send, status, code, path) => {
    const before = JSON.stringify(await server.store.listUsers());
    const seq = await server.store.maxSeq();
    const answer = await send();
    expect(answer.status).toBe(status);
    expect(answer.body).toMatchObject({ code, ...(path ? { path } : {}) });
    expect(JSON.stringify(await server.store.listUsers())).toBe(before);
    expect(await server.store.maxSeq()).toBe(seq);
  });

  it('answers an account id with a control character exactly like a missing account', async () => {
    const odd = await call(server.url, adminPaths.password('u-x\u0001'), json('POST', token.admin, { password: GOOD_PASSWORD }));
    const missing = await call(server.url, adminPaths.password('u-x-nobody'), json('POST', token.admin, { password: GOOD_PASSWORD }));
    expect([odd.status, (odd.body as { code: string }).code]).toEqual([missing.status, (missing.body as { code: string }).code]);
  });

  it('still signs in with a pasted user name that ends in a newline (trimmed as before)', async () => {
    const answer = await call(server.url, syncPaths.login, json('POST', undefined, { username: 'tech\n', password: 'demo1234', deviceId: 'pasted' }));
    expect(answer.status).toBe(200);
  });

  it('still signs in and looks up ordinary ids', async () => {
    const answer = await call<{ documents: unknown[] }>(server.url, `${syncPaths.lookup('tickets')}?schema=${schemaVersionOf('tickets')}`, json('POST', token.tech, { ids: ['t-anka-001'] }));
    expect(answer.status).toBe(200);
    expect(answer.body.documents).toHaveLength(1);
  });
});
