import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { startServer } from '../start.js';
import { ticketDoc } from '../testing/fixtures.js';
import { login, pullAll, push } from '../testing/http-client.js';
import pg from 'pg';
import { createTestDatabase, storeKinds } from '../testing/store-matrix.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { SQLITE_FILE_NAME } from './sqlite-store.js';

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('SQLite store on disk', () => {
  it('keeps acknowledged writes, users and sessions across a restart on the same file', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskops-restart-'));
    dirs.push(dataDir);
    const first = await startServer({ dataDir });
    const session = await login(first.url, 'tech');
    const doc = ticketDoc('t-durable', 'c-bogaz', { title: 'Yeniden başlatmadan sonra da burada' });
    expect((await push(first.url, session.accessToken, 'tickets', [{ newDocumentState: doc }])).body).toEqual([]);
    const seqBefore = await first.store.maxSeq();
    await first.close();

    const second = await startServer({ dataDir });
    try {
      // Same signing secret (persisted in the data folder): the old access token still works.
      const all = await pullAll(second.url, session.accessToken, 'tickets');
      expect(all.documents.find((found) => found.id === 't-durable')).toEqual(doc);
      expect(all.documents).toHaveLength(28);
      expect(await second.store.maxSeq()).toBe(seqBefore);
      // Not seeded twice, and the staff directory was already current.
      expect((await second.store.listUsers()).map((user) => user.username).sort()).toEqual(['admin', 'depo', 'sup', 'tech', 'tech2']);
      expect((await stat(join(dataDir, 'jwt-secret'))).mode & 0o777).toBe(0o600);
    } finally {
      await second.close();
    }
  });

  it('records each migration once and keeps every revision', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'deskops-migrate-'));
    dirs.push(dataDir);
    const server = await startServer({ dataDir });
    const session = await login(server.url, 'sup');
    const base = ticketDoc('t-revs', 'c-merkez');
    await push(server.url, session.accessToken, 'tickets', [{ newDocumentState: base }]);
    const second = { ...base, title: 'İkinci hâli' };
    await push(server.url, session.accessToken, 'tickets', [{ assumedMasterState: base, newDocumentState: second }]);
    const revisions = await server.store.listRevisions('tickets', 't-revs');
    expect(revisions.map((revision) => revision.body['title'])).toEqual([base.title, 'İkinci hâli']);
    expect(revisions.every((revision) => revision.updatedBy === 'u-sup')).toBe(true);
    await server.close();

    const db = new Database(join(dataDir, SQLITE_FILE_NAME), { readonly: true });
    try {
      const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
      expect(versions.map((row) => row.version)).toEqual(SQLITE_MIGRATIONS.map((migration) => migration.version));
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });
});

describe('migrations', () => {
  it('keeps the PostgreSQL list in step with the SQLite one (same versions and names)', () => {
    const summary = (list: typeof SQLITE_MIGRATIONS) => list.map((migration) => `${migration.version} ${migration.name}`);
    expect(summary(POSTGRES_MIGRATIONS)).toEqual(summary(SQLITE_MIGRATIONS));
  });
});

describe.skipIf(!storeKinds().includes('postgres'))('PostgreSQL store', () => {
  it('keeps acknowledged writes, users and sessions across a restart on the same database, migrations recorded once', async () => {
    const database = await createTestDatabase();
    const dataDir = await mkdtemp(join(tmpdir(), 'deskops-pg-restart-'));
    dirs.push(dataDir);
    try {
      const first = await startServer({ dataDir, databaseUrl: database.url });
      const session = await login(first.url, 'tech');
      const doc = ticketDoc('t-durable', 'c-bogaz', { title: 'Yeniden başlatmadan sonra da burada' });
      expect((await push(first.url, session.accessToken, 'tickets', [{ newDocumentState: doc }])).body).toEqual([]);
      const seqBefore = await first.store.maxSeq();
      await first.close();

      const second = await startServer({ dataDir, databaseUrl: database.url });
      try {
        const all = await pullAll(second.url, session.accessToken, 'tickets');
        expect(all.documents.find((found) => found.id === 't-durable')).toEqual(doc);
        expect(all.documents).toHaveLength(28);
        expect(await second.store.maxSeq()).toBe(seqBefore);
        expect((await second.store.listUsers()).map((user) => user.username).sort()).toEqual(['admin', 'depo', 'sup', 'tech', 'tech2']);
      } finally {
        await second.close();
      }
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        const versions = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
        expect(versions.rows.map((row) => row.version)).toEqual(POSTGRES_MIGRATIONS.map((migration) => migration.version));
      } finally {
        await client.end();
      }
    } finally {
      await database.drop();
    }
  });
});
