import Database from 'better-sqlite3';
import type { Migration } from './migrations.js';

export type SqliteDb = Database.Database;

/**
 * Opens the database file with the settings the sync guarantees rely on: WAL so readers never
 * block the writer, `synchronous = FULL` so a transaction is on disk before the push is answered
 * (NORMAL in WAL mode may lose the last commits on power loss), foreign keys on.
 */
export function openSqlite(file: string): SqliteDb {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Applies the migrations not yet recorded, each in its own transaction, in version order. */
export function migrate(db: SqliteDb, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version),
  );
  const known = Math.max(0, ...migrations.map((migration) => migration.version));
  const newest = Math.max(0, ...applied);
  if (newest > known) {
    throw new Error(`database schema version ${newest} is newer than this server knows (${known}); update the server`);
  }
  const done: number[] = [];
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
    done.push(migration.version);
  }
  return done;
}
