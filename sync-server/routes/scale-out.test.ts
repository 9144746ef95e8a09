import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncPaths, type StreamMessage, type SyncCheckpoint } from '../../common/sync/protocol.js';
import { createPgNotifier } from '../services/notifier-pg.js';
import type { ChangeNotice } from '../services/notifier.js';
import { startServer, type RunningServer } from '../start.js';
import { openPgPool } from '../store/postgres-db.js';
import { ticketDoc } from '../testing/fixtures.js';
import { login, pull, push, type Doc } from '../testing/http-client.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

/** Reads a server-sent-events response the way the client does (fetch streaming). */
function openStream(url: string, accessToken: string) {
  const controller = new AbortController();
  const messages: { at: number; message: StreamMessage }[] = [];
  const ready = fetch(`${url}${syncPaths.stream}`, { headers: { Authorization: `Bearer ${accessToken}` }, signal: controller.signal }).then(
    async (response) => {
      const reader = response.body?.getReader();
      const decoder = new TextDecoder();
      let text = '';
      let helloSeen: () => void = () => undefined;
      const hello = new Promise<void>((resolve) => (helloSeen = resolve));
      void (async () => {
        try {
          for (;;) {
            const chunk = await reader?.read();
            if (!chunk || chunk.done) return;
            text += decoder.decode(chunk.value, { stream: true });
            let end;
            while ((end = text.indexOf('\n\n')) >= 0) {
              const block = text.slice(0, end);
              text = text.slice(end + 2);
              if (!block.startsWith('data: ')) continue;
              const message = JSON.parse(block.slice(6)) as StreamMessage;
              messages.push({ at: Date.now(), message });
              if (message.type === 'hello') helloSeen();
            }
          }
        } catch {
          // aborted
        }
      })();
      await hello;
      return response;
    },
  );
  return { ready, messages, close: () => controller.abort() };
}

async function waitFor<T>(probe: () => T | undefined, ms: number): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`nothing within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(!storeKinds().includes('postgres'))('several server instances on one PostgreSQL', () => {
  let a: RunningServer;
  let b: RunningServer;
  beforeAll(async () => {
    a = await startServerOn('postgres');
    // Same database, its own data folder and signing secret is fine: tokens are per instance here.
    b = await startServer({ databaseUrl: a.config.databaseUrl, jwtSecret: a.config.jwtSecret });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('pokes an SSE client of instance B within 1 s of a push through instance A', async () => {
    const onB = await login(b.url, 'sup');
    const onA = await login(a.url, 'tech');
    const stream = openStream(b.url, onB.accessToken);
    await stream.ready;
    const started = Date.now();
    expect((await push(a.url, onA.accessToken, 'tickets', [{ newDocumentState: ticketDoc('t-scale-1', 'c-anka') }])).body).toEqual([]);
    const [stored] = await a.store.getDocs('tickets', ['t-scale-1']);
    const change = await waitFor(() => stream.messages.find((entry) => entry.message.type === 'change'), 1000);
    stream.close();
    expect(change.message).toEqual({ type: 'change', collection: 'tickets', seq: stored?.seq });
    const latency = change.at - started;
    process.stderr.write(`pg-notify: instance A push → instance B SSE poke in ${latency} ms\n`);
    expect(latency).toBeLessThan(1000);
    // B's client then pulls the change through B.
    const pulled = await pull(b.url, onB.accessToken, 'tickets', { checkpoint: { seq: (stored?.seq ?? 1) - 1, scope: '' }, limit: 1000 });
    expect(pulled.body.documents.some((doc) => doc.id === 't-scale-1')).toBe(true);
  });

  it('does not poke B\'s clients outside the contract', async () => {
    const tech2 = await login(b.url, 'tech2');
    const sup = await login(a.url, 'sup');
    const stream = openStream(b.url, tech2.accessToken);
    await stream.ready;
    await push(a.url, sup.accessToken, 'tickets', [{ newDocumentState: ticketDoc('t-scale-merkez', 'c-merkez') }]);
    await push(a.url, sup.accessToken, 'tickets', [{ newDocumentState: ticketDoc('t-scale-anka', 'c-anka') }]);
    const [anka] = await a.store.getDocs('tickets', ['t-scale-anka']);
    await waitFor(() => stream.messages.find((entry) => entry.message.type === 'change'), 1000);
    await new Promise((resolve) => setTimeout(resolve, 200));
    stream.close();
    expect(stream.messages.filter((entry) => entry.message.type === 'change').map((entry) => entry.message)).toEqual([
      { type: 'change', collection: 'tickets', seq: anka?.seq },
    ]);
  });

  it('still pokes when a notification is lost: the slow poll catches the commit', async () => {
    const url = a.config.databaseUrl ?? '';
    const pool = openPgPool(url, () => undefined, 2);
    const heard: ChangeNotice[] = [];
    const notifier = createPgNotifier({ url, pool, pollMs: 200, onError: () => undefined });
    try {
      await notifier.ready;
      notifier.subscribe((notice) => heard.push(notice));
      // Written straight into the store: nobody publishes, as if the NOTIFY had been lost.
      await a.store.putServerDocs('tickets', [{ body: ticketDoc('t-scale-silent', 'c-bogaz') as never, deleted: false }], {
        userId: 'u-admin',
        deviceId: 'server',
      });
      const [stored] = await a.store.getDocs('tickets', ['t-scale-silent']);
      const notice = await waitFor(() => heard.find((entry) => entry.contractIds.includes('c-bogaz')), 2000);
      expect(notice).toEqual({ collection: 'tickets', contractIds: ['c-bogaz'], seq: stored?.seq });
    } finally {
      await notifier.close();
      await pool.end();
    }
  });

  it('keeps the cursor complete under concurrent writers on both instances (pg-cursor)', async () => {
    const writers = 8;
    const perWriter = 50;
    const puller = (await login(b.url, 'sup', undefined, 'dev-puller')).accessToken;
    const tokens = await Promise.all(
      Array.from({ length: writers }, async (_, w) => ({ server: w % 2 === 0 ? a : b, token: (await login(w % 2 === 0 ? a.url : b.url, 'sup', undefined, `dev-w${w}`)).accessToken })),
    );
    const contracts = ['c-anka', 'c-bogaz', 'c-merkez'];

    let writing = true;
    const seen = new Map<string, Doc[]>();
    let checkpoint: SyncCheckpoint | undefined;
    let backwards = 0;
    let pages = 0;
    const pullOnce = async (): Promise<number> => {
      const answer = await pull(b.url, puller, 'tickets', { limit: 25, ...(checkpoint ? { checkpoint } : {}) });
      if (answer.status !== 200) throw new Error(`pull: ${answer.status}`);
      if (checkpoint && answer.body.checkpoint.seq < checkpoint.seq) backwards++;
      checkpoint = answer.body.checkpoint;
      pages++;
      for (const doc of answer.body.documents) seen.set(doc.id, [...(seen.get(doc.id) ?? []), doc]);
      return answer.body.documents.length;
    };
    const pulling = (async () => {
      while (writing) await pullOnce();
    })();

    const started = Date.now();
    await Promise.all(
      tokens.map(async ({ server, token }, w) => {
        // Small batches, each its own transaction, racing the other writers; then an update of
        // every fifth document, so "last state" means something.
        const docs = Array.from({ length: perWriter }, (_, i) =>
          ticketDoc(`t-cur-${w}-${i}`, contracts[(w + i) % 3] ?? 'c-anka', { title: `writer ${w} doc ${i}` }),
        );
        for (let i = 0; i < perWriter; i += 5) {
          const answer = await push(server.url, token, 'tickets', docs.slice(i, i + 5).map((doc) => ({ newDocumentState: doc })));
          if (answer.status !== 200 || answer.body.length !== 0) throw new Error(`push writer ${w}: ${answer.status}`);
        }
        const edits = docs
          .filter((_, i) => i % 5 === 0)
          .map((doc) => ({ assumedMasterState: doc, newDocumentState: { ...doc, title: `${String(doc['title'])} edited` } }));
        for (let i = 0; i < edits.length; i += 2) {
          const update = await push(server.url, token, 'tickets', edits.slice(i, i + 2));
          if (update.status !== 200 || update.body.length !== 0) throw new Error(`update writer ${w}: ${update.status}`);
        }
      }),
    );
    const writeMs = Date.now() - started;
    writing = false;
    await pulling;
    while ((await pullOnce()) === 25);

    const ids = Array.from({ length: writers * perWriter }, (_, n) => `t-cur-${Math.floor(n / perWriter)}-${n % perWriter}`);
    const stored = await a.store.getDocs('tickets', ids);
    expect(stored).toHaveLength(ids.length);
    let missed = 0;
    let duplicates = 0;
    for (const doc of stored) {
      const copies = seen.get(doc.id) ?? [];
      const last = copies.at(-1);
      if (!last || last['title'] !== doc.body['title']) missed++;
      duplicates += copies.filter((copy) => copy['title'] === doc.body['title']).length > 1 ? 1 : 0;
    }
    process.stderr.write(
      `pg-cursor: writers=${writers} docs=${ids.length} missed=${missed} duplicates=${duplicates} backwards=${backwards} pages=${pages} writes=${writeMs} ms\n`,
    );
    expect({ missed, duplicates, backwards }).toEqual({ missed: 0, duplicates: 0, backwards: 0 });
  }, 120_000);
});

describe.each(storeKinds())('%s store: concurrent pushes', (kind) => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServerOn(kind);
  });
  afterAll(async () => server?.close());

  it('lets exactly one of several racing edits of one document win; the others get the winner back as a conflict', async () => {
    const tokens = await Promise.all(['a', 'b', 'c', 'd'].map(async (device) => (await login(server.url, 'sup', undefined, `dev-race-${device}`)).accessToken));
    const base = ticketDoc('t-race', 'c-anka');
    expect((await push(server.url, tokens[0] ?? '', 'tickets', [{ newDocumentState: base }])).body).toEqual([]);
    const answers = await Promise.all(
      tokens.map((token, n) => push(server.url, token, 'tickets', [{ assumedMasterState: base, newDocumentState: { ...base, title: `edit ${n}` } }])),
    );
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200]);
    const winners = answers.filter((answer) => answer.body.length === 0);
    expect(winners).toHaveLength(1);
    const [stored] = await server.store.getDocs('tickets', ['t-race']);
    for (const loser of answers.filter((answer) => answer.body.length > 0)) expect(loser.body[0]?.['title']).toBe(stored?.body['title']);
    expect(await server.store.listRevisions('tickets', 't-race')).toHaveLength(2);
  });
});
