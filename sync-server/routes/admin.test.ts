import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeFingerprint } from '../../common/auth/permissions.js';
import { syncPaths, type LoginResponse } from '../../common/sync/protocol.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { createUser, GOOD_PASSWORD, listUsers, newAccount, resetPassword, updateUser } from '../testing/admin-client.js';
import { ticketDoc } from '../testing/fixtures.js';
import { call, login, pull, push } from '../testing/http-client.js';
import { signInAll } from '../testing/session.js';
import { openStream } from '../testing/stream-reader.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech', 'sup', 'admin']);
  });
  afterAll(async () => server.close());

  const refresh = (refreshToken: string) => call<LoginResponse & { code?: string }>(server.url, syncPaths.refresh, { method: 'POST', json: { refreshToken } });
  const audit = async (event: string) => (await server.store.listAudit(200)).filter((entry) => entry.event === event);

  describe('who may administer', () => {
    it('lists accounts to an admin and a supervisor, never with a password hash', async () => {
      const answer = await listUsers(server.url, token.admin);
      expect(answer.status).toBe(200);
      expect(answer.body.users.map((user) => user.username)).toEqual(expect.arrayContaining(['admin', 'depo', 'sup', 'tech', 'tech2']));
      expect(answer.body.users.find((user) => user.username === 'tech')).toMatchObject({ id: 'u-tech', role: 'technician', contractIds: ['c-anka', 'c-bogaz'], disabled: false });
      expect(JSON.stringify(answer.body)).not.toMatch(/argon2|passwordHash|password_hash/);
      expect((await listUsers(server.url, token.sup)).status).toBe(200);
    });

    it('refuses technicians (403, audited) and anonymous callers (401)', async () => {
      const denied = await listUsers(server.url, token.tech);
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('ROLE_FORBIDDEN');
      expect((await createUser(server.url, token.tech, { username: 'sneaky', name: 'S', role: 'admin', contractIds: [], password: GOOD_PASSWORD })).status).toBe(403);
      expect((await server.store.getUserByUsername('sneaky'))).toBeNull();
      expect((await audit('admin.denied')).some((entry) => entry.userId === 'u-tech')).toBe(true);
      expect((await call(server.url, '/api/v1/admin/users')).status).toBe(401);
    });
  });

  describe('creating accounts', () => {
    it('creates an account that signs in, appears in the staff directory, and is audited', async () => {
      const answer = await createUser(server.url, token.admin, {
        username: '  Ayse.Kaya ',
        name: 'Ayşe Kaya',
        role: 'technician',
        contractIds: ['c-bogaz'],
        password: GOOD_PASSWORD,
      });
      expect(answer.status).toBe(201);
      expect(answer.body).toMatchObject({ id: 'u-ayse.kaya', username: 'ayse.kaya', name: 'Ayşe Kaya', role: 'technician', contractIds: ['c-bogaz'], disabled: false });
      const session = await login(server.url, 'ayse.kaya', GOOD_PASSWORD);
      expect(session.user.contractIds).toEqual(['c-bogaz']);
      const staff = await pull(server.url, token.sup, 'staff', { limit: 1000 });
      expect(staff.body.documents.find((doc) => doc.id === 'u-ayse.kaya:c-bogaz')).toMatchObject({ name: 'Ayşe Kaya', _deleted: false });
      const [entry] = (await audit('admin.user.created')).filter((row) => row.detail?.['target'] === 'u-ayse.kaya');
      expect(entry).toMatchObject({ userId: 'u-admin', username: 'admin', detail: { role: 'technician', contractIds: ['c-bogaz'] } });
      expect(JSON.stringify(entry)).not.toContain(GOOD_PASSWORD);
    });

    it.each([
      [{ username: 'x' }, 422, 'VALIDATION_FAILED', 'username'],
      [{ username: 'Çağrı' }, 422, 'VALIDATION_FAILED', 'username'],
      [{ name: '   ' }, 422, 'VALIDATION_FAILED', 'name'],
      [{ role: 'root' }, 422, 'VALIDATION_FAILED', 'role'],
      [{ contractIds: ['c-nowhere'] }, 422, 'VALIDATION_FAILED', 'contractIds'],
      [{ contractIds: 'c-anka' }, 422, 'VALIDATION_FAILED', 'contractIds'],
      [{ password: 'kısa' }, 422, 'PASSWORD_TOO_WEAK', 'password'],
      [{ password: 'Password2024!' }, 422, 'PASSWORD_TOO_WEAK', 'password'],
      [{ password: '1234567890' }, 422, 'PASSWORD_TOO_WEAK', 'password'],
      [{ password: 'aaaaaaaaaaaaaa' }, 422, 'PASSWORD_TOO_WEAK', 'password'],
      [{ password: 'xx-newbie-2026-xx' }, 422, 'PASSWORD_TOO_WEAK', 'password'],
      [{ username: 'tech' }, 409, 'USERNAME_TAKEN', 'username'],
      [{ isAdmin: true }, 400, 'BAD_REQUEST', 'isAdmin'],
    ])('refuses %j with %i %s on %s, writing nothing', async (override, status, code, path) => {
      const before = (await server.store.listUsers()).length;
      const answer = await createUser(server.url, token.admin, {
        username: 'newbie',
        name: 'New Person',
        role: 'technician',
        contractIds: ['c-anka'],
        password: GOOD_PASSWORD,
        ...override,
      });
      expect(answer.status).toBe(status);
      expect(answer.body).toMatchObject({ code, path });
      expect(answer.body.message.length).toBeGreaterThan(10);
      expect((await server.store.listUsers()).length).toBe(before);
    });
  });

  describe('supervisors', () => {
    it('may create technicians but not grant admin, touch an admin, or give contracts they do not serve', async () => {
      const sup2 = await newAccount(server.url, token.admin, 'sup2', { role: 'supervisor', contractIds: ['c-anka'] });
      const sup2Token = (await login(server.url, sup2.username, GOOD_PASSWORD)).accessToken;
      const asAdmin = await createUser(server.url, sup2Token, { username: 'boss', name: 'Boss', role: 'admin', contractIds: [], password: GOOD_PASSWORD });
      expect(asAdmin.status).toBe(403);
      expect(asAdmin.body).toMatchObject({ code: 'ROLE_FORBIDDEN', path: 'role' });
      const promote = await updateUser(server.url, sup2Token, 'u-tech2', { role: 'admin' });
      expect(promote.body).toMatchObject({ code: 'ROLE_FORBIDDEN', path: 'role' });
      const touchAdmin = await updateUser(server.url, sup2Token, 'u-admin', { name: 'Hijacked' });
      expect(touchAdmin.status).toBe(403);
      expect((await resetPassword(server.url, sup2Token, 'u-admin', GOOD_PASSWORD)).status).toBe(403);
      expect((await server.store.getUserById('u-admin'))?.name).toBe('Can Öztürk');
      // BOGAZ exists, but sup2 does not serve it: answered like an unknown contract.
      const foreign = await createUser(server.url, sup2Token, { username: 'helper', name: 'Helper', role: 'technician', contractIds: ['c-bogaz'], password: GOOD_PASSWORD });
      expect(foreign.status).toBe(422);
      expect(foreign.body).toMatchObject({ code: 'VALIDATION_FAILED', path: 'contractIds', message: 'There is no contract "c-bogaz".' });
      const helper = await createUser(server.url, sup2Token, { username: 'helper', name: 'Helper', role: 'technician', contractIds: ['c-anka'], password: GOOD_PASSWORD });
      expect(helper.status).toBe(201);
      // sup2's list replaces only ANKA: tech keeps BOGAZ, which sup2 cannot see or remove.
      const narrowed = await updateUser(server.url, sup2Token, 'u-helper', { contractIds: [] });
      expect(narrowed.body.contractIds).toEqual([]);
      const widened = await updateUser(server.url, token.admin, 'u-helper', { contractIds: ['c-anka', 'c-merkez'] });
      expect(widened.body.contractIds).toEqual(['c-anka', 'c-merkez']);
      expect((await updateUser(server.url, sup2Token, 'u-helper', { contractIds: [] })).body.contractIds).toEqual(['c-merkez']);
    });
  });

  describe('changing accounts', () => {
    it('applies a contract change at once: pulls restart in the new scope, the stream says resync, staff follows', async () => {
      const user = await newAccount(server.url, token.admin, 'mover');
      const session = await login(server.url, 'mover', GOOD_PASSWORD);
      const first = await pull(server.url, session.accessToken, 'tickets', { limit: 1000 });
      expect(first.body.contractIds).toEqual(['c-anka', 'c-bogaz']);
      const again = await pull(server.url, session.accessToken, 'tickets', { limit: 1000, checkpoint: first.body.checkpoint });
      expect(again.body.contractIds).toBeUndefined();
      const stream = openStream(server.url, session.accessToken);
      await stream.until((all) => all.some((message) => message.type === 'hello'));

      const changed = await updateUser(server.url, token.admin, user.id, { contractIds: ['c-anka'], version: user.version });
      expect(changed.status).toBe(200);
      expect(changed.body.version).toBeGreaterThan(user.version);
      await stream.until((all) => all.some((message) => message.type === 'resync'));

      // The same access token, the old checkpoint: the pull starts over in the new scope and says so.
      const after = await pull(server.url, session.accessToken, 'tickets', { limit: 1000, checkpoint: first.body.checkpoint });
      expect(after.body.contractIds).toEqual(['c-anka']);
      expect(after.body.checkpoint.scope).toBe(scopeFingerprint(['c-anka']));
      expect(after.body.documents.length).toBeGreaterThan(0);
      expect(after.body.documents.every((doc) => doc['contractId'] === 'c-anka')).toBe(true);
      // Writing into BOGAZ is refused from now on, exactly like a missing document.
      const denied = await push(server.url, session.accessToken, 'tickets', [{ newDocumentState: ticketDoc('t-mover-1', 'c-bogaz') }]);
      expect(denied.status).toBe(404);
      const staff = await pull(server.url, token.sup, 'staff', { limit: 1000 });
      expect(staff.body.documents.find((doc) => doc.id === 'u-mover:c-bogaz')?._deleted).toBe(true);
      expect(staff.body.documents.find((doc) => doc.id === 'u-mover:c-anka')?._deleted).toBe(false);
      // Pokes now follow the new scope: a BOGAZ change does not reach this stream, an ANKA one does.
      await push(server.url, token.sup, 'tickets', [{ newDocumentState: ticketDoc('t-mover-bogaz', 'c-bogaz') }]);
      await push(server.url, token.sup, 'tickets', [{ newDocumentState: ticketDoc('t-mover-anka', 'c-anka') }]);
      const [anka] = await server.store.getDocs('tickets', ['t-mover-anka']);
      const messages = await stream.until((all) => all.some((message) => message.type === 'change' && message.seq === anka?.seq));
      const [bogaz] = await server.store.getDocs('tickets', ['t-mover-bogaz']);
      expect(messages.some((message) => message.type === 'change' && message.seq === bogaz?.seq)).toBe(false);
      const [entry] = (await audit('admin.user.updated')).filter((row) => row.detail?.['target'] === user.id);
      expect(entry?.detail).toMatchObject({ contracts: { added: [], removed: ['c-bogaz'] } });
      stream.close();
    });

    it('applies a role change on the next request, without signing in again', async () => {
      const user = await newAccount(server.url, token.admin, 'climber', { contractIds: ['c-anka'] });
      const session = await login(server.url, 'climber', GOOD_PASSWORD);
      expect((await listUsers(server.url, session.accessToken)).status).toBe(403);
      expect((await updateUser(server.url, token.admin, user.id, { role: 'supervisor' })).body.role).toBe('supervisor');
      expect((await listUsers(server.url, session.accessToken)).status).toBe(200);
      expect((await call<{ role: string }>(server.url, syncPaths.me, { token: session.accessToken })).body.role).toBe('supervisor');
    });

    it('disabling ends every session and stream at once; enabling lets the person sign in again', async () => {
      const user = await newAccount(server.url, token.admin, 'leaver');
      const session = await login(server.url, 'leaver', GOOD_PASSWORD);
      const stream = openStream(server.url, session.accessToken);
      await stream.until((all) => all.some((message) => message.type === 'hello'));
      const disabled = await updateUser(server.url, token.admin, user.id, { disabled: true });
      expect(disabled.body.disabled).toBe(true);
      await stream.ended;
      expect((await pull(server.url, session.accessToken, 'tickets')).status).toBe(401);
      expect((await refresh(session.refreshToken)).status).toBe(401);
      await expect(login(server.url, 'leaver', GOOD_PASSWORD)).rejects.toThrow(/401/);
      const staff = await pull(server.url, token.sup, 'staff', { limit: 1000 });
      expect(staff.body.documents.filter((doc) => doc['userId'] === user.id).every((doc) => doc._deleted)).toBe(true);
      await updateUser(server.url, token.admin, user.id, { disabled: false });
      expect((await login(server.url, 'leaver', GOOD_PASSWORD)).user.id).toBe(user.id);
    });

    it('refuses a stale version, a change of one’s own role or disabling oneself, and unknown accounts', async () => {
      const user = await newAccount(server.url, token.admin, 'contested');
      expect((await updateUser(server.url, token.admin, user.id, { name: 'First', version: user.version })).status).toBe(200);
      const stale = await updateUser(server.url, token.admin, user.id, { name: 'Second', version: user.version });
      expect(stale.status).toBe(409);
      expect(stale.body).toMatchObject({ code: 'ACCOUNT_STALE', path: 'version' });
      expect((await server.store.getUserById(user.id))?.name).toBe('First');
      expect((await updateUser(server.url, token.admin, 'u-admin', { role: 'technician' })).body).toMatchObject({ code: 'VALIDATION_FAILED', path: 'role' });
      expect((await updateUser(server.url, token.admin, 'u-admin', { disabled: true })).body).toMatchObject({ code: 'VALIDATION_FAILED', path: 'disabled' });
      expect((await updateUser(server.url, token.admin, 'u-nobody', { name: 'X' })).status).toBe(404);
      expect((await updateUser(server.url, token.admin, user.id, {})).status).toBe(400);
      // The same values again change nothing: no new version, no audit entry.
      const same = await updateUser(server.url, token.admin, user.id, { name: 'First' });
      expect(same.body.version).toBe((await server.store.getUserById(user.id))?.version);
    });

    it('resets a password: the policy applies, the old one stops working, every session ends', async () => {
      const user = await newAccount(server.url, token.admin, 'forgetful');
      const session = await login(server.url, 'forgetful', GOOD_PASSWORD);
      const weak = await resetPassword(server.url, token.admin, user.id, 'forgetful-2026');
      expect(weak.status).toBe(422);
      expect(weak.body).toMatchObject({ code: 'PASSWORD_TOO_WEAK', path: 'password' });
      // A second later: the reset ends access tokens issued before it (iat has whole seconds).
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect((await resetPassword(server.url, token.admin, user.id, 'Yeni-Parola-Çok-Güzel')).status).toBe(204);
      expect((await pull(server.url, session.accessToken, 'tickets')).body).toMatchObject({ code: 'AUTH_TOKEN_INVALID' });
      await expect(login(server.url, 'forgetful', GOOD_PASSWORD)).rejects.toThrow(/401/);
      expect((await refresh(session.refreshToken)).body.code).toBe('AUTH_REFRESH_INVALID');
      const fresh = await login(server.url, 'forgetful', 'Yeni-Parola-Çok-Güzel');
      expect((await pull(server.url, fresh.accessToken, 'tickets')).status).toBe(200);
      const [entry] = (await audit('admin.user.password_reset')).filter((row) => row.detail?.['target'] === user.id);
      expect(entry?.detail).toMatchObject({ sessionsEnded: 1 });
      expect((await resetPassword(server.url, token.admin, 'u-nobody', 'Yeni-Parola-Çok-Güzel')).status).toBe(404);
    });
  });
});
