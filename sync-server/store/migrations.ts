/**
 * SQLite schema, as numbered migrations applied once each (recorded in `schema_migrations`).
 * Never edit a released migration: add the next number.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, revisions, accounts, tokens, audit',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT INTO meta (key, value) VALUES ('seq', 0);

      -- Current state per document. Server-owned facts live in columns, never inside body.
      CREATE TABLE documents (
        collection  TEXT NOT NULL,
        id          TEXT NOT NULL,
        contract_id TEXT NOT NULL,
        seq         INTEGER NOT NULL UNIQUE,
        body        TEXT NOT NULL,
        deleted     INTEGER NOT NULL DEFAULT 0,
        updated_by  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        server_time TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX documents_collection_seq ON documents (collection, seq);
      CREATE INDEX documents_collection_contract_seq ON documents (collection, contract_id, seq);

      -- Every accepted revision, so nothing is overwritten without a trace.
      CREATE TABLE revisions (
        seq         INTEGER PRIMARY KEY,
        collection  TEXT NOT NULL,
        id          TEXT NOT NULL,
        contract_id TEXT NOT NULL,
        body        TEXT NOT NULL,
        deleted     INTEGER NOT NULL,
        author      TEXT NOT NULL,
        device      TEXT NOT NULL,
        server_time TEXT NOT NULL
      );
      CREATE INDEX revisions_document ON revisions (collection, id, seq);

      CREATE TABLE users (
        id            TEXT PRIMARY KEY,
        username      TEXT NOT NULL UNIQUE,
        name          TEXT NOT NULL,
        role          TEXT NOT NULL CHECK (role IN ('technician', 'warehouse', 'supervisor', 'admin')),
        password_hash TEXT NOT NULL,
        disabled      INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL
      );
      CREATE TABLE user_contracts (
        user_id     TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        contract_id TEXT NOT NULL,
        PRIMARY KEY (user_id, contract_id)
      );

      CREATE TABLE refresh_tokens (
        id         TEXT PRIMARY KEY,
        family     TEXT NOT NULL,
        user_id    TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        device_id  TEXT NOT NULL,
        hash       TEXT NOT NULL UNIQUE,
        created_at INTEGER NOT NULL,
        expires    INTEGER NOT NULL,
        used_at    INTEGER,
        revoked    INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

      -- Keyed by the name typed, so unknown names lock exactly like real ones (no enumeration).
      CREATE TABLE login_failures (
        username     TEXT PRIMARY KEY,
        failures     INTEGER NOT NULL,
        locked_until INTEGER
      );

      CREATE TABLE audit_log (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        at        TEXT NOT NULL,
        event     TEXT NOT NULL,
        user_id   TEXT,
        username  TEXT,
        ip        TEXT,
        device_id TEXT,
        detail    TEXT
      );
      CREATE INDEX audit_log_at ON audit_log (at);
    `,
  },
  {
    version: 2,
    name: 'assets schema 1: siteId null becomes empty string',
    // The same step as common/schemas/asset-migrations.ts (assetV0toV1), which every client runs
    // on its replica. In place, without a new sequence: only clients of schema 1 read documents
    // from now on (older ones get 426), and they have migrated their copies identically.
    sql: `
      UPDATE documents SET body = json_set(body, '$.siteId', '')
       WHERE collection = 'assets' AND json_type(body, '$.siteId') = 'null';
    `,
  },
  {
    version: 3,
    name: 'account versions for administration and scope changes',
    sql: `
      -- Raised from the 'accounts' counter on every account change, so instances can tell which
      -- accounts changed since they last looked (a lost NOTIFY only delays a stream's resync).
      ALTER TABLE users ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN updated_at TEXT;
      -- Epoch ms of the last "end every session" (password reset, disabled): older access tokens die.
      ALTER TABLE users ADD COLUMN sessions_revoked_at INTEGER;
      INSERT INTO meta (key, value) VALUES ('accounts', 0);
    `,
  },
  {
    version: 4,
    name: 'contracts schema 1: holidays carry a name',
    // Same change as common/schemas/contract-migration.ts (the client's RxDB migration); a test
    // checks both give the same document. Sequences stay: clients migrate their own copies.
    sql: `
      UPDATE documents
      SET body = json_set(body, '$.calendar.holidays', json((
        SELECT json_group_array(CASE WHEN type = 'text' THEN json_object('date', value, 'name', '') ELSE json(value) END)
        FROM (SELECT type, value FROM json_each(documents.body, '$.calendar.holidays') ORDER BY key)
      )))
      WHERE collection = 'contracts' AND json_type(body, '$.calendar.holidays') = 'array';
    `,
  },
  {
    version: 5,
    name: 'blobs: content-addressed attachments per contract',
    sql: `
      -- One row per (contract, SHA-256 of the bytes): the name is the content, so an upload
      -- retried after a lost answer finds its row and writes nothing.
      CREATE TABLE blobs (
        contract_id TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        mime        TEXT NOT NULL,
        size        INTEGER NOT NULL,
        data        BLOB NOT NULL,
        uploaded_by TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (contract_id, sha256)
      );
    `,
  },
];
