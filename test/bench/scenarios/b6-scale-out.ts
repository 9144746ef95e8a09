import pg from 'pg';
import { syncPaths, type SyncCheckpoint } from '../../../common/sync/protocol.js';
import { randomBytes } from 'node:crypto';
import { pull, push, type Doc, type Row } from '../../../sync-server/testing/http-client.js';
import { createGenerator } from '../generate.js';
import { rawPostgresInsertMs, startBenchPostgres } from '../postgres.js';
import { elapsed, now, percentile, result, round, type Machine, type ScenarioResult, type Size } from '../report.js';
import type { BenchServer } from '../server-process.js';
import { scenarioServer, seed, serversInChildProcesses, token } from '../server-fixture.js';

const INSTANCES = 3;
const PUSH_BATCH = 100;

/** A client on one instance that holds the SSE stream and pulls on every poke, like the app. */
interface Watcher {
  readonly instance: number;
  readonly seen: Map<string, { title: string; at: bigint }>;
  checkpoint: SyncCheckpoint | undefined;
  pulling: Promise<void> | null;
  again: boolean;
  pulls: number;
}

function sseLines(onMessage: (message: Record<string, unknown>) => void): (text: string) => void {
  let buffer = '';
  return (text) => {
    buffer += text;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer
        .slice(0, end)
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n');
      buffer = buffer.slice(end + 2);
      if (data) onMessage(JSON.parse(data) as Record<string, unknown>);
    }
  };
}

/**
 * The single counter row, measured without HTTP: `writers` connections each committing
 * `PUSH_BATCH`-row transactions that lock the counter first (as the store does), against the same
 * transactions without the lock. Shows what the serial writers cost on this PostgreSQL.
 */
async function counterLockRates(url: string, writers: number, transactions: number): Promise<{ lockedPerSec: number; unlockedPerSec: number }> {
  const setup = new pg.Client({ connectionString: url });
  await setup.connect();
  await setup.query(`CREATE TABLE lock_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL); INSERT INTO lock_meta VALUES ('seq', 0);
    CREATE TABLE lock_docs (id TEXT PRIMARY KEY, seq BIGINT NOT NULL, body TEXT NOT NULL)`);
  await setup.end();
  const body = 'x'.repeat(1000);
  const run = async (locked: boolean): Promise<number> => {
    const clients = await Promise.all(
      Array.from({ length: writers }, async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return client;
      }),
    );
    let next = 0;
    const start = now();
    await Promise.all(
      clients.map(async (client, w) => {
        for (let t = 0; t < transactions; t++) {
          await client.query('BEGIN');
          const base = locked ? Number((await client.query<{ value: string }>(`SELECT value FROM lock_meta WHERE key = 'seq' FOR UPDATE`)).rows[0]?.value) : (next += PUSH_BATCH);
          const ids = Array.from({ length: PUSH_BATCH }, (_, i) => `${locked ? 'l' : 'u'}-${w}-${t}-${i}`);
          const seqs = ids.map((_, i) => (locked ? base : base * 1000) + i + 1);
          await client.query('INSERT INTO lock_docs (id, seq, body) SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[])', [ids, seqs, ids.map(() => body)]);
          if (locked) await client.query(`UPDATE lock_meta SET value = $1 WHERE key = 'seq'`, [base + PUSH_BATCH]);
          await client.query('COMMIT');
        }
      }),
    );
    const ms = elapsed(start);
    await Promise.all(clients.map((client) => client.end()));
    return (writers * transactions * PUSH_BATCH) / (ms / 1000);
  };
  const unlockedPerSec = await run(false);
  const lockedPerSec = await run(true);
  return { lockedPerSec, unlockedPerSec };
}

/**
 * B6: three server instances on one PostgreSQL (fsync on). Writers (devices) push ticket edits in
 * batches of 100, each to its own instance, as fast as answers come; one watcher per instance
 * holds the stream and pulls on every poke. Timed: edits committed per second, push latency, and
 * for every edit made through another instance, push sent → the edit parsed by the watcher. At
 * the end every watcher must hold exactly the last acknowledged state of every ticket (missed = 0).
 */
export async function runB6(size: Size, host: Machine): Promise<ScenarioResult> {
  const writerCount = size === 'small' ? 6 : 12;
  const editsPerWriter = size === 'small' ? 500 : 2000;
  const postgres = await startBenchPostgres();
  const database = await postgres.database();
  const servers: BenchServer[] = [];
  const aborts: AbortController[] = [];
  try {
    // One signing secret for the deployment, as instances behind one load balancer share it.
    const jwtSecret = randomBytes(32).toString('base64url');
    for (let i = 0; i < INSTANCES; i++) servers.push(await scenarioServer({ databaseUrl: database.url, seedDemo: i === 0, jwtSecret }));
    const generator = createGenerator({ seed: 6 });
    const docsPerWriter = Math.min(editsPerWriter, 500);
    const base: Doc[][] = Array.from({ length: writerCount }, (_, w) =>
      Array.from({ length: docsPerWriter }, (_, i) => ({ ...(generator.ticket(w * docsPerWriter + i) as unknown as Doc), _deleted: false })),
    );
    await seed(servers[0] as BenchServer, 'tickets', base.flat());
    const url = (instance: number) => (servers[instance] as BenchServer).url;

    const watchers: Watcher[] = Array.from({ length: INSTANCES }, (_, instance) => ({ instance, seen: new Map(), checkpoint: undefined, pulling: null, again: false, pulls: 0 }));
    const watcherTokens = await Promise.all(watchers.map((watcher) => token(servers[watcher.instance] as BenchServer, 'sup', `dev-b6-watch-${watcher.instance}`)));
    const catchUp = async (watcher: Watcher) => {
      do {
        watcher.again = false;
        const answer = await pull(url(watcher.instance), watcherTokens[watcher.instance] ?? '', 'tickets', { limit: 1000, ...(watcher.checkpoint ? { checkpoint: watcher.checkpoint } : {}) });
        watcher.pulls++;
        if (answer.status !== 200) throw new Error(`B6 pull: ${answer.status}`);
        const at = now();
        for (const doc of answer.body.documents) watcher.seen.set(doc.id, { title: String(doc['title']), at });
        watcher.checkpoint = answer.body.checkpoint;
        if (answer.body.documents.length === 1000) watcher.again = true;
      } while (watcher.again);
    };
    const poke = (watcher: Watcher) => {
      if (watcher.pulling) {
        watcher.again = true;
        return;
      }
      watcher.pulling = catchUp(watcher).finally(() => {
        watcher.pulling = null;
      });
    };
    for (const watcher of watchers) await catchUp(watcher);
    for (const watcher of watchers) {
      const abort = new AbortController();
      aborts.push(abort);
      const response = await fetch(`${url(watcher.instance)}${syncPaths.stream}`, {
        headers: { Authorization: `Bearer ${watcherTokens[watcher.instance] ?? ''}`, Accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!response.ok || !response.body) throw new Error(`B6 stream: ${response.status}`);
      const feed = sseLines((message) => {
        if (message['type'] === 'change' && message['collection'] === 'tickets') poke(watcher);
      });
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      void (async () => {
        try {
          for (;;) {
            const { done, value } = await reader.read();
            if (done) return;
            feed(decoder.decode(value, { stream: true }));
          }
        } catch {
          // aborted at the end
        }
      })();
    }

    // Writers: each device pushes its own tickets through its own instance, batch after batch.
    const writerTokens = await Promise.all(base.map((_, w) => token(servers[w % INSTANCES] as BenchServer, 'sup', `dev-b6-writer-${w}`)));
    const sentAt = new Map<string, { instance: number; at: bigint }>();
    const acknowledged = new Map<string, string>();
    const pushTimes: number[] = [];
    let conflicts = 0;
    const start = now();
    await Promise.all(
      base.map(async (docs, w) => {
        const instance = w % INSTANCES;
        const current = docs.map((doc) => ({ ...doc }));
        for (let done = 0, round = 0; done < editsPerWriter; round++) {
          const rows: Row[] = [];
          for (let i = 0; i < PUSH_BATCH && done < editsPerWriter; i++, done++) {
            const index = (round * PUSH_BATCH + i) % current.length;
            const before = current[index] as Doc;
            const after = { ...before, title: `${String(before['title']).slice(0, 150)} · ${w}/${done}` };
            rows.push({ assumedMasterState: before, newDocumentState: after });
          }
          const sent = now();
          for (const row of rows) sentAt.set(`${row.newDocumentState.id}\u0000${String(row.newDocumentState['title'])}`, { instance, at: sent });
          const answer = await push(url(instance), writerTokens[w] ?? '', 'tickets', rows);
          pushTimes.push(elapsed(sent));
          if (answer.status !== 200) throw new Error(`B6 push: ${answer.status} ${JSON.stringify(answer.body)}`);
          conflicts += answer.body.length;
          const refused = new Set(answer.body.map((doc) => doc.id));
          for (const row of rows) {
            if (refused.has(row.newDocumentState.id)) continue;
            const index = current.findIndex((doc) => doc.id === row.newDocumentState.id);
            current[index] = row.newDocumentState;
            acknowledged.set(row.newDocumentState.id, String(row.newDocumentState['title']));
          }
        }
      }),
    );
    const loadMs = elapsed(start);
    const edits = writerCount * editsPerWriter - conflicts;

    // Quiet: wait until every watcher holds every acknowledged state (or 15 s pass).
    const missing = () => watchers.reduce((sum, watcher) => sum + [...acknowledged].filter(([id, title]) => watcher.seen.get(id)?.title !== title).length, 0);
    const deadline = Date.now() + 15_000;
    while (missing() > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    const missed = missing();

    // Visibility through another instance: final states only (intermediate ones may be overtaken by a later edit before a pull).
    const visible: number[] = [];
    for (const watcher of watchers) {
      for (const [id, title] of acknowledged) {
        const sent = sentAt.get(`${id}\u0000${title}`);
        const seen = watcher.seen.get(id);
        if (!sent || !seen || sent.instance === watcher.instance || seen.title !== title) continue;
        visible.push(Number(seen.at - sent.at) / 1e6);
      }
    }
    for (const abort of aborts) abort.abort();

    const raw = await postgres.database();
    let rawMs: number;
    let lock: { lockedPerSec: number; unlockedPerSec: number };
    try {
      const rawRows = base.flat().map((doc) => ({ collection: 'tickets', id: doc.id, contractId: String(doc['contractId']), body: JSON.stringify(doc) }));
      rawMs = await rawPostgresInsertMs(raw.url, rawRows, 1000);
      lock = await counterLockRates(raw.url, writerCount, size === 'small' ? 10 : 20);
      const rawRate = rawRows.length / (rawMs / 1000);
      const rate = edits / (loadMs / 1000);
      const visibleP99 = percentile(visible, 99);
      return result(
        {
          id: 'B6',
          what: `${INSTANCES} server instances (${serversInChildProcesses() ? 'each its own process' : 'one process, BENCH_SERVERS=inprocess'}) on one PostgreSQL (fsync on): ${writerCount} devices push ${editsPerWriter} ticket edits each (batches of ${PUSH_BATCH}, each device to its own instance), one streaming watcher per instance pulls on every poke`,
          value: round(rate, 0),
          baseline: round(rawRate, 0),
          target: '≥ 2,000 edits/s, visible on another instance ≤ 1 s, 0 missed',
          unit: 'edits/s',
          docs: edits,
          meetsTarget: rate >= 2000 && visibleP99 <= 1000 && missed === 0,
          notes:
            'value: edits committed per second through the three instances (wall time of the whole load). baseline: raw multi-row INSERTs (1,000 per statement) of the same documents into the same PostgreSQL, rows/s. ' +
            'Visible: push sent → the edit parsed by a watcher on another instance (SSE poke + pull), final states. Missed: acknowledged final states a watcher does not hold after the load (15 s grace). ' +
            'counterLock*: the same 100-row transactions straight on PostgreSQL from as many connections, with and without the store\'s counter-row lock.',
          details: {
            instances: INSTANCES,
            serverProcesses: serversInChildProcesses() ? INSTANCES : 0,
            writers: writerCount,
            edits,
            conflicts,
            loadMs: round(loadMs),
            pushP50Ms: round(percentile(pushTimes, 50)),
            pushP99Ms: round(percentile(pushTimes, 99)),
            visibleP50Ms: round(percentile(visible, 50)),
            visibleP99Ms: round(visibleP99),
            visibleSamples: visible.length,
            missed,
            watcherPulls: watchers.reduce((sum, watcher) => sum + watcher.pulls, 0),
            rawInsertPerSec: round(rawRate, 0),
            counterLockedRowsPerSec: round(lock.lockedPerSec, 0),
            counterUnlockedRowsPerSec: round(lock.unlockedPerSec, 0),
          },
        },
        host,
      );
    } finally {
      await raw.drop();
    }
  } finally {
    for (const abort of aborts) abort.abort();
    for (const server of servers.reverse()) await server.close().catch(() => undefined);
    await database.drop().catch(() => undefined);
    await postgres.stop();
  }
}
