import type { Migration } from './migrations.js';

/**
 * PostgreSQL schema: the same numbered migrations as `SQLITE_MIGRATIONS` (same versions and
 * names, checked by a test), written in PostgreSQL's dialect. Add a migration to both lists in
 * the same change; never edit a released one.
 */
export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, revisions, accounts, tokens, audit',
    sql: `
      -- The global sequence counter. Its row is locked (SELECT ... FOR UPDATE) by every write
      -- transaction, which makes sequences increase in commit order; see postgres-documents.ts.
      CREATE TABLE meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
      INSERT INTO meta (key, value) VALUES ('seq', 0);

      -- Current state per document. Server-owned facts live in columns, never inside body.
      -- body is TEXT, not JSONB: it goes back to clients exactly as they sent it.
      CREATE TABLE documents (
        collection  TEXT NOT NULL,
        id          TEXT NOT NULL,
        contract_id TEXT NOT NULL,
        seq         BIGINT NOT NULL UNIQUE,
        body        TEXT NOT NULL,
        deleted     BOOLEAN NOT NULL DEFAULT FALSE,
        updated_by  TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        server_time TEXT NOT NULL,
        PRIMARY KEY (collection, id)
      );
      CREATE INDEX documents_collection_seq ON documents (collection, seq);
      CREATE INDEX documents_collection_contract_seq ON documents (collection, contract_id, seq);

      -- Every accepted revision, so nothing is overwritten without a trace.
      CREATE TABLE revisions (
        seq         BIGINT PRIMARY KEY,
        collection  TEXT NOT NULL,
        id          TEXT NOT NULL,
        contract_id TEXT NOT NULL,
        body        TEXT NOT NULL,
        deleted     BOOLEAN NOT NULL,
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
        disabled      BOOLEAN NOT NULL DEFAULT FALSE,
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
        created_at BIGINT NOT NULL,
        expires    BIGINT NOT NULL,
        used_at    BIGINT,
        revoked    BOOLEAN NOT NULL DEFAULT FALSE
      );
      CREATE INDEX refresh_tokens_family ON refresh_tokens (family);

      -- Keyed by the name typed, so unknown names lock exactly like real ones (no enumeration).
      CREATE TABLE login_failures (
        username     TEXT PRIMARY KEY,
        failures     INTEGER NOT NULL,
        locked_until BIGINT
      );

      CREATE TABLE audit_log (
        id        BIGSERIAL PRIMARY KEY,
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
    // See SQLITE_MIGRATIONS 2. jsonb re-serialises the rewritten bodies (key order, spacing); the
    // sync compares documents by value, so only these rows' text changes form.
    sql: `
      UPDATE documents SET body = jsonb_set(body::jsonb, '{siteId}', '""'::jsonb)::text
       WHERE collection = 'assets' AND jsonb_typeof(body::jsonb -> 'siteId') = 'null';
    `,
  },
  {
    version: 3,
    name: 'account versions for administration and scope changes',
    sql: `
      -- Raised from the 'accounts' counter on every account change, so instances can tell which
      -- accounts changed since they last looked (a lost NOTIFY only delays a stream's resync).
      ALTER TABLE users ADD COLUMN version BIGINT NOT NULL DEFAULT 0;
      ALTER TABLE users ADD COLUMN updated_at TEXT;
      -- Epoch ms of the last "end every session" (password reset, disabled): older access tokens die.
      ALTER TABLE users ADD COLUMN sessions_revoked_at BIGINT;
      INSERT INTO meta (key, value) VALUES ('accounts', 0);
    `,
  },
  {
    version: 4,
    name: 'contracts schema 1: holidays carry a name',
    // jsonb normalises the body's spacing and key order; the document stays equal
    // (sameDocumentState ignores key order) and RxDB migrates each client's own copy alike.
    sql: `
      UPDATE documents
      SET body = jsonb_set(body::jsonb, '{calendar,holidays}', (
        SELECT COALESCE(jsonb_agg(
          CASE WHEN jsonb_typeof(h.value) = 'string' THEN jsonb_build_object('date', h.value #>> '{}', 'name', '') ELSE h.value END
          ORDER BY h.ordinality), '[]'::jsonb)
        FROM jsonb_array_elements(body::jsonb -> 'calendar' -> 'holidays') WITH ORDINALITY AS h(value, ordinality)
      ))::text
      WHERE collection = 'contracts' AND jsonb_typeof(body::jsonb -> 'calendar' -> 'holidays') = 'array';
    `,
  },
  {
    version: 5,
    name: 'blobs: content-addressed attachments per contract',
    sql: `
      CREATE TABLE blobs (
        contract_id TEXT NOT NULL,
        sha256      TEXT NOT NULL,
        mime        TEXT NOT NULL,
        size        BIGINT NOT NULL,
        data        BYTEA NOT NULL,
        uploaded_by TEXT NOT NULL,
        device_id   TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        PRIMARY KEY (contract_id, sha256)
      );
    `,
  },
];
