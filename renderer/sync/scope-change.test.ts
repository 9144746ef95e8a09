import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adminPaths, type AdminUser } from '../../common/admin/accounts.js';
import { encodeCheckpoint, schemaVersionOf, syncPaths, type LoginResponse, type PullResponse, type SyncCheckpoint } from '../../common/sync/protocol.js';
import { openDatabase, type DeskDatabase } from '../db/database.js';
import { testStorage } from '../db/test-storage.js';
import { AuthSession, login } from './auth-session.js';
import { memoryPendingPersistence, type PendingPersistence } from './pending-store.js';
import { SyncEngine } from './sync-engine.js';
import { useSyncStatus } from './sync-status-store.js';
import { startRealServer, until } from './real-server.test-helpers.js';

/** The little the test needs from sync-server/start.ts (loaded by a computed path: no server code in the renderer project). */
interface RunningServer {
  readonly url: string;
  readonly store: { maxSeq(): Promise<number> };
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

async function admin(path: string, method: string, body?: unknown): Promise<AdminUser> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as AdminUser;
}

const setContracts = (id: string, contractIds: string[]) => admin(adminPaths.user(id), 'PATCH', { contractIds });

async function account(username: string, contractIds = ['c-anka', 'c-bogaz']): Promise<AdminUser> {
  return admin(adminPaths.users, 'POST', { username, name: `Test ${username}`, role: 'technician', contractIds, password: PASSWORD });
}

function session(answer: LoginResponse, onSignInRequired: (reason: string) => void = () => undefined): AuthSession {
  const auth = new AuthSession({ serverUrl: server.url, refreshToken: answer.refreshToken, saveRefreshToken: () => Promise.resolve(), onSignInRequired });
  auth.adopt(answer);
  return auth;
}

async function client(username: string, options: { db?: DeskDatabase; persistence?: PendingPersistence; stream?: boolean } = {}) {
  const answer = await login(server.url, { username, password: PASSWORD, deviceId: `test-${username}` });
  const db = options.db ?? (await openDatabase({ name: `scope-${username}-${Math.random().toString(36).slice(2)}`, storage: testStorage() }));
  const persistence = options.persistence ?? memoryPendingPersistence();
  const users: string[][] = [];
  const engine = new SyncEngine({
    db,
    auth: session(answer),
    userId: answer.user.id,
    contractIds: answer.user.contractIds,
    persistence,
    retryTimeMs: 200,
    stream: options.stream ?? true,
    onUser: (user) => users.push([...user.contractIds]),
  });
  open.push({ db, engine });
  engine.start();
  await engine.awaitInSync();
  return { db, engine, answer, persistence, users };
}

/** Everything a user sees of a collection on the server, read over HTTP. */
async function serverDocs(username: string, collection: 'tickets' | 'people', password = PASSWORD): Promise<Record<string, unknown>[]> {
  const { accessToken } = await login(server.url, { username, password, deviceId: 'test-witness' });
  const all: Record<string, unknown>[] = [];
  let checkpoint: SyncCheckpoint | null = null;
  for (;;) {
    const query = `limit=1000&schema=${schemaVersionOf(collection)}${checkpoint ? `&checkpoint=${encodeCheckpoint(checkpoint)}` : ''}`;
    const response = await fetch(`${server.url}${syncPaths.pull(collection)}?${query}`, { headers: { Authorization: `Bearer ${accessToken}` } });
    const page = (await response.json()) as PullResponse<Record<string, unknown>>;
    all.push(...page.documents);
    checkpoint = page.checkpoint;
    if (page.documents.length < 1000) return all;
  }
}


const countOf = async (db: DeskDatabase, contractId: string) => db.tickets.count({ selector: { contractId } }).exec();

describe('scope changes against a real sync server', () => {
  it('drops a removed contract’s documents when the stream says resync, without deleting anything on the server', async () => {
    const user = await account('scope-live');
    const { db, users } = await client('scope-live');
    expect(await countOf(db, 'c-bogaz')).toBeGreaterThan(0);
    const seqBefore = await server.store.maxSeq();

    await setContracts(user.id, ['c-anka']);
    // No manual pull: the server's resync on the stream drives it.
    await until(async () => (await countOf(db, 'c-bogaz')) === 0 && (await db.people.count({ selector: { contractId: 'c-bogaz' } }).exec()) === 0);
    expect(await countOf(db, 'c-anka')).toBeGreaterThan(0);
    expect((await db.contracts.find().exec()).map((contract) => contract.id)).toEqual(['c-anka']);
    expect(users.at(-1)).toEqual(['c-anka']);
    expect(useSyncStatus.getState().pending).toBe(0);
    // Nothing went up as a delete: the server's sequence moved only by the account's staff entries.
    const bogaz = (await serverDocs('sup', 'tickets', 'demo1234')).filter((doc) => doc['contractId'] === 'c-bogaz');
    expect(bogaz.length).toBeGreaterThan(0);
    expect(bogaz.every((doc) => doc['_deleted'] === false)).toBe(true);
    expect(await server.store.maxSeq()).toBe(seqBefore + 1);

    // Given back: everything returns.
    await setContracts(user.id, ['c-anka', 'c-bogaz']);
    await until(async () => (await countOf(db, 'c-bogaz')) === bogaz.length);
  });

  it('keeps an unsent edit to a document that left the scope as refused with the reason, and discards it', async () => {
    const user = await account('scope-offline');
    const first = await client('scope-offline');
    const ticket = await first.db.tickets.findOne({ selector: { contractId: 'c-bogaz' } }).exec();
    if (!ticket) throw new Error('no BOGAZ ticket');
    const serverTitle = ticket.title;
    // Offline (engine stopped), an edit; meanwhile BOGAZ is taken away.
    await first.engine.stop();
    await ticket.incrementalPatch({ title: 'Edited while BOGAZ was taken away' });
    await setContracts(user.id, ['c-anka']);

    const again = await client('scope-offline', { db: first.db, persistence: first.persistence });
    await until(() => useSyncStatus.getState().documentErrors.some((problem) => problem.docId === ticket.id));
    expect(useSyncStatus.getState().documentErrors.find((problem) => problem.docId === ticket.id)).toMatchObject({ collection: 'tickets', code: 'OUT_OF_SCOPE' });
    await until(async () => (await countOf(again.db, 'c-bogaz')) === 1);
    expect((await again.db.tickets.findOne(ticket.id).exec())?.title).toBe('Edited while BOGAZ was taken away');
    expect(useSyncStatus.getState().pending).toBe(1);

    await again.engine.discard('tickets', ticket.id);
    expect(await again.db.tickets.findOne(ticket.id).exec()).toBeNull();
    await until(() => useSyncStatus.getState().pending === 0 && useSyncStatus.getState().documentErrors.length === 0);
    const onServer = (await serverDocs('sup', 'tickets', 'demo1234')).find((doc) => doc['id'] === ticket.id);
    expect(onServer).toMatchObject({ title: serverTitle, _deleted: false });

    // BOGAZ back: the ticket returns in the server's version.
    await setContracts(user.id, ['c-anka', 'c-bogaz']);
    await until(async () => (await again.db.tickets.findOne(ticket.id).exec())?.title === serverTitle);
    expect(useSyncStatus.getState().pending).toBe(0);
  });

  it('keeps a refused change when a scope change pulls everything again', async () => {
    const user = await account('scope-shield', ['c-anka']);
    const { db, engine } = await client('scope-shield');
    const person = await db.people.findOne({ selector: { contractId: 'c-anka' } }).exec();
    if (!person) throw new Error('no ANKA person');
    // Moving a document to another contract is refused (422 on contractId).
    await person.incrementalPatch({ contractId: 'c-bogaz', name: 'Moved and refused' });
    await until(() => useSyncStatus.getState().documentErrors.some((problem) => problem.docId === person.id));
    await setContracts(user.id, ['c-anka', 'c-merkez']);
    await until(async () => (await db.contracts.count().exec()) === 2);
    await engine.awaitInSync();
    expect((await db.people.findOne(person.id).exec())?.name).toBe('Moved and refused');
    expect(useSyncStatus.getState().documentErrors.map((problem) => problem.docId)).toContain(person.id);
  });

  it('discards a refused edit back to the server’s state, and nothing is pushed', async () => {
    await account('discarder', ['c-anka']);
    const { db, engine } = await client('discarder');
    const person = await db.people.findOne({ selector: { contractId: 'c-anka' } }).exec();
    if (!person) throw new Error('no ANKA person');
    const original = person.toMutableJSON();
    await person.incrementalPatch({ contractId: 'c-bogaz', name: 'Refused move' });
    await until(() => useSyncStatus.getState().documentErrors.length === 1);
    const seq = await server.store.maxSeq();
    await engine.discard('people', person.id);
    expect((await db.people.findOne(person.id).exec())?.toMutableJSON()).toEqual(original);
    await engine.awaitInSync();
    await until(() => useSyncStatus.getState().pending === 0);
    expect(useSyncStatus.getState().documentErrors).toEqual([]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await server.store.maxSeq()).toBe(seq);
  });

  it('discards a document the server never accepted: it leaves this device and never reaches the server', async () => {
    await account('never', ['c-anka']);
    const { db, engine } = await client('never');
    const now = new Date().toISOString();
    await db.people.insert({ id: 'p-never', contractId: 'c-merkez', name: 'Never accepted', email: '', phone: '', department: 'IT', siteId: null, updatedAt: now });
    await until(() => useSyncStatus.getState().documentErrors.some((problem) => problem.docId === 'p-never'));
    await engine.discard('people', 'p-never');
    expect(await db.people.findOne('p-never').exec()).toBeNull();
    await until(() => useSyncStatus.getState().pending === 0);
    expect((await serverDocs('sup', 'people', 'demo1234')).some((doc) => doc['id'] === 'p-never')).toBe(false);
  });

  async function supEdit(id: string, patch: Record<string, unknown>): Promise<void> {
    const { accessToken } = await login(server.url, { username: 'sup', password: 'demo1234', deviceId: 'test-sup' });
    const headers = { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' };
    const found = await fetch(`${server.url}${syncPaths.lookup('tickets')}?schema=${schemaVersionOf('tickets')}`, { method: 'POST', headers, body: JSON.stringify({ ids: [id] }) });
    const [current] = ((await found.json()) as { documents: Record<string, unknown>[] }).documents;
    const pushed = await fetch(`${server.url}${syncPaths.push('tickets')}?schema=${schemaVersionOf('tickets')}`, {
      method: 'POST',
      headers,
      body: JSON.stringify([{ assumedMasterState: current, newDocumentState: { ...current, ...patch } }]),
    });
    expect(await pushed.json()).toEqual([]);
  }

  it.each([
    ['unchanged on the server: it is accepted as it is', false],
    ['changed on the server meanwhile: the change is merged onto the server’s state', true],
  ])('sends a change refused only for its contract again when the contract comes back (%s)', async (_label, changedMeanwhile) => {
    const username = changedMeanwhile ? 'scope-back-merge' : 'scope-back';
    const user = await account(username);
    const first = await client(username);
    const ticket = await first.db.tickets.findOne({ selector: { contractId: 'c-bogaz' } }).exec();
    if (!ticket) throw new Error('no BOGAZ ticket');
    await first.engine.stop();
    await ticket.incrementalPatch({ title: `Kept through a scope change (${username})` });
    await setContracts(user.id, ['c-anka']);
    const again = await client(username, { db: first.db, persistence: first.persistence });
    await until(() => useSyncStatus.getState().documentErrors.some((problem) => problem.docId === ticket.id && problem.code === 'OUT_OF_SCOPE'));
    if (changedMeanwhile) await supEdit(ticket.id, { description: 'Added by the supervisor meanwhile' });

    await setContracts(user.id, ['c-anka', 'c-bogaz']);
    await until(async () => (await serverDocs('sup', 'tickets', 'demo1234')).some((doc) => doc['id'] === ticket.id && doc['title'] === `Kept through a scope change (${username})`));
    await until(() => useSyncStatus.getState().documentErrors.length === 0 && useSyncStatus.getState().pending === 0);
    const onServer = (await serverDocs('sup', 'tickets', 'demo1234')).find((doc) => doc['id'] === ticket.id);
    const local = await again.db.tickets.findOne(ticket.id).exec();
    expect(local?.title).toBe(onServer?.['title']);
    if (changedMeanwhile) {
      expect(onServer?.['description']).toBe('Added by the supervisor meanwhile');
      expect(local?.description).toBe('Added by the supervisor meanwhile');
    }
  });
});
