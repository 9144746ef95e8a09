import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../demo/accounts.js';
import { buildDemoDocuments } from '../demo/seed.js';
import { createPgNotifier } from '../services/notifier-pg.js';
import type { AccountNotice } from '../services/notifier.js';
import { startServer, type RunningServer } from '../start.js';
import { openPgPool } from '../store/postgres-db.js';
import { GOOD_PASSWORD, newAccount, updateUser } from '../testing/admin-client.js';
import { login, pull } from '../testing/http-client.js';
import { openStream } from '../testing/stream-reader.js';
import { createTestDatabase, startServerOn, storeKinds } from '../testing/store-matrix.js';

const onPostgres = storeKinds().includes('postgres');

describe.skipIf(!onPostgres)('account changes across server instances on one PostgreSQL', () => {
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    a = await startServerOn('postgres');
    b = await startServer({ databaseUrl: a.config.databaseUrl, jwtSecret: a.config.jwtSecret });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('a contract change made through instance A resyncs the person’s stream on instance B', async () => {
    const admin = await login(a.url, 'admin');
    const user = await newAccount(a.url, admin.accessToken, 'roamer');
    const onB = await login(b.url, 'roamer', GOOD_PASSWORD);
    const stream = openStream(b.url, onB.accessToken);
    await stream.until((all) => all.some((message) => message.type === 'hello'));
    expect((await updateUser(a.url, admin.accessToken, user.id, { contractIds: ['c-merkez'] })).status).toBe(200);
    await stream.until((all) => all.some((message) => message.type === 'resync'), 3000);
    const page = await pull(b.url, onB.accessToken, 'contracts', { limit: 100 });
    expect(page.body.contractIds).toEqual(['c-merkez']);
    expect(page.body.documents.map((doc) => doc.id)).toEqual(['c-merkez']);
    // Disabling through A ends the stream held by B.
    await updateUser(a.url, admin.accessToken, user.id, { disabled: true });
    await stream.ended;
  });

  it('still resyncs when the account notification is lost: the slow poll finds the changed account', async () => {
    const url = a.config.databaseUrl ?? '';
    const pool = openPgPool(url, () => undefined, 2);
    const heard: AccountNotice[] = [];
    const notifier = createPgNotifier({ url, pool, pollMs: 200, onError: () => undefined });
    try {
      await notifier.ready;
      notifier.subscribeAccount((notice) => heard.push(notice));
      // Changed straight in the store: nobody publishes, as if the NOTIFY had been lost.
      const result = await a.store.updateUser('u-tech2', () => ({ change: { name: 'Zeynep Aydın-Kaya' } }));
      if (!result.ok) throw new Error(result.error.message);
      const end = Date.now() + 3000;
      while (!heard.some((notice) => notice.userId === 'u-tech2') && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(heard).toContainEqual({ userId: 'u-tech2', version: result.after.version });
    } finally {
      await notifier.close();
      await pool.end();
    }
  });
});

describe.skipIf(!onPostgres)('two instances starting together on an empty PostgreSQL', () => {
  it('seed the demo data exactly once, and both start', async () => {
    const database = await createTestDatabase();
    const servers: RunningServer[] = [];
    try {
      const started = await Promise.allSettled([
        startServer({ databaseUrl: database.url, jwtSecret: 'x'.repeat(40) }),
        startServer({ databaseUrl: database.url, jwtSecret: 'x'.repeat(40) }),
      ]);
      for (const result of started) if (result.status === 'fulfilled') servers.push(result.value);
      expect(started.map((result) => (result.status === 'rejected' ? String(result.reason) : 'started'))).toEqual(['started', 'started']);
      const [first, second] = servers;
      if (!first || !second) throw new Error('unreachable');
      expect((await first.store.listUsers()).map((user) => user.id).sort()).toEqual(DEMO_USERS.map((user) => user.id).sort());
      // One seed: every demo document and staff entry written once, so the counter is exactly their number.
      const demo = buildDemoDocuments(Date.now());
      const documents = Object.values(demo).reduce((sum, list) => sum + list.length, 0);
      const staff = DEMO_USERS.reduce((sum, user) => sum + user.contractIds.length, 0);
      expect(await second.store.maxSeq()).toBe(documents + staff);
      const session = await login(second.url, 'sup');
      expect((await pull(first.url, session.accessToken, 'contracts')).body.documents).toHaveLength(3);
    } finally {
      for (const server of servers) await server.close();
      await database.drop();
    }
  }, 120_000);
});
