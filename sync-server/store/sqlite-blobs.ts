import type { SqliteDb } from './sqlite-db.js';
import type { BlobRecord, StoredBlob } from './store.js';

interface BlobRow {
  contract_id: string;
  sha256: string;
  mime: string;
  size: number;
  data: Buffer;
}

/** Blobs in the SQLite file (a service desk's photos stay well within what SQLite handles). */
export class SqliteBlobs {
  private readonly insert;
  private readonly select;

  constructor(db: SqliteDb) {
    this.insert = db.prepare<[string, string, string, number, Uint8Array, string, string, string]>(
      `INSERT INTO blobs (contract_id, sha256, mime, size, data, uploaded_by, device_id, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (contract_id, sha256) DO NOTHING`,
    );
    // Tenancy in the query: a blob of another contract is simply not found.
    this.select = db.prepare<[string, string], BlobRow>(
      `SELECT contract_id, sha256, mime, size, data FROM blobs
       WHERE sha256 = ? AND contract_id IN (SELECT value FROM json_each(?)) ORDER BY contract_id LIMIT 1`,
    );
  }

  put(blob: BlobRecord, now: string): 'created' | 'exists' {
    const result = this.insert.run(blob.contractId, blob.sha256, blob.mime, blob.data.byteLength, blob.data, blob.uploadedBy, blob.deviceId, now);
    return result.changes === 1 ? 'created' : 'exists';
  }

  get(sha256: string, contractIds: readonly string[]): StoredBlob | null {
    if (contractIds.length === 0) return null;
    const row = this.select.get(sha256, JSON.stringify(contractIds));
    return row ? { contractId: row.contract_id, sha256: row.sha256, mime: row.mime, size: row.size, data: row.data } : null;
  }
}
