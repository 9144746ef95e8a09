import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { elapsed, now } from '../report.js';

/**
 * The raw floor for server writes: the same rows into a table shaped like the server's
 * `documents` (same indexes), same pragmas (WAL, synchronous = FULL), `batch` rows per transaction.
 */
export function rawSqliteInsertMs(rows: readonly { collection: string; id: string; contractId: string; body: string }[], batch = 1000): number {
  const dir = mkdtempSync(join(tmpdir(), 'deskops-bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.exec(`CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, contract_id TEXT NOT NULL,
      seq INTEGER NOT NULL UNIQUE, body TEXT NOT NULL, PRIMARY KEY (collection, id));
      CREATE INDEX documents_collection_seq ON documents (collection, seq);
      CREATE INDEX documents_collection_contract_seq ON documents (collection, contract_id, seq);`);
    const insert = db.prepare('INSERT INTO documents (collection, id, contract_id, seq, body) VALUES (?, ?, ?, ?, ?)');
    let seq = 0;
    const start = now();
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch);
      db.transaction(() => {
        for (const row of slice) insert.run(row.collection, row.id, row.contractId, ++seq, row.body);
      }).immediate();
    }
    return elapsed(start);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
