import type { PgPool } from './postgres-db.js';
import type { BlobRecord, StoredBlob } from './store.js';

interface BlobRow {
  contract_id: string;
  sha256: string;
  mime: string;
  size: number;
  data: Buffer;
}

/** Blobs in PostgreSQL (BYTEA). No sequence lock: blobs are not part of the pull order. */
export class PostgresBlobs {
  constructor(private readonly pool: PgPool) {}

  async put(blob: BlobRecord, now: string): Promise<'created' | 'exists'> {
    const result = await this.pool.query(
      `INSERT INTO blobs (contract_id, sha256, mime, size, data, uploaded_by, device_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (contract_id, sha256) DO NOTHING`,
      [blob.contractId, blob.sha256, blob.mime, blob.data.byteLength, Buffer.from(blob.data.buffer, blob.data.byteOffset, blob.data.byteLength), blob.uploadedBy, blob.deviceId, now],
    );
    return result.rowCount === 1 ? 'created' : 'exists';
  }

  async get(sha256: string, contractIds: readonly string[]): Promise<StoredBlob | null> {
    if (contractIds.length === 0) return null;
    const result = await this.pool.query<BlobRow>(
      `SELECT contract_id, sha256, mime, size, data FROM blobs
       WHERE sha256 = $1 AND contract_id = ANY($2::text[]) ORDER BY contract_id LIMIT 1`,
      [sha256, contractIds],
    );
    const row = result.rows[0];
    return row ? { contractId: row.contract_id, sha256: row.sha256, mime: row.mime, size: Number(row.size), data: row.data } : null;
  }
}
