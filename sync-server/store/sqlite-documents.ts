import type { CollectionName } from '../../common/schemas/collections.js';
import type { DocError } from '../errors.js';
import { counterAfter, planPush, planServerDocs, pushResult, type PlannedWrite } from './push-plan.js';
import type { SqliteDb } from './sqlite-db.js';
import { wireJson } from './doc-state.js';
import type { Author, DocBody, DocState, PushBatchResult, PushWrite, RowGuard, StoredDoc, WirePage } from './store.js';

interface DocRow {
  collection: string;
  id: string;
  contract_id: string;
  seq: number;
  body: string;
  deleted: number;
  updated_by: string;
  device_id: string;
  server_time: string;
}

/** Thrown inside a transaction to roll it back with a document error. */
class Rejection extends Error {
  constructor(readonly error: DocError) {
    super(error.message);
  }
}

function toStored(row: DocRow): StoredDoc {
  return {
    collection: row.collection as CollectionName,
    id: row.id,
    contractId: row.contract_id,
    seq: row.seq,
    body: JSON.parse(row.body) as DocBody,
    deleted: row.deleted === 1,
    updatedBy: row.updated_by,
    deviceId: row.device_id,
    serverTime: row.server_time,
  };
}

/** Documents, revisions and the global sequence in SQLite. Writes run in BEGIN IMMEDIATE. */
export class SqliteDocuments {
  private readonly selectOne;
  private readonly selectMany;
  private readonly selectPull;
  private readonly readSeq;
  private readonly storeSeq;
  private readonly upsert;
  private readonly insertRevision;
  private readonly selectRevisions;

  constructor(private readonly db: SqliteDb) {
    this.selectOne = db.prepare<[string, string], DocRow>('SELECT * FROM documents WHERE collection = ? AND id = ?');
    // The contract filter is part of the query, before LIMIT: filtering a page afterwards would
    // make a short page look like "caught up" while visible changes remain.
    this.selectPull = db.prepare<[string, number, string, number], DocRow>(
      `SELECT * FROM documents
       WHERE collection = ? AND seq > ? AND contract_id IN (SELECT value FROM json_each(?))
       ORDER BY seq LIMIT ?`,
    );
    // One read of a whole push batch (ids as a JSON array) instead of one SELECT per row.
    this.selectMany = db.prepare<[string, string], DocRow>(
      'SELECT * FROM documents WHERE collection = ? AND id IN (SELECT value FROM json_each(?))',
    );
    this.readSeq = db.prepare<[], { value: number }>(`SELECT value FROM meta WHERE key = 'seq'`);
    this.storeSeq = db.prepare<[number]>(`UPDATE meta SET value = ? WHERE key = 'seq'`);
    this.upsert = db.prepare(
      `INSERT INTO documents (collection, id, contract_id, seq, body, deleted, updated_by, device_id, server_time)
       VALUES (@collection, @id, @contractId, @seq, @body, @deleted, @author, @device, @serverTime)
       ON CONFLICT (collection, id) DO UPDATE SET contract_id = excluded.contract_id, seq = excluded.seq,
         body = excluded.body, deleted = excluded.deleted, updated_by = excluded.updated_by,
         device_id = excluded.device_id, server_time = excluded.server_time`,
    );
    this.insertRevision = db.prepare(
      `INSERT INTO revisions (seq, collection, id, contract_id, body, deleted, author, device, server_time)
       VALUES (@seq, @collection, @id, @contractId, @body, @deleted, @author, @device, @serverTime)`,
    );
    this.selectRevisions = db.prepare<[string, string], DocRow & { author: string; device: string }>(
      `SELECT seq, collection, id, contract_id, body, deleted, author AS updated_by, device AS device_id, server_time
       FROM revisions WHERE collection = ? AND id = ? ORDER BY seq`,
    );
  }

  pull(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): StoredDoc[] {
    if (contractIds.length === 0) return [];
    return this.selectPull.all(collection, sinceSeq, JSON.stringify(contractIds), limit).map(toStored);
  }

  pullWire(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): WirePage {
    if (contractIds.length === 0) return { documents: [], lastSeq: null };
    const rows = this.selectPull.all(collection, sinceSeq, JSON.stringify(contractIds), limit);
    return { documents: rows.map((row) => wireJson(row.body, row.deleted === 1)), lastSeq: rows.at(-1)?.seq ?? null };
  }

  getDocs(collection: CollectionName, ids: readonly string[]): StoredDoc[] {
    return ids.flatMap((id) => {
      const row = this.selectOne.get(collection, id);
      return row ? [toStored(row)] : [];
    });
  }

  maxSeq(): number {
    return this.readSeq.get()?.value ?? 0;
  }

  listRevisions(collection: CollectionName, id: string): StoredDoc[] {
    return this.selectRevisions.all(collection, id).map(toStored);
  }

  pushBatch(collection: CollectionName, rows: readonly PushWrite[], author: Author, guard: RowGuard): PushBatchResult {
    const run = this.db.transaction((): PushBatchResult => {
      // Read inside the transaction (after BEGIN IMMEDIATE): nobody can write in between.
      const counter = this.counter();
      const stored = this.storedById(collection, rows.map((row) => row.next.body.id));
      const plan = planPush(collection, rows, stored, guard, counter, author, new Date().toISOString());
      if (!plan.ok) throw new Rejection(plan.error);
      this.apply(plan.writes, counter);
      return pushResult(plan);
    });
    try {
      return run.immediate();
    } catch (error) {
      if (error instanceof Rejection) return { ok: false, error: error.error };
      throw error;
    }
  }

  putServerDocs(collection: CollectionName, docs: readonly DocState[], author: Author): number {
    const run = this.db.transaction((): number => {
      const counter = this.counter();
      const stored = this.storedById(collection, docs.map((doc) => doc.body.id));
      const writes = planServerDocs(collection, docs, stored, counter, author, new Date().toISOString());
      this.apply(writes, counter);
      return writes.length;
    });
    return run.immediate();
  }

  private storedById(collection: CollectionName, ids: readonly string[]): Map<string, StoredDoc> {
    return new Map(this.selectMany.all(collection, JSON.stringify(ids)).map((row) => [row.id, toStored(row)]));
  }

  /** The global counter, read once per write transaction (BEGIN IMMEDIATE: one writer at a time). */
  private counter(): number {
    const value = this.readSeq.get()?.value;
    if (value === undefined) throw new Error('sequence counter missing from meta');
    return value;
  }

  /** Writes the planned rows and moves the counter past them: sequences increase in commit order. */
  private apply(writes: readonly PlannedWrite[], counter: number): void {
    for (const { doc, bodyText } of writes) {
      const values = {
        collection: doc.collection,
        id: doc.id,
        contractId: doc.contractId,
        seq: doc.seq,
        body: bodyText,
        deleted: doc.deleted ? 1 : 0,
        author: doc.updatedBy,
        device: doc.deviceId,
        serverTime: doc.serverTime,
      };
      this.upsert.run(values);
      this.insertRevision.run(values);
    }
    const next = counterAfter(counter, writes);
    if (next !== counter) this.storeSeq.run(next);
  }
}
