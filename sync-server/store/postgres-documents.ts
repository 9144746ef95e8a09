import type { CollectionName } from '../../common/schemas/collections.js';
import { inTransaction, type PgClient, type PgPool } from './postgres-db.js';
import { counterAfter, lastWritePerDocument, planPush, planServerDocs, pushResult, type PlannedWrite } from './push-plan.js';
import { PushFailure, PushGroups, type GroupAnswer, type QueuedPush } from './push-groups.js';
import { wireJson } from './doc-state.js';
import type { Author, DocBody, DocState, PushBatchResult, PushWrite, RowGuard, StoredDoc, WirePage } from './store.js';

interface DocRow {
  collection: string;
  id: string;
  contract_id: string;
  seq: number;
  body: string;
  deleted: boolean;
  updated_by: string;
  device_id: string;
  server_time: string;
}

/**
 * A statement refused the data (SQLSTATE class 22 data exception, 23 integrity violation): the
 * transaction rolled back before COMMIT, so its pushes can safely be tried again one by one.
 * Other failures (connection lost, COMMIT itself) may leave the outcome unknown: never retried.
 */
function refusedByData(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}

function toStored(row: DocRow): StoredDoc {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    contractId: row.contract_id,
    seq: Number(row.seq),
    body: JSON.parse(row.body) as DocBody,
    deleted: row.deleted,
    updatedBy: row.updated_by,
    deviceId: row.device_id,
    serverTime: row.server_time,
  };
}

const SELECT_MANY = 'SELECT * FROM documents WHERE collection = $1 AND id = ANY($2::text[])';

const COLUMNS_FROM_ARRAYS = `SELECT $1::text, u.id, u.contract_id, u.seq, u.body, u.deleted, u.author, u.device, u.server_time
  FROM unnest($2::text[], $3::text[], $4::bigint[], $5::text[], $6::boolean[], $7::text[], $8::text[], $9::text[])
    AS u(id, contract_id, seq, body, deleted, author, device, server_time)`;

const UPSERT_DOCUMENTS = `INSERT INTO documents (collection, id, contract_id, seq, body, deleted, updated_by, device_id, server_time)
  ${COLUMNS_FROM_ARRAYS}
  ON CONFLICT (collection, id) DO UPDATE SET contract_id = excluded.contract_id, seq = excluded.seq,
    body = excluded.body, deleted = excluded.deleted, updated_by = excluded.updated_by,
    device_id = excluded.device_id, server_time = excluded.server_time`;

const INSERT_REVISIONS = `INSERT INTO revisions (collection, id, contract_id, seq, body, deleted, author, device, server_time)
  ${COLUMNS_FROM_ARRAYS}`;

/**
 * Documents, revisions and the global sequence in PostgreSQL.
 *
 * Why a locked counter row: a PostgreSQL SEQUENCE (or `now()`) hands out numbers when a
 * transaction asks, not when it commits. Writer A takes 10, writer B takes 11 and commits first;
 * a puller at that moment reads 11 and moves its checkpoint past 10, which A then commits: the
 * puller never sees it (the design notes measured 8 % missed rows with 8 writers). Here every
 * write transaction first locks the one `meta` row (`SELECT ... FOR UPDATE`) and numbers its
 * rows from it, so writers run one after another and a later commit always carries higher
 * sequences than every earlier one: a reader that sees seq N has seen every commit below N. The
 * same lock serialises the read-check-write of the conflict rule, exactly like SQLite's
 * BEGIN IMMEDIATE. Writes of one deployment are serial anyway at this scale (tens of
 * technicians); reads never take the lock.
 */
export class PostgresDocuments {
  /** Concurrent pushes to this instance share a transaction (push-groups.ts). */
  private readonly groups = new PushGroups((group) => this.commitGroup(group), 5_000, refusedByData);

  constructor(private readonly pool: PgPool) {}

  async pull(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): Promise<StoredDoc[]> {
    return (await this.pullRows(collection, contractIds, sinceSeq, limit)).map(toStored);
  }

  async pullWire(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): Promise<WirePage> {
    const rows = await this.pullRows(collection, contractIds, sinceSeq, limit);
    return { documents: rows.map((row) => wireJson(row.body, row.deleted)), lastSeq: rows.length > 0 ? Number(rows[rows.length - 1]?.seq) : null };
  }

  private async pullRows(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): Promise<DocRow[]> {
    if (contractIds.length === 0) return [];
    // The contract filter is part of the query, before LIMIT: filtering a page afterwards would
    // make a short page look like "caught up" while visible changes remain.
    const result = await this.pool.query<DocRow>({
      name: 'deskops-pull',
      text: `SELECT * FROM documents
       WHERE collection = $1 AND seq > $2 AND contract_id = ANY($3::text[])
       ORDER BY seq LIMIT $4`,
      values: [collection, sinceSeq, [...contractIds], limit],
    });
    return result.rows;
  }

  async getDocs(collection: CollectionName, ids: readonly string[]): Promise<StoredDoc[]> {
    if (ids.length === 0) return [];
    const result = await this.pool.query<DocRow>('SELECT * FROM documents WHERE collection = $1 AND id = ANY($2::text[])', [
      collection,
      [...ids],
    ]);
    const byId = new Map(result.rows.map((row) => [row.id, toStored(row)]));
    return ids.flatMap((id) => {
      const doc = byId.get(id);
      return doc ? [doc] : [];
    });
  }

  async maxSeq(): Promise<number> {
    const result = await this.pool.query<{ value: number }>(`SELECT value FROM meta WHERE key = 'seq'`);
    return result.rows[0]?.value ?? 0;
  }

  async listRevisions(collection: CollectionName, id: string): Promise<StoredDoc[]> {
    const result = await this.pool.query<DocRow>(
      `SELECT seq, collection, id, contract_id, body, deleted, author AS updated_by, device AS device_id, server_time
       FROM revisions WHERE collection = $1 AND id = $2 ORDER BY seq`,
      [collection, id],
    );
    return result.rows.map(toStored);
  }

  pushBatch(collection: CollectionName, rows: readonly PushWrite[], author: Author, guard: RowGuard): Promise<PushBatchResult> {
    return this.groups.push({ collection, rows, author, guard });
  }

  /**
   * One transaction for a group of pushes: each is planned in turn against the stored documents
   * as the pushes before it left them; a refused push (guard, validation) contributes nothing.
   */
  private commitGroup(group: readonly QueuedPush[]): Promise<GroupAnswer[]> {
    return inTransaction(this.pool, async (client) => {
      const start = await this.lockCounter(client);
      // Read after taking the counter lock: no other writer can change them in between.
      const stored = new Map<CollectionName, Map<string, StoredDoc>>();
      for (const collection of new Set(group.map((push) => push.collection))) {
        const ids = group.filter((push) => push.collection === collection).flatMap((push) => push.rows.map((row) => row.next.body.id));
        stored.set(collection, await this.storedById(client, collection, ids));
      }
      const serverTime = new Date().toISOString();
      const writes = new Map<CollectionName, PlannedWrite[]>();
      let counter = start;
      const results = group.map((push): GroupAnswer => {
        // Planned on a copy: a push refused halfway leaves no trace for the pushes after it.
        const view = new Map(stored.get(push.collection));
        let plan: ReturnType<typeof planPush>;
        try {
          plan = planPush(push.collection, push.rows, view, push.guard, counter, push.author, serverTime);
        } catch (error) {
          // A guard that throws fails its own push (as a lone transaction would), not the group.
          return new PushFailure(error);
        }
        if (!plan.ok) return { ok: false, error: plan.error };
        stored.set(push.collection, view);
        counter = counterAfter(counter, plan.writes);
        writes.set(push.collection, [...(writes.get(push.collection) ?? []), ...plan.writes]);
        return pushResult(plan);
      });
      for (const [collection, list] of writes) await this.writeRows(client, collection, list);
      if (counter !== start) await this.saveCounter(client, counter);
      return results;
    });
  }

  async putServerDocs(collection: CollectionName, docs: readonly DocState[], author: Author): Promise<number> {
    return inTransaction(this.pool, async (client) => {
      const counter = await this.lockCounter(client);
      const stored = await this.storedById(client, collection, docs.map((doc) => doc.body.id));
      const writes = planServerDocs(collection, docs, stored, counter, author, new Date().toISOString());
      await this.writeRows(client, collection, writes);
      if (writes.length > 0) await this.saveCounter(client, counterAfter(counter, writes));
      return writes.length;
    });
  }

  /** The batch's stored documents in one query. */
  private async storedById(client: PgClient, collection: CollectionName, ids: readonly string[]): Promise<Map<string, StoredDoc>> {
    const result = await client.query<DocRow>({ name: 'deskops-docs-by-id', text: SELECT_MANY, values: [collection, [...new Set(ids)]] });
    return new Map(result.rows.map((row) => [row.id, toStored(row)]));
  }

  /**
   * Writes planned rows in two statements whatever their number: the documents (last state per id)
   * and every revision. Columns travel as arrays (`unnest`), one round trip each.
   */
  private async writeRows(client: PgClient, collection: CollectionName, writes: readonly PlannedWrite[]): Promise<void> {
    if (writes.length === 0) return;
    const columns = (list: readonly PlannedWrite[]) => [
      collection,
      list.map(({ doc }) => doc.id),
      list.map(({ doc }) => doc.contractId),
      list.map(({ doc }) => doc.seq),
      list.map(({ bodyText }) => bodyText),
      list.map(({ doc }) => doc.deleted),
      list.map(({ doc }) => doc.updatedBy),
      list.map(({ doc }) => doc.deviceId),
      list.map(({ doc }) => doc.serverTime),
    ];
    await client.query({ name: 'deskops-upsert-docs', text: UPSERT_DOCUMENTS, values: columns(lastWritePerDocument(writes)) });
    await client.query({ name: 'deskops-insert-revisions', text: INSERT_REVISIONS, values: columns(writes) });
  }

  private async saveCounter(client: PgClient, counter: number): Promise<void> {
    await client.query({ name: 'deskops-save-seq', text: `UPDATE meta SET value = $1 WHERE key = 'seq'`, values: [counter] });
  }

  /** Locks the counter row until COMMIT/ROLLBACK: the one writer at a time (see the class comment). */
  private async lockCounter(client: PgClient): Promise<number> {
    const result = await client.query<{ value: number }>({ name: 'deskops-lock-seq', text: `SELECT value FROM meta WHERE key = 'seq' FOR UPDATE` });
    const value = result.rows[0]?.value;
    if (value === undefined) throw new Error('sequence counter missing from meta');
    return value;
  }
}
