import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scopeFingerprint } from '../../common/auth/permissions.js';
import { syncPaths, type LoginResponse, type SessionUser } from '../../common/sync/protocol.js';
import { DEMO_CONTRACT_IDS } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { call, login } from '../testing/http-client.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServerOn(kind, { lockout: { maxFailures: 3, lockMs: 60_000 }, loginRateLimit: { max: 100, windowMs: 60_000 } });
  });
  afterAll(async () => server.close());

  const signIn = (username: string, password: string, deviceId = 'dev-1') =>
    call<LoginResponse & { code?: string; message?: string }>(server.url, syncPaths.login, {
      method: 'POST',
      json: { username, password, deviceId },
    });

  describe('sign-in', () => {
    it('answers tokens and the session user for the right password', async () => {
      const answer = await signIn('tech', 'demo1234');
      expect(answer.status).toBe(200);
      expect(answer.body.user).toEqual({
        id: 'u-tech',
        username: 'tech',
        name: 'Emre Yılmaz',
        role: 'technician',
        contractIds: [DEMO_CONTRACT_IDS.anka, DEMO_CONTRACT_IDS.bogaz],
      });
      expect(answer.body.accessToken.split('.')).toHaveLength(3);
      expect(answer.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(answer.body.accessExpiresAt - Date.now()).toBeGreaterThan(14 * 60_000);
      expect(answer.body.accessExpiresAt - Date.now()).toBeLessThanOrEqual(15 * 60_000);
      const me = await call<SessionUser>(server.url, syncPaths.me, { token: answer.body.accessToken });
      expect(me.status).toBe(200);
      expect(me.body.id).toBe('u-tech');
    });

    it('gives the same 401 for a wrong password and an unknown user', async () => {
      const wrong = await signIn('sup', 'nope-nope');
      const unknown = await signIn('nobody', 'demo1234');
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body).toEqual({ code: 'AUTH_INVALID_CREDENTIALS', message: 'The user name or password is wrong.' });
      expect(unknown.body).toEqual(wrong.body);
      const audit = await server.store.listAudit(10);
      expect(audit.some((entry) => entry.event === 'auth.login.failed' && entry.username === 'nobody')).toBe(true);
    });

    it('locks a name after repeated failures, even with the right password afterwards', async () => {
      for (let i = 0; i < 3; i++) expect((await signIn('depo', `wrong-${i}`)).status).toBe(401);
      const locked = await signIn('depo', 'demo1234');
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('AUTH_ACCOUNT_LOCKED');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await signIn('admin', 'demo1234')).status).toBe(200);
    });

    it('refuses a malformed sign-in body with 400', async () => {
      const answer = await call<{ code: string; path: string }>(server.url, syncPaths.login, { method: 'POST', json: { username: 'tech' } });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'BAD_REQUEST', path: 'password' });
    });
  });

  describe('access tokens', () => {
    it('tells missing, invalid and expired tokens apart', async () => {
      expect((await call<{ code: string }>(server.url, syncPaths.me)).body.code).toBe('AUTH_TOKEN_MISSING');
      expect((await call<{ code: string }>(server.url, syncPaths.me, { token: 'a.b.c' })).body.code).toBe('AUTH_TOKEN_INVALID');
      const key = new TextEncoder().encode(server.config.jwtSecret);
      const past = Math.floor(Date.now() / 1000) - 3600;
      const expired = await new SignJWT({ did: 'dev-1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-tech')
        .setIssuer('deskops')
        .setAudience('deskops-sync')
        .setIssuedAt(past - 900)
        .setExpirationTime(past)
        .sign(key);
      const answer = await call<{ code: string }>(server.url, syncPaths.me, { token: expired });
      expect(answer.status).toBe(401);
      expect(answer.body.code).toBe('AUTH_TOKEN_EXPIRED');
      const otherAudience = await new SignJWT({ did: 'dev-1' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('u-tech')
        .setIssuer('deskops')
        .setAudience('someone-else')
        .setExpirationTime('5m')
        .sign(key);
      expect((await call<{ code: string }>(server.url, syncPaths.me, { token: otherAudience })).body.code).toBe('AUTH_TOKEN_INVALID');
    });
  });

  describe('refresh tokens', () => {
    const refresh = (refreshToken: string) =>
      call<LoginResponse & { code?: string }>(server.url, syncPaths.refresh, { method: 'POST', json: { refreshToken } });

    it('rotates on every refresh, and a reused token ends the whole family', async () => {
      const first = await login(server.url, 'tech2');
      const second = await refresh(first.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect(second.body.user.contractIds).toEqual([DEMO_CONTRACT_IDS.anka]);
      const third = await refresh(second.body.refreshToken);
      expect(third.status).toBe(200);

      const replay = await refresh(first.refreshToken);
      expect(replay.status).toBe(401);
      expect(replay.body.code).toBe('AUTH_REFRESH_REUSED');
      // The newest token of the family is dead too: whoever stole one cannot keep the session.
      const afterReuse = await refresh(third.body.refreshToken);
      expect(afterReuse.status).toBe(401);
      expect(afterReuse.body.code).toBe('AUTH_REFRESH_INVALID');
      const audit = await server.store.listAudit(20);
      expect(audit.filter((entry) => entry.event === 'auth.refresh.reused' && entry.userId === 'u-tech2').length).toBeGreaterThanOrEqual(1);
    });

    it('ends the family on logout and refuses unknown tokens', async () => {
      const session = await login(server.url, 'sup');
      const out = await call(server.url, syncPaths.logout, { method: 'POST', json: { refreshToken: session.refreshToken } });
      expect(out.status).toBe(204);
      expect((await refresh(session.refreshToken)).body.code).toBe('AUTH_REFRESH_INVALID');
      expect((await refresh('x'.repeat(43))).body.code).toBe('AUTH_REFRESH_INVALID');
    });
  });

  describe('scope fingerprint', () => {
    it('is what pulls report for the user', async () => {
      const session = await login(server.url, 'tech');
      const answer = await call<{ checkpoint: { scope: string } }>(server.url, `${syncPaths.pull('tickets')}?schema=0`, {
        token: session.accessToken,
      });
      expect(answer.body.checkpoint.scope).toBe(scopeFingerprint(['c-anka', 'c-bogaz']));
    });
  });
});
