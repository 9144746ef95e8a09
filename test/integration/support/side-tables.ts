import { createHash } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { canonicalJson } from '../../../common/sync/merge/deep-equal.js';
import type { RunningServer } from '../../../sync-server/start.js';
import { SQLITE_FILE_NAME } from '../../../sync-server/store/sqlite-store.js';

/**
 * Fingerprints of what lives beside the documents: the accounts (every field the admin API or a
 * password reset can change, the password hash and the sessions-ended time included) and the blob
 * table (every row, its bytes hashed). Equal before and after a refused request = it wrote nothing
 * there. Blobs have no listing in the Store interface (nothing in the product needs one), so the
 * blob table is read straight from the server's SQLite file or PostgreSQL database, read-only.
 */
export interface SideTables {
  accounts(): Promise<string>;
  blobs(): Promise<string>;
  close(): Promise<void>;
}

interface BlobRow {
  contract_id: string;
  sha256: string;
  mime: string;
  size: number | string;
  uploaded_by: string;
  data: Buffer;
}

const BLOB_QUERY = 'SELECT contract_id, sha256, mime, size, uploaded_by, data FROM blobs ORDER BY contract_id, sha256';

function blobHash(rows: readonly BlobRow[]): string {
  const hash = createHash('sha256');
  for (const row of rows) {
    hash.update(`${row.contract_id}\u0000${row.sha256}\u0000${row.mime}\u0000${Number(row.size)}\u0000${row.uploaded_by}\u0000`);
    hash.update(createHash('sha256').update(row.data).digest('hex'));
  }
  return `${rows.length}:${hash.digest('hex')}`;
}

export async function openSideTables(server: RunningServer): Promise<SideTables> {
  const accounts = async () => canonicalJson(await server.store.listUsers());
  const url = server.config.databaseUrl;
  if (url === null) {
    const db = new Database(join(server.config.dataDir, SQLITE_FILE_NAME), { readonly: true, fileMustExist: true });
    return {
      accounts,
      blobs: () => Promise.resolve(blobHash(db.prepare<[], BlobRow>(BLOB_QUERY).all())),
      close: () => Promise.resolve(void db.close()),
    };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    accounts,
    blobs: async () => blobHash((await client.query<BlobRow>(BLOB_QUERY)).rows),
    close: () => client.end(),
  };
}
