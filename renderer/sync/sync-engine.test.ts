import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { schemaVersionOf, syncPaths, type PullResponse, type SyncCheckpoint } from '../../common/sync/protocol.js';
import { encodeCheckpoint } from '../../common/sync/protocol.js';
import { openDatabase, type DeskDatabase } from '../db/database.js';
import { testStorage } from '../db/test-storage.js';
import { AuthSession, login } from './auth-session.js';
import { memoryPendingPersistence } from './pending-store.js';
import { SyncEngine } from './sync-engine.js';
import { useSyncStatus } from './sync-status-store.js';
import { startRealServer, until } from './real-server.test-helpers.js';

/** The little the test needs from sync-server/start.ts; everything else goes over HTTP like the app. */
interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A real sync server on 127.0.0.1 (quality.md: real parts over mocks), see real-server.test-helpers.ts. */
let server: RunningServer;
const open: { db: DeskDatabase; engine: SyncEngine }[] = [];

beforeAll(async () => {
  server = await startRealServer<RunningServer>();
});
afterAll(async () => {
  await server.close();
});
afterEach(async () => {
  for (const { db, engine } of open.splice(0)) {
    await engine.stop();
    await db.close();
  }
});

async function signedIn(username = 'tech') {
  const answer = await login(server.url, { username, password: 'demo1234', deviceId: `test-${username}` });
  const saved: string[] = [];
  const signInRequired: string[] = [];
  const auth = new AuthSession({
    serverUrl: server.url,
    refreshToken: answer.refreshToken,
    saveRefreshToken: (token) => {
      saved.push(token);
      return Promise.resolve();
    },
    onSignInRequired: (reason) => signInRequired.push(reason),
  });
  auth.adopt(answer, answer.skewMs);
  return { answer, auth, saved, signInRequired };
}

async function client(username = 'tech') {
  const session = await signedIn(username);
  const db = await openDatabase({ name: `sync-${username}-${Math.random().toString(36).slice(2)}`, storage: testStorage() });
  const engine = new SyncEngine({ db, auth: session.auth, userId: session.answer.user.id, persistence: memoryPendingPersistence(), retryTimeMs: 200 });
  open.push({ db, engine });
  engine.start();
  await engine.awaitInSync();
  return { ...session, db, engine };
}

/** Everything the server lets this user see in a collection, read straight over HTTP. */
async function serverDocs(auth: AuthSession, collection: 'people' | 'tickets'): Promise<Record<string, unknown>[]> {
  const all: Record<string, unknown>[] = [];
  let checkpoint: SyncCheckpoint | null = null;
  for (;;) {
    const query: string = `limit=1000&schema=${schemaVersionOf(collection)}${checkpoint ? `&checkpoint=${encodeCheckpoint(checkpoint)}` : ''}`;
    const response = await auth.fetch(`${syncPaths.pull(collection)}?${query}`);
    const page = (await response.json()) as PullResponse<Record<string, unknown>>;
    all.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return all;
  }
}

function person(id: string, contractId: string) {
  return { id, contractId, name: `Test ${id}`, email: '', phone: '', department: 'IT', siteId: null, updatedAt: new Date().toISOString() };
}


describe('sync engine against a real sync server', () => {
  it('pulls the user’s documents on first sync and records the time', async () => {
    const { db } = await client();
    expect(await db.contracts.count().exec()).toBeGreaterThan(0);
    expect(await db.tickets.count().exec()).toBeGreaterThan(0);
    expect(await db.staff.count().exec()).toBeGreaterThan(0);
    // tech serves ANKA and BOGAZ only: nothing of MERKEZ arrives.
    const contracts = await db.contracts.find().exec();
    expect(contracts.map((contract) => contract.id).sort()).toEqual(['c-anka', 'c-bogaz']);
    expect(useSyncStatus.getState().lastSyncAt).not.toBeNull();
    expect(useSyncStatus.getState().serverReachable).toBe(true);
  });

  it('counts local inserts while the server is unreachable, across a restart, then pushes them', async () => {
    const { answer, auth } = await signedIn();
    const db = await openDatabase({ name: `sync-offline-${Math.random().toString(36).slice(2)}`, storage: testStorage() });
    const outbox = memoryPendingPersistence();
    // Nothing listens on port 9: every request fails without an answer, like being offline.
    const offlineAuth = new AuthSession({ serverUrl: 'http://127.0.0.1:9', refreshToken: 'unused', accessToken: 'x', accessExpiresAt: Date.now() + 600_000, saveRefreshToken: () => Promise.resolve(), onSignInRequired: () => undefined });
    const offline = new SyncEngine({ db, auth: offlineAuth, userId: answer.user.id, persistence: outbox, retryTimeMs: 200, stream: false });
    open.push({ db, engine: offline });
    offline.start();
    await db.people.insert(person('p-local-1', 'c-anka'));
    await db.people.insert(person('p-local-2', 'c-bogaz'));
    await (await db.people.findOne('p-local-1').exec())?.incrementalPatch({ department: 'Ops' });
    await until(() => useSyncStatus.getState().pending === 2 && useSyncStatus.getState().serverReachable === false);
    await offline.stop();

    // "Reload": a new engine on the same replica and outbox starts at 2 before any answer.
    const online = new SyncEngine({ db, auth, userId: answer.user.id, persistence: outbox, retryTimeMs: 200 });
    open.push({ db, engine: online });
    online.start();
    expect(useSyncStatus.getState().pending).toBe(2);
    await online.awaitInSync();
    await until(() => useSyncStatus.getState().pending === 0);
    const ids = (await serverDocs(auth, 'people')).map((doc) => doc['id']);
    expect(ids).toEqual(expect.arrayContaining(['p-local-1', 'p-local-2']));
  });

  it('keeps the pending count exact across an edit, then drops it to 0 after the push', async () => {
    const { db, engine } = await client();
    const doc = await db.people.insert(person('p-edit', 'c-anka'));
    await engine.awaitInSync();
    expect(useSyncStatus.getState().pending).toBe(0);
    await doc.incrementalPatch({ department: 'Finance' });
    await engine.awaitInSync();
    await until(() => useSyncStatus.getState().pending === 0);
  });

  it('keeps a refused document locally, names it, and still sends the others', async () => {
    const { db, engine, auth } = await client();
    // tech does not serve MERKEZ: the server answers exactly as for a missing document.
    await db.people.bulkInsert([person('p-good', 'c-anka'), person('p-forbidden', 'c-merkez')]);
    await until(() => useSyncStatus.getState().documentErrors.length === 1);
    await engine.awaitInSync();
    const problem = useSyncStatus.getState().documentErrors[0];
    // A contract tech does not serve: said in those words, not as a bare "not found".
    expect(problem).toMatchObject({ collection: 'people', docId: 'p-forbidden', code: 'OUT_OF_SCOPE' });
    expect(await db.people.findOne('p-forbidden').exec()).not.toBeNull();
    const ids = (await serverDocs(auth, 'people')).map((doc) => doc['id']);
    expect(ids).toContain('p-good');
    expect(ids).not.toContain('p-forbidden');
    await until(() => useSyncStatus.getState().pending === 1);

    // Fixing it (a contract tech serves) sends it, based on what the server really has (nothing).
    await (await db.people.findOne('p-forbidden').exec())?.incrementalPatch({ contractId: 'c-bogaz' });
    await until(() => useSyncStatus.getState().documentErrors.length === 0);
    await engine.awaitInSync();
    await until(() => useSyncStatus.getState().pending === 0);
    expect((await serverDocs(auth, 'people')).map((doc) => doc['id'])).toContain('p-forbidden');
  });

  it('shows a 422 refusal with its field and keeps the local edit', async () => {
    const { db, engine, auth } = await client();
    const doc = await db.people.insert(person('p-mover', 'c-anka'));
    await engine.awaitInSync();
    await doc.incrementalPatch({ contractId: 'c-bogaz', name: 'Moved locally' });
    await until(() => useSyncStatus.getState().documentErrors.length === 1);
    expect(useSyncStatus.getState().documentErrors[0]).toMatchObject({ docId: 'p-mover', code: 'VALIDATION_FAILED', path: 'contractId' });
    expect(useSyncStatus.getState().lastError?.code).toBe('VALIDATION_FAILED');
    expect((await db.people.findOne('p-mover').exec())?.name).toBe('Moved locally');
    await until(() => useSyncStatus.getState().pending === 1);
    const onServer = (await serverDocs(auth, 'people')).find((d) => d['id'] === 'p-mover');
    expect(onServer?.['contractId']).toBe('c-anka');
  });

  it('refreshes tokens single-flight and never reuses a refresh token', async () => {
    const { auth, saved, signInRequired } = await signedIn();
    await Promise.all([auth.refresh(), auth.refresh(), auth.refresh()]);
    expect(saved).toHaveLength(1);
    await auth.refresh();
    expect(saved).toHaveLength(2);
    expect(new Set(saved).size).toBe(2);
    const response = await auth.fetch(`${syncPaths.pull('contracts')}?limit=5&schema=${schemaVersionOf('contracts')}`);
    expect(response.status).toBe(200);
    expect(signInRequired).toEqual([]);
  });

  it('recovers from a rejected access token by refreshing once', async () => {
    const { answer, saved } = await signedIn();
    const auth = new AuthSession({
      serverUrl: server.url,
      refreshToken: answer.refreshToken,
      accessToken: 'not-a-token',
      accessExpiresAt: Date.now() + 3_600_000,
      saveRefreshToken: (token) => {
        saved.push(token);
        return Promise.resolve();
      },
      onSignInRequired: () => undefined,
    });
    const response = await auth.fetch(`${syncPaths.pull('contracts')}?limit=5&schema=${schemaVersionOf('contracts')}`);
    expect(response.status).toBe(200);
    expect(saved).toHaveLength(1);
  });

  it('asks for sign-in when the refresh token is refused, keeping local changes', async () => {
    const { db, engine } = await client();
    await engine.stop();
    await db.people.insert(person('p-offline', 'c-anka'));
    const dead = new AuthSession({ serverUrl: server.url, refreshToken: 'bogus-refresh-token', saveRefreshToken: () => Promise.resolve(), onSignInRequired: (reason) => again.handleSignInRequired(reason) });
    const again = new SyncEngine({ db, auth: dead, userId: 'u-tech', persistence: memoryPendingPersistence(), retryTimeMs: 200 });
    open.push({ db, engine: again });
    again.start();
    await until(() => useSyncStatus.getState().signInRequired);
    expect(await db.people.findOne('p-offline').exec()).not.toBeNull();
    // Signing in again resumes the queue.
    const fresh = await signedIn();
    again.resume(fresh.auth);
    await until(async () => (await serverDocs(fresh.auth, 'people')).some((doc) => doc['id'] === 'p-offline'));
    await until(() => useSyncStatus.getState().pending === 0);
    expect(useSyncStatus.getState().signInRequired).toBe(false);
  });
});
