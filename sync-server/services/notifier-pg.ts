import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { COLLECTION_NAMES, type CollectionName } from '../../common/schemas/collections.js';
import { openPgClient, type PgPool } from '../store/postgres-db.js';
import {
  createLocalNotifier,
  type AccountListener,
  type AccountNotice,
  type ChangeListener,
  type ChangeNotice,
  type ChangeNotifier,
} from './notifier.js';

/** The NOTIFY channel; NOTIFY is per database, so instances on other databases never hear it. */
export const CHANGE_CHANNEL = 'deskops_changes';
/** PostgreSQL refuses payloads of 8000 bytes or more; stay well under. */
const MAX_PAYLOAD_BYTES = 7000;

/** What travels in a NOTIFY: the sending instance, collection, contracts touched, highest seq. */
interface Wire {
  readonly o: string;
  readonly c: CollectionName;
  readonly k: readonly string[];
  readonly s: number;
}

export interface PgNotifierOptions {
  readonly url: string;
  readonly pool: PgPool;
  /** Fallback poll for changes whose notification was lost (connection drop); default 5 s. */
  readonly pollMs?: number;
  readonly onError: (error: unknown) => void;
}

export interface PgNotifier extends ChangeNotifier {
  /** Resolves once LISTEN is in place (changes made through other instances are heard from then on). */
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

/** Splits a notice into payloads under the NOTIFY limit (a big batch may touch many contracts). */
export function toPayloads(origin: string, notice: ChangeNotice): string[] {
  const payloads: string[] = [];
  let chunk: string[] = [];
  const encode = (contracts: readonly string[]) => JSON.stringify({ o: origin, c: notice.collection, k: contracts, s: notice.seq } satisfies Wire);
  for (const contractId of notice.contractIds) {
    if (chunk.length > 0 && Buffer.byteLength(encode([...chunk, contractId])) > MAX_PAYLOAD_BYTES) {
      payloads.push(encode(chunk));
      chunk = [];
    }
    chunk.push(contractId);
  }
  if (chunk.length > 0) payloads.push(encode(chunk));
  return payloads;
}

/** An account change: sending instance, user id, account version. */
interface AccountWire {
  readonly o: string;
  readonly u: string;
  readonly v: number;
}

function parseWire(text: string | undefined): Wire | AccountWire | null {
  try {
    const value = JSON.parse(text ?? '') as Partial<Wire & AccountWire>;
    if (typeof value.o !== 'string') return null;
    if (typeof value.u === 'string' && typeof value.v === 'number') return { o: value.o, u: value.u, v: value.v };
    if (typeof value.s !== 'number' || !Array.isArray(value.k)) return null;
    if (!(COLLECTION_NAMES as readonly string[]).includes(value.c as string)) return null;
    return value as Wire;
  } catch {
    return null;
  }
}

/**
 * The change notifier for several server instances on one PostgreSQL database. A commit made
 * here reaches this instance's streams at once (in process) and the other instances as a small
 * `NOTIFY` hint; each instance pokes its own clients, who then pull through the cursor.
 * NOTIFY is not durable (a dropped LISTEN connection misses what was sent meanwhile), so every
 * instance also polls the sequence counter slowly: a lost notification only delays a poke.
 * Pokes are de-duplicated per (collection, contract) by the highest sequence already announced;
 * a duplicate poke would be harmless anyway (the client pulls and gets nothing).
 */
export function createPgNotifier(options: PgNotifierOptions): PgNotifier {
  const origin = randomUUID();
  const local = createLocalNotifier(options.onError);
  const announced = new Map<string, number>();
  const announcedAccounts = new Map<string, number>();
  let polledSeq: number | null = null;
  let polledAccounts: number | null = null;
  let closed = false;
  let client: pg.Client | null = null;
  let reconnect: NodeJS.Timeout | null = null;

  /** Pokes local streams for the contracts of `notice` not yet announced up to its seq. */
  const deliver = (notice: ChangeNotice) => {
    const fresh = notice.contractIds.filter((contractId) => (announced.get(`${notice.collection}\u0000${contractId}`) ?? 0) < notice.seq);
    if (fresh.length === 0) return;
    for (const contractId of fresh) announced.set(`${notice.collection}\u0000${contractId}`, notice.seq);
    local.publish({ ...notice, contractIds: fresh });
  };

  /** Tells local streams of an account change not yet announced at that version. */
  const deliverAccount = (notice: AccountNotice) => {
    if ((announcedAccounts.get(notice.userId) ?? 0) >= notice.version) return;
    announcedAccounts.set(notice.userId, notice.version);
    local.publishAccount(notice);
  };

  const listen = async (): Promise<void> => {
    const next = openPgClient(options.url);
    next.on('notification', (message) => {
      const wire = parseWire(message.payload);
      if (!wire || wire.o === origin) return; // our own commits were delivered at publish time
      if ('u' in wire) deliverAccount({ userId: wire.u, version: wire.v });
      else deliver({ collection: wire.c, contractIds: wire.k, seq: wire.s });
    });
    next.on('error', (error) => {
      options.onError(error);
      scheduleReconnect(next);
    });
    next.on('end', () => scheduleReconnect(next));
    await next.connect();
    await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    if (closed) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
  };

  const scheduleReconnect = (broken: pg.Client) => {
    if (closed || client !== broken || reconnect) return;
    client = null;
    void broken.end().catch(() => undefined);
    reconnect = setTimeout(() => {
      reconnect = null;
      // Until LISTEN is back, the poll below covers the gap.
      listen().catch((error: unknown) => {
        options.onError(error);
        if (!closed && !reconnect) reconnect = setTimeout(() => void listen().catch(options.onError), 2000);
      });
    }, 1000);
  };

  /** Catches up on whatever committed since the last poll and was not announced yet. */
  const poll = async (): Promise<void> => {
    const counters = await options.pool.query<{ key: string; value: number }>(`SELECT key, value FROM meta WHERE key IN ('seq', 'accounts')`);
    const counter = (key: string) => Number(counters.rows.find((row) => row.key === key)?.value ?? 0);
    await pollChanges(counter('seq'));
    await pollAccounts(counter('accounts'));
  };

  const pollChanges = async (max: number): Promise<void> => {
    if (polledSeq === null || max <= polledSeq) {
      polledSeq = Math.max(polledSeq ?? 0, max);
      return;
    }
    const changed = await options.pool.query<{ collection: CollectionName; contract_id: string; seq: number }>(
      `SELECT collection, contract_id, max(seq) AS seq FROM documents WHERE seq > $1 AND seq <= $2 GROUP BY collection, contract_id`,
      [polledSeq, max],
    );
    polledSeq = max;
    for (const row of changed.rows) deliver({ collection: row.collection, contractIds: [row.contract_id], seq: Number(row.seq) });
  };

  const pollAccounts = async (max: number): Promise<void> => {
    if (polledAccounts === null || max <= polledAccounts) {
      polledAccounts = Math.max(polledAccounts ?? 0, max);
      return;
    }
    const changed = await options.pool.query<{ id: string; version: number }>('SELECT id, version FROM users WHERE version > $1 AND version <= $2', [
      polledAccounts,
      max,
    ]);
    polledAccounts = max;
    for (const row of changed.rows) deliverAccount({ userId: row.id, version: Number(row.version) });
  };

  const ready = listen().then(() => poll());
  ready.catch(options.onError);
  const timer = setInterval(() => {
    if (!closed) poll().catch(options.onError);
  }, options.pollMs ?? 5000);
  timer.unref();

  return {
    ready,
    publish(notice) {
      deliver(notice);
      if (closed) return; // shutting down: the pool is gone; the other instances' polls catch up
      for (const payload of toPayloads(origin, notice)) {
        options.pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]).catch(options.onError);
      }
    },
    subscribe: (listener: ChangeListener) => local.subscribe(listener),
    publishAccount(notice) {
      deliverAccount(notice);
      if (closed) return;
      const payload = JSON.stringify({ o: origin, u: notice.userId, v: notice.version } satisfies AccountWire);
      options.pool.query('SELECT pg_notify($1, $2)', [CHANGE_CHANNEL, payload]).catch(options.onError);
    },
    subscribeAccount: (listener: AccountListener) => local.subscribeAccount(listener),
    async close() {
      closed = true;
      clearInterval(timer);
      if (reconnect) clearTimeout(reconnect);
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
  };
}
