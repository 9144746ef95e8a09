import pg from 'pg';
import type { Migration } from './migrations.js';

export type PgPool = pg.Pool;
export type PgClient = pg.PoolClient;

/** BIGINT (sequences, epoch ms) as a JS number: every value the store keeps is far below 2^53. */
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary'
      ? (value: string) => Number(value)
      : (pg.types.getTypeParser as (oid: number, format?: 'text' | 'binary') => unknown)(oid, format)) as typeof pg.types.getTypeParser,
};

/** A connection pool on `DATABASE_URL`. Idle-client errors are logged, not thrown (they would crash the process). */
export function openPgPool(url: string, onError: (error: Error) => void = () => undefined, max = 10): PgPool {
  const pool = new pg.Pool({ connectionString: url, max, types, application_name: 'deskops-sync' });
  pool.on('error', onError);
  return pool;
}

/** A dedicated client (LISTEN needs one connection that stays open), with the same BIGINT parsing. */
export function openPgClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url, types, application_name: 'deskops-sync-listen' });
}

/** Runs `work` in one transaction: COMMIT when it returns, ROLLBACK when it throws. */
export async function inTransaction<T>(pool: PgPool, work: (client: PgClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Runs `work` while one connection holds a session advisory lock on `key`; other instances
 * asking for the same key wait. `work` may use other connections of the pool.
 */
export async function withAdvisoryLock<T>(pool: PgPool, key: number, work: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    try {
      return await work();
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [key]);
    }
  } finally {
    client.release();
  }
}

/** Any fixed 64-bit key: serialises migrations when several instances start on one database. */
const MIGRATION_LOCK = 7_211_004_913;

/** Applies the migrations not yet recorded, each in its own transaction, in version order. */
export async function migratePg(pool: PgPool, migrations: readonly Migration[]): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((row) => row.version));
      const known = Math.max(0, ...migrations.map((migration) => migration.version));
      const newest = Math.max(0, ...applied);
      if (newest > known) {
        throw new Error(`database schema version ${newest} is newer than this server knows (${known}); update the server`);
      }
      const done: number[] = [];
      for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
        if (applied.has(migration.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw error;
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
