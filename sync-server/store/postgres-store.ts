import { PostgresAccounts } from './postgres-accounts.js';
import { PostgresBlobs } from './postgres-blobs.js';
import { migratePg, openPgPool, withAdvisoryLock } from './postgres-db.js';
import { PostgresDocuments } from './postgres-documents.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import type { Store } from './store.js';

/** Any fixed 64-bit key, distinct from the migration lock: one instance at a time seeds. */
const STARTUP_LOCK = 7_211_004_914;

/**
 * The PostgreSQL store (chosen when `DATABASE_URL` is set). Several server instances may share
 * one database: sequences stay in commit order across them (see PostgresDocuments), and
 * `PgNotifier` carries change pokes between them. Reads go to the same (primary) database.
 */
export async function openPostgresStore(url: string, onPoolError?: (error: Error) => void): Promise<Store> {
  const pool = openPgPool(url, onPoolError);
  try {
    await migratePg(pool, POSTGRES_MIGRATIONS);
    const accounts = new PostgresAccounts(pool);
    await accounts.pruneRefreshTokens(Date.now());
    const docs = new PostgresDocuments(pool);
    const blobs = new PostgresBlobs(pool);
    let closing: Promise<void> | null = null;
    return {
      pull: (collection, contractIds, sinceSeq, limit) => docs.pull(collection, contractIds, sinceSeq, limit),
      pullWire: (collection, contractIds, sinceSeq, limit) => docs.pullWire(collection, contractIds, sinceSeq, limit),
      getDocs: (collection, ids) => docs.getDocs(collection, ids),
      pushBatch: (collection, rows, author, guard) => docs.pushBatch(collection, rows, author, guard),
      putServerDocs: (collection, list, author) => docs.putServerDocs(collection, list, author),
      listRevisions: (collection, id) => docs.listRevisions(collection, id),
      maxSeq: () => docs.maxSeq(),

      createUser: (user) => accounts.createUser(user),
      getUserById: (id) => accounts.getUser('id', id),
      getUserByUsername: (username) => accounts.getUser('username', username),
      listUsers: () => accounts.listUsers(),
      updateUser: (id, decide) => accounts.updateUser(id, decide),
      revokeUserSessions: (userId, now) => accounts.revokeUserSessions(userId, now),

      getLoginLock: (username, now) => accounts.getLoginLock(username, now),
      recordLoginFailure: (username, now, policy) => accounts.recordLoginFailure(username, now, policy),
      clearLoginFailures: (username) => accounts.clearLoginFailures(username),

      insertRefreshToken: (token, now) => accounts.insertRefreshToken(token, now),
      rotateRefreshToken: (hash, next, now) => accounts.rotateRefreshToken(hash, next, now),
      revokeRefreshFamily: (hash) => accounts.revokeRefreshFamily(hash),

      putBlob: (blob, now) => blobs.put(blob, now),
      getBlob: (sha256, contractIds) => blobs.get(sha256, contractIds),

      audit: (entry) => accounts.audit(entry),
      listAudit: (limit) => accounts.listAudit(limit),

      withStartupLock: (work) => withAdvisoryLock(pool, STARTUP_LOCK, work),

      close: () => (closing ??= pool.end()),
    };
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw error;
  }
}
