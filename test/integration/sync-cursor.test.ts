import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SyncCheckpoint } from '../../common/sync/protocol.js';
import { seededRandom, type Random } from '../../sync-server/demo/random.js';
import { startServer, type RunningServer } from '../../sync-server/start.js';
import { toDocState } from '../../sync-server/store/doc-state.js';
import { openPgPool, type PgPool } from '../../sync-server/store/postgres-db.js';
import { PostgresDocuments } from '../../sync-server/store/postgres-documents.js';
import { SQLITE_FILE_NAME } from '../../sync-server/store/sqlite-store.js';
import type { PushWrite } from '../../sync-server/store/store.js';
import { login, pull, push, type Doc } from '../../sync-server/testing/http-client.js';
import { startServerOn, storeKinds, type StoreKind } from '../../sync-server/testing/store-matrix.js';
import { ticketDoc } from './support/documents.js';
import { seedsFor, suiteTimeout } from './support/run-size.js';
import { runSeeds, type Figures } from './support/summary.js';

/**
 * Invariant 2 (nothing is skipped) under concurrency: several writers push to two server
 * instances at once (PostgreSQL) while pullers page through the cursor with small random limits.
 * On PostgreSQL a "slow writer" holds its write transaction open (its COMMIT delayed by up to
 * 400 ms, so the rows it numbered commit after later requests arrived) and a long REPEATABLE READ
 * transaction stays open through the whole round; on SQLite a reader holds a WAL snapshot open.
 * Afterwards, from the revision history, every page is checked:
 * - the checkpoint never goes backwards and a page's documents come in strictly rising sequence;
 * - when a puller's checkpoint first reaches a document's final revision, that revision has
 *   arrived (a cursor that moved past a commit it did not deliver is a skip);
 * - a page shorter than its limit includes every write acknowledged before it was requested;
 * - every puller ends with every document's final state.
 */
const FILE = 'test/integration/sync-cursor.test.ts';
const SEEDS = seedsFor(2);
const CONTRACTS = ['c-anka', 'c-bogaz', 'c-merkez'];

interface Page {
  readonly requestedAt: number;
  readonly limit: number;
  readonly before: number;
  readonly after: number;
  readonly docs: readonly Doc[];
}

interface Ack {
  readonly at: number;
  readonly titles: readonly { id: string; title: string }[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A pool whose transactions wait `delayMs()` before COMMIT: a write transaction held open. */
function slowCommitPool(pool: PgPool, delayMs: () => number): PgPool {
  return new Proxy(pool, {
    get(target, property, receiver) {
      if (property !== 'connect') return Reflect.get(target, property, receiver) as unknown;
      return async () => {
        const client = await target.connect();
        return new Proxy(client, {
          get(inner, name, innerReceiver) {
            if (name !== 'query') return Reflect.get(inner, name, innerReceiver) as unknown;
            return async (text: string, values?: unknown[]) => {
              if (text === 'COMMIT') await sleep(delayMs());
              return inner.query(text, values);
            };
          },
        });
      };
    },
  });
}

describe.each(storeKinds())('%s store', (kind: StoreKind) => {
  let a: RunningServer;
  let b: RunningServer;
  let slowPool: PgPool | null = null;
  beforeAll(async () => {
    a = await startServerOn(kind);
    // PostgreSQL: a second instance on the same database (its own pool and notifier).
    b = kind === 'postgres' ? await startServer({ databaseUrl: a.config.databaseUrl, jwtSecret: a.config.jwtSecret }) : a;
    if (kind === 'postgres') slowPool = openPgPool(a.config.databaseUrl ?? '', () => undefined, 2);
  });
  afterAll(async () => {
    await slowPool?.end();
    if (b !== a) await b?.close();
    await a?.close();
  });

  async function runSeed(seed: number): Promise<{ figures: Figures; problems: string[] }> {
    const random: Random = seededRandom(seed);
    const problems: string[] = [];
    const writers = random.int(5, 8);
    const servers = [a, b];
    const tokens = await Promise.all(
      Array.from({ length: writers }, async (_, w) => (await login((servers[w % 2] as RunningServer).url, 'sup', undefined, `cursor-${w}`)).accessToken),
    );
    const pullers = await Promise.all(servers.map(async (server, p) => ({ server, token: (await login(server.url, 'sup', undefined, `puller-${p}`)).accessToken })));

    // The long reader: a snapshot held open for the whole round.
    let endLongRead: () => Promise<void>;
    if (kind === 'postgres') {
      const reader = new pg.Client({ connectionString: a.config.databaseUrl ?? '' });
      await reader.connect();
      await reader.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      await reader.query('SELECT count(*) FROM documents');
      endLongRead = async () => {
        await reader.query('COMMIT');
        await reader.end();
      };
    } else {
      const reader = new Database(join(a.config.dataDir, SQLITE_FILE_NAME), { readonly: true });
      reader.prepare('BEGIN').run();
      reader.prepare('SELECT count(*) FROM documents').get();
      endLongRead = () => {
        reader.prepare('COMMIT').run();
        reader.close();
        return Promise.resolve();
      };
    }

    const acks: Ack[] = [];
    const ids = new Set<string>();
    let commits = 0;
    const writer = async (w: number) => {
      // Each writer its own generator: the writers interleave by timing, their choices must not.
      const random = seededRandom(seed * 100 + w);
      const server = servers[w % 2] as RunningServer;
      const mine: Doc[] = [];
      for (let batch = 0; batch < 4; batch++) {
        const rows: { assumedMasterState?: Doc; newDocumentState: Doc }[] = [];
        for (let r = random.int(1, 5); r > 0; r--) {
          const known = mine.filter((doc) => !rows.some((row) => row.newDocumentState.id === doc.id));
          if (known.length > 0 && random.chance(0.3)) {
            const base = random.pick(known);
            rows.push({ assumedMasterState: base, newDocumentState: { ...base, title: `w${w} b${batch} r${r} updated` } });
          } else {
            const id = `t-cu${seed}-${w}-${batch}-${r}`;
            rows.push({ newDocumentState: ticketDoc(id, random.pick(CONTRACTS), { title: `w${w} b${batch} r${r}` }) });
          }
        }
        const answer = await push(server.url, tokens[w] ?? '', 'tickets', rows);
        if (answer.status !== 200 || answer.body.length > 0) problems.push(`writer ${w}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}`);
        acks.push({ at: Date.now(), titles: rows.map((row) => ({ id: row.newDocumentState.id, title: String(row.newDocumentState['title']) })) });
        commits++;
        for (const row of rows) {
          ids.add(row.newDocumentState.id);
          const index = mine.findIndex((doc) => doc.id === row.newDocumentState.id);
          if (index >= 0) mine[index] = row.newDocumentState;
          else mine.push(row.newDocumentState);
        }
        if (random.chance(0.5)) await sleep(random.int(0, 15));
      }
    };
    const slowWriter = async () => {
      if (!slowPool) return;
      const delays = seededRandom(seed ^ 0x5107);
      const own = seededRandom(seed ^ 0x51);
      const docs = new PostgresDocuments(slowCommitPool(slowPool, () => delays.int(100, 400)));
      for (let batch = 0; batch < 3; batch++) {
        const rows: PushWrite[] = Array.from({ length: 3 }, (_, r) => ({
          assumed: null,
          next: toDocState(ticketDoc(`t-cu${seed}-slow-${batch}-${r}`, own.pick(CONTRACTS), { title: `slow b${batch} r${r}` })),
        }));
        const result = await docs.pushBatch('tickets', rows, { userId: 'u-sup', deviceId: 'slow-writer' }, () => null);
        if (!result.ok) problems.push(`slow writer: ${result.error.message}`);
        acks.push({ at: Date.now(), titles: rows.map((row) => ({ id: row.next.body.id, title: String(row.next.body['title']) })) });
        commits++;
        for (const row of rows) ids.add(row.next.body.id);
        await sleep(own.int(0, 30));
      }
    };

    let writing = true;
    let writingEnded = Number.POSITIVE_INFINITY;
    const pages: Page[][] = pullers.map(() => []);
    const pulling = pullers.map(async ({ server, token }, p) => {
      const own = seededRandom(seed * 7 + p);
      let checkpoint: SyncCheckpoint | undefined;
      const once = async (limit: number) => {
        const requestedAt = Date.now();
        const answer = await pull(server.url, token, 'tickets', { limit, ...(checkpoint ? { checkpoint } : {}) });
        if (answer.status !== 200) throw new Error(`pull: ${answer.status}`);
        (pages[p] as Page[]).push({ requestedAt, limit, before: checkpoint?.seq ?? 0, after: answer.body.checkpoint.seq, docs: answer.body.documents });
        checkpoint = answer.body.checkpoint;
        return answer.body.documents.length;
      };
      while (writing) {
        await once(own.int(3, 40));
        await sleep(own.int(0, 8));
      }
      while ((await once(40)) === 40);
    });
    await Promise.all([...Array.from({ length: writers }, (_, w) => writer(w)), slowWriter()]);
    writing = false;
    writingEnded = Date.now();
    await Promise.all(pulling);
    await endLongRead();

    // The history: every revision's sequence, by document and title.
    const seqOf = new Map<string, number>();
    const finalOf = new Map<string, { seq: number; title: string }>();
    for (const id of ids) {
      for (const revision of await a.store.listRevisions('tickets', id)) {
        seqOf.set(`${id}|${String(revision.body['title'])}`, revision.seq);
        finalOf.set(id, { seq: revision.seq, title: String(revision.body['title']) });
      }
    }
    const finals = [...finalOf.entries()].sort((x, y) => x[1].seq - y[1].seq);
    let backwards = 0;
    let disordered = 0;
    let skipped = 0;
    let shortPageLied = 0;
    let finalMissing = 0;
    let pageCount = 0;
    for (const list of pages) {
      const received = new Map<string, number>();
      let pointer = 0;
      let last = 0;
      for (const page of list) {
        pageCount++;
        if (page.after < page.before) backwards++;
        let previous = page.before;
        for (const doc of page.docs) {
          const seq = seqOf.get(`${doc.id}|${String(doc['title'])}`);
          if (seq === undefined) continue; // a document of another test, not ours
          if (seq <= previous) disordered++;
          previous = seq;
          received.set(doc.id, Math.max(received.get(doc.id) ?? 0, seq));
        }
        last = page.after;
        for (; pointer < finals.length && (finals[pointer]?.[1].seq ?? Infinity) <= page.after; pointer++) {
          const [id, final] = finals[pointer] as [string, { seq: number }];
          if ((received.get(id) ?? 0) < final.seq) {
            skipped++;
            problems.push(`puller passed seq ${final.seq} of ${id} (checkpoint ${page.after}) without delivering it`);
          }
        }
        if (page.docs.length < page.limit) {
          for (const ack of acks.filter((entry) => entry.at < page.requestedAt)) {
            for (const { id, title } of ack.titles) {
              const seq = seqOf.get(`${id}|${title}`) ?? 0;
              if (seq > page.after) {
                shortPageLied++;
                problems.push(`a short page (checkpoint ${page.after}) missed ${id} at seq ${seq}, acknowledged before it was requested`);
              }
            }
          }
        }
      }
      for (const [id, final] of finalOf) {
        if ((received.get(id) ?? 0) !== final.seq) finalMissing++;
      }
      if (last < (finals.at(-1)?.[1].seq ?? 0)) problems.push(`a puller ended at ${last}, before the last commit`);
    }
    if (finalMissing > 0) problems.push(`${finalMissing} final states never reached a puller`);
    if (backwards > 0 || disordered > 0) problems.push(`checkpoint went back ${backwards} times, ${disordered} documents out of order`);
    return {
      figures: {
        writers: writers + (slowPool ? 1 : 0),
        commits,
        documents: ids.size,
        pages: pageCount,
        pagesWhileWriting: pages.flat().filter((page) => page.requestedAt < writingEnded).length, skipped, backwards, disordered, shortPageLied, finalMissing },
      problems,
    };
  }

  it(
    `never skips a committed change nor goes backwards with concurrent writers and long transactions (${SEEDS.length} seeds)`,
    async () => {
      const { totals, failures } = await runSeeds({ suite: 'sync-cursor', file: FILE, kind, seeds: SEEDS, deadlineMs: 90_000 }, runSeed);
      expect(failures).toEqual([]);
      expect({ skipped: totals['skipped'], backwards: totals['backwards'], disordered: totals['disordered'], shortPageLied: totals['shortPageLied'], finalMissing: totals['finalMissing'] }).toEqual({
        skipped: 0,
        backwards: 0,
        disordered: 0,
        shortPageLied: 0,
        finalMissing: 0,
      });
      // The pullers really raced the writers.
      expect(totals['pagesWhileWriting']).toBeGreaterThan(0);
    },
    suiteTimeout(SEEDS, 60_000),
  );
});
