import type { CollectionName } from '../../common/schemas/collections.js';
import type { DocError } from '../errors.js';
import { decidePush, sameState } from './doc-state.js';
import type { SqliteDb } from './sqlite-db.js';
import type { Author, DocBody, DocState, PushBatchResult, PushWrite, RowGuard, StoredDoc } from './store.js';

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
  private readonly selectPull;
  private readonly nextSeq;
  private readonly upsert;
  private readonly insertRevision;
  private readonly selectRevisions;
  private readonly selectMaxSeq;

  constructor(private readonly db: SqliteDb) {
    this.selectOne = db.prepare<[string, string], DocRow>('SELECT * FROM documents WHERE collection = ? AND id = ?');
    // The contract filter is part of the query, before LIMIT: filtering a page afterwards would
    // make a short page look like "caught up" while visible changes remain.
    this.selectPull = db.prepare<[string, number, string, number], DocRow>(
      `SELECT * FROM documents
       WHERE collection = ? AND seq > ? AND contract_id IN (SELECT value FROM json_each(?))
       ORDER BY seq LIMIT ?`,
    );
    this.nextSeq = db.prepare<[], { value: number }>(`UPDATE meta SET value = value + 1 WHERE key = 'seq' RETURNING value`);
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
    this.selectMaxSeq = db.prepare<[], { value: number }>(`SELECT value FROM meta WHERE key = 'seq'`);
  }

  pull(collection: CollectionName, contractIds: readonly string[], sinceSeq: number, limit: number): StoredDoc[] {
    if (contractIds.length === 0) return [];
    return this.selectPull.all(collection, sinceSeq, JSON.stringify(contractIds), limit).map(toStored);
  }

  getDocs(collection: CollectionName, ids: readonly string[]): StoredDoc[] {
    return ids.flatMap((id) => {
      const row = this.selectOne.get(collection, id);
      return row ? [toStored(row)] : [];
    });
  }

  maxSeq(): number {
    return this.selectMaxSeq.get()?.value ?? 0;
  }

  listRevisions(collection: CollectionName, id: string): StoredDoc[] {
    return this.selectRevisions.all(collection, id).map(toStored);
  }

  pushBatch(collection: CollectionName, rows: readonly PushWrite[], author: Author, guard: RowGuard): PushBatchResult {
    const run = this.db.transaction((): PushBatchResult => {
      const serverTime = new Date().toISOString();
      const conflicts: StoredDoc[] = [];
      const written: { id: string; contractId: string; seq: number }[] = [];
      for (const row of rows) {
        // Read inside the transaction (after BEGIN IMMEDIATE): nobody can write in between.
        const found = this.selectOne.get(collection, row.next.body.id);
        const stored = found ? toStored(found) : undefined;
        const error = guard(row, stored);
        if (error) throw new Rejection(error);
        const decision = decidePush(stored, row);
        if (decision === 'conflict' && stored) conflicts.push(stored);
        if (decision === 'insert' || decision === 'write') {
          const seq = this.write(collection, row.next, author, serverTime);
          written.push({ id: row.next.body.id, contractId: row.next.body.contractId, seq });
        }
      }
      return { ok: true, conflicts, written };
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
      const serverTime = new Date().toISOString();
      let count = 0;
      for (const doc of docs) {
        const found = this.selectOne.get(collection, doc.body.id);
        if (found && sameState(toStored(found), doc)) continue;
        this.write(collection, doc, author, serverTime);
        count++;
      }
      return count;
    });
    return run.immediate();
  }

  /** Assigns the next sequence (strictly increasing in commit order: one writer at a time). */
  private write(collection: CollectionName, state: DocState, author: Author, serverTime: string): number {
    const seq = this.nextSeq.get()?.value;
    if (seq === undefined) throw new Error('sequence counter missing from meta');
    const values = {
      collection,
      id: state.body.id,
      contractId: state.body.contractId,
      seq,
      body: JSON.stringify(state.body),
      deleted: state.deleted ? 1 : 0,
      author: author.userId,
      device: author.deviceId,
      serverTime,
    };
    this.upsert.run(values);
    this.insertRevision.run(values);
    return seq;
  }
}
