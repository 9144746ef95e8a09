import { join } from 'node:path';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { SqliteAccounts } from './sqlite-accounts.js';
import { SqliteBlobs } from './sqlite-blobs.js';
import { migrate, openSqlite } from './sqlite-db.js';
import { SqliteDocuments } from './sqlite-documents.js';
import type { Store } from './store.js';

/** Runs a synchronous call as a promise, turning a throw into a rejection. */
function lift<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => Promise<R> {
  return (...args) => {
    try {
      return Promise.resolve(fn(...args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

export const SQLITE_FILE_NAME = 'deskops.sqlite';

/**
 * The embedded store: one SQLite file under the data folder. better-sqlite3 is synchronous; the
 * async methods keep the Store contract a PostgreSQL implementation can meet.
 */
export function openSqliteStore(dataDir: string): Store {
  const db = openSqlite(join(dataDir, SQLITE_FILE_NAME));
  migrate(db, SQLITE_MIGRATIONS);
  const docs = new SqliteDocuments(db);
  const accounts = new SqliteAccounts(db);
  const blobs = new SqliteBlobs(db);
  accounts.pruneRefreshTokens(Date.now());
  let open = true;
  let startup: Promise<void> = Promise.resolve();

  return {
    pull: lift((collection, contractIds, sinceSeq, limit) => docs.pull(collection, contractIds, sinceSeq, limit)),
    pullWire: lift((collection, contractIds, sinceSeq, limit) => docs.pullWire(collection, contractIds, sinceSeq, limit)),
    getDocs: lift((collection, ids) => docs.getDocs(collection, ids)),
    pushBatch: lift((collection, rows, author, guard) => docs.pushBatch(collection, rows, author, guard)),
    putServerDocs: lift((collection, list, author) => docs.putServerDocs(collection, list, author)),
    listRevisions: lift((collection, id) => docs.listRevisions(collection, id)),
    maxSeq: lift(() => docs.maxSeq()),

    createUser: lift((user) => accounts.createUser(user)),
    getUserById: lift((id) => accounts.getUser('id', id)),
    getUserByUsername: lift((username) => accounts.getUser('username', username)),
    listUsers: lift(() => accounts.listUsers()),
    updateUser: lift((id, decide) => accounts.updateUser(id, decide)),
    revokeUserSessions: lift((userId, now) => accounts.revokeUserSessions(userId, now)),

    getLoginLock: lift((username, now) => accounts.getLoginLock(username, now)),
    recordLoginFailure: lift((username, now, policy) => accounts.recordLoginFailure(username, now, policy)),
    clearLoginFailures: lift((username) => accounts.clearLoginFailures(username)),

    insertRefreshToken: lift((token, now) => accounts.insertRefreshToken(token, now)),
    rotateRefreshToken: lift((hash, next, now) => accounts.rotateRefreshToken(hash, next, now)),
    revokeRefreshFamily: lift((hash) => accounts.revokeRefreshFamily(hash)),

    putBlob: lift((blob, now) => blobs.put(blob, now)),
    getBlob: lift((sha256, contractIds) => blobs.get(sha256, contractIds)),

    audit: lift((entry) => accounts.audit(entry)),
    listAudit: lift((limit) => accounts.listAudit(limit)),

    // One process owns the file: running in turn within it is all a start-up lock needs.
    withStartupLock: (work) => {
      const run = startup.then(work);
      startup = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },

    close: lift(() => {
      if (!open) return;
      open = false;
      // Fold the WAL back into the main file so the data folder is one self-contained file.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    }),
  };
}
