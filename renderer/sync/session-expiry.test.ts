import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminPaths } from '../../common/admin/accounts.js';
import { syncPaths, type LoginResponse } from '../../common/sync/protocol.js';
import { openDatabase, type DeskDatabase } from '../db/database.js';
import { testStorage } from '../db/test-storage.js';
import { AuthSession, login } from './auth-session.js';
import { memoryPendingPersistence } from './pending-store.js';
import { SyncEngine } from './sync-engine.js';
import { useSyncStatus } from './sync-status-store.js';
import { startRealServer, until } from './real-server.test-helpers.js';

/**
 * Sessions that end while work waits to go up: refresh-token reuse, a password reset by an
 * admin, and an app too old for the server. The queue must survive each, and go up once the
 * person signs in again. A real sync server on 127.0.0.1.
 */
interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

const PASSWORD = 'Kestane-Balı-7';
let server: RunningServer;
let adminToken: string;
const open: { db: DeskDatabase; engine: SyncEngine }[] = [];

beforeAll(async () => {
  server = await startRealServer<RunningServer>();
  adminToken = (await login(server.url, { username: 'admin', password: 'demo1234', deviceId: 'test-admin' })).accessToken;
});
afterAll(async () => server.close());
afterEach(async () => {
  for (const { db, engine } of open.splice(0)) {
    await engine.stop();
    await db.close();
  }
});

async function adminCall(path: string, method: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method, headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
}

async function account(username: string): Promise<string> {
  const response = await adminCall(adminPaths.users, 'POST', { username, name: `Test ${username}`, role: 'technician', contractIds: ['c-anka'], password: PASSWORD });
  if (response.status !== 201) throw new Error(await response.text());
  return `u-${username}`;
}

function person(id: string) {
  return { id, contractId: 'c-anka', name: `Test ${id}`, email: '', phone: '', department: 'IT', siteId: null, updatedAt: new Date().toISOString() };
}


async function onServer(id: string): Promise<boolean> {
  const { accessToken } = await login(server.url, { username: 'sup', password: 'demo1234', deviceId: 'test-witness' });
  const response = await fetch(`${server.url}${syncPaths.lookup('people')}?schema=0`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ ids: [id] }),
  });
  return ((await response.json()) as { documents: unknown[] }).documents.length === 1;
}

/** An engine whose session calls back into it when the refresh token is refused, as the app wires it. */
async function engineFor(answer: LoginResponse, makeAuth: (onSignInRequired: (reason: string) => void) => AuthSession = (onSignInRequired) => plainAuth(answer, onSignInRequired)) {
  const db = await openDatabase({ name: `expiry-${Math.random().toString(36).slice(2)}`, storage: testStorage() });
  const reasons: string[] = [];
  // eslint-disable-next-line prefer-const -- assigned once the engine exists; the session needs the callback first
  let engine: SyncEngine;
  const auth = makeAuth((reason) => {
    reasons.push(reason);
    engine.handleSignInRequired(reason as never);
  });
  engine = new SyncEngine({ db, auth, userId: answer.user.id, contractIds: answer.user.contractIds, persistence: memoryPendingPersistence(), retryTimeMs: 200 });
  open.push({ db, engine });
  engine.start();
  await engine.awaitInSync();
  return { db, engine, reasons };
}

function plainAuth(answer: LoginResponse, onSignInRequired: (reason: string) => void): AuthSession {
  const auth = new AuthSession({ serverUrl: server.url, refreshToken: answer.refreshToken, saveRefreshToken: () => Promise.resolve(), onSignInRequired: onSignInRequired });
  auth.adopt(answer);
  return auth;
}

/** The session of an older build: every sync URL names a schema version below the server's. */
class OldBuildSession extends AuthSession {
  override fetch(path: string, init?: RequestInit): Promise<Response> {
    return super.fetch(path.replace(/([?&])schema=\d+/, '$1schema=-1'), init);
  }
}

describe('sessions that end with work in the queue', () => {
  it('a refresh token replayed elsewhere ends the session for both; the queue stays and goes up after signing in', async () => {
    await account('replayed');
    const answer = await login(server.url, { username: 'replayed', password: PASSWORD, deviceId: 'test-replayed' });
    // Someone copied the refresh token and used it first.
    const stolen = await fetch(`${server.url}${syncPaths.refresh}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: answer.refreshToken }) });
    const thief = (await stolen.json()) as LoginResponse;
    expect(stolen.status).toBe(200);

    // The app starts with no access token (a reload): its first refresh presents the spent token.
    const db = await openDatabase({ name: `expiry-${Math.random().toString(36).slice(2)}`, storage: testStorage() });
    const auth = new AuthSession({ serverUrl: server.url, refreshToken: answer.refreshToken, saveRefreshToken: () => Promise.resolve(), onSignInRequired: (reason) => engine.handleSignInRequired(reason) });
    const engine = new SyncEngine({ db, auth, userId: answer.user.id, persistence: memoryPendingPersistence(), retryTimeMs: 200 });
    open.push({ db, engine });
    engine.start();
    await db.people.insert(person('p-replayed'));
    await until(() => useSyncStatus.getState().signInRequired);
    expect(useSyncStatus.getState().lastError?.code).toBe('AUTH_REFRESH_REUSED');
    // The whole family is revoked: the thief's newer token is dead too.
    const thiefRefresh = await fetch(`${server.url}${syncPaths.refresh}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ refreshToken: thief.refreshToken }) });
    expect(thiefRefresh.status).toBe(401);
    expect(await db.people.findOne('p-replayed').exec()).not.toBeNull();
    await until(() => useSyncStatus.getState().pending === 1);
    expect(await onServer('p-replayed')).toBe(false);

    engine.resume(plainAuth(await login(server.url, { username: 'replayed', password: PASSWORD, deviceId: 'test-replayed' }), () => undefined));
    await until(() => onServer('p-replayed'));
    await until(() => useSyncStatus.getState().pending === 0 && !useSyncStatus.getState().signInRequired);
  });

  it('a password reset by an admin ends the session mid-sync; the queue goes up after signing in with the new password', async () => {
    const id = await account('resetme');
    const answer = await login(server.url, { username: 'resetme', password: PASSWORD, deviceId: 'test-resetme' });
    let auth: AuthSession | null = null;
    const { db, engine } = await engineFor(answer, (onSignInRequired) => (auth = plainAuth(answer, onSignInRequired)));
    expect((await adminCall(adminPaths.password(id), 'POST', { password: 'Yeni-Parola-Çok-Güzel' })).status).toBe(204);
    // The 15-minute access token runs out; the next request refreshes, and the server says no.
    (auth as AuthSession | null)?.adopt({ accessToken: answer.accessToken, accessExpiresAt: Date.now(), refreshToken: answer.refreshToken });
    await db.people.insert(person('p-resetme'));
    await until(() => useSyncStatus.getState().signInRequired, 20_000);
    expect(useSyncStatus.getState().lastError?.code).toBe('AUTH_REFRESH_INVALID');
    await until(() => useSyncStatus.getState().pending === 1);
    expect(await db.people.findOne('p-resetme').exec()).not.toBeNull();
    expect(await onServer('p-resetme')).toBe(false);
    await expect(login(server.url, { username: 'resetme', password: PASSWORD, deviceId: 'x' })).rejects.toThrow();
    engine.resume(plainAuth(await login(server.url, { username: 'resetme', password: 'Yeni-Parola-Çok-Güzel', deviceId: 'test-resetme' }), () => undefined));
    await until(() => onServer('p-resetme'));
    await until(() => useSyncStatus.getState().pending === 0);
  });

  it('an app older than the server is told to update (426), stops syncing and keeps its changes', async () => {
    await account('oldbuild');
    const answer = await login(server.url, { username: 'oldbuild', password: PASSWORD, deviceId: 'test-old' });
    const db = await openDatabase({ name: `old-${Math.random().toString(36).slice(2)}`, storage: testStorage() });
    const auth = new OldBuildSession({ serverUrl: server.url, refreshToken: answer.refreshToken, saveRefreshToken: () => Promise.resolve(), onSignInRequired: () => undefined });
    auth.adopt(answer);
    const engine = new SyncEngine({ db, auth, userId: answer.user.id, persistence: memoryPendingPersistence(), retryTimeMs: 200 });
    open.push({ db, engine });
    engine.start();
    await db.people.insert(person('p-oldbuild'));
    await until(() => useSyncStatus.getState().outdated);
    expect(useSyncStatus.getState().lastError?.code).toBe('CLIENT_OUTDATED');
    await until(() => useSyncStatus.getState().pending === 1);
    expect(await db.people.findOne('p-oldbuild').exec()).not.toBeNull();
    expect(await onServer('p-oldbuild')).toBe(false);
    expect(engine.replication('people')).toBeUndefined();
  });
});
