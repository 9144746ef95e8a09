import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateAsset } from '../../common/schemas/asset-migrations.js';
import { assetSchema } from '../../common/schemas/assets.js';
import { validateDocument } from '../../common/validation/validate.js';
import { createTestDatabase, storeKinds } from '../testing/store-matrix.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { migratePg, openPgPool } from './postgres-db.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { migrate, openSqlite } from './sqlite-db.js';

/** An asset as schema 0 stored it: no site was `null`. */
const v0Asset = (id: string, siteId: string | null) => ({
  id,
  contractId: 'c-anka',
  tag: `ANKA-${id}`,
  serial: 'PF3ABC12',
  type: 'notebook',
  manufacturer: 'Lenovo',
  model: 'ThinkPad T14',
  siteId,
  room: 'Kat 2 / B4',
  assignedPersonId: null,
  state: 'in_use',
  hostname: 'anka-pc1',
  os: 'Windows 11 Pro 23H2',
  hardware: { cpu: 'Intel Core i5', memoryGb: 16 },
  lockedFields: [],
  updatedAt: '2026-11-20T09:00:00.000Z',
});
const ticketWithoutSite = { id: 't-1', contractId: 'c-anka', siteId: null, title: 'Yazıcı' };

const ROWS = [
  { collection: 'assets', id: 'a-nosite', body: v0Asset('a-nosite', null) },
  { collection: 'assets', id: 'a-site', body: v0Asset('a-site', 's-tuzla') },
  { collection: 'tickets', id: 't-1', body: ticketWithoutSite },
];

/** What every store must hold after its migrations: the client's own RxDB step applied to assets only. */
function expected(row: (typeof ROWS)[number]): Record<string, unknown> {
  return row.collection === 'assets' ? migrateAsset(row.body, 0, assetSchema.version) : row.body;
}

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('store migration 2 (assets schema 1)', () => {
  it('SQLite: rewrites stored bodies exactly as the clients migrate them, seq unchanged, tickets untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskops-asset-migration-'));
    dirs.push(dir);
    const db = openSqlite(join(dir, 'store.sqlite'));
    try {
      expect(migrate(db, SQLITE_MIGRATIONS.filter((migration) => migration.version === 1))).toEqual([1]);
      const insert = db.prepare(
        "INSERT INTO documents (collection, id, contract_id, seq, body, updated_by, device_id, server_time) VALUES (?, ?, 'c-anka', ?, ?, 'u-tech', 'd', 'now')",
      );
      ROWS.forEach((row, index) => insert.run(row.collection, row.id, index + 1, JSON.stringify(row.body)));
      expect(migrate(db, SQLITE_MIGRATIONS.filter((migration) => migration.version <= 2))).toEqual([2]);
      const stored = db.prepare('SELECT collection, id, seq, body FROM documents ORDER BY seq').all() as { collection: string; id: string; seq: number; body: string }[];
      expect(stored.map((row) => row.seq)).toEqual([1, 2, 3]);
      ROWS.forEach((row, index) => expect(JSON.parse(stored[index]?.body ?? 'null')).toEqual(expected(row)));
      for (const row of stored.filter((entry) => entry.collection === 'assets')) {
        expect(validateDocument('assets', JSON.parse(row.body))).toEqual({ ok: true });
      }
    } finally {
      db.close();
    }
  });

  it.skipIf(!storeKinds().includes('postgres'))('PostgreSQL: the same rewrite', async () => {
    const database = await createTestDatabase();
    const pool = openPgPool(database.url);
    try {
      expect(await migratePg(pool, POSTGRES_MIGRATIONS.filter((migration) => migration.version === 1))).toEqual([1]);
      for (const [index, row] of ROWS.entries()) {
        await pool.query(
          "INSERT INTO documents (collection, id, contract_id, seq, body, updated_by, device_id, server_time) VALUES ($1, $2, 'c-anka', $3, $4, 'u-tech', 'd', 'now')",
          [row.collection, row.id, index + 1, JSON.stringify(row.body)],
        );
      }
      expect(await migratePg(pool, POSTGRES_MIGRATIONS.filter((migration) => migration.version <= 2))).toEqual([2]);
      const stored = await pool.query<{ seq: number; body: string }>('SELECT seq, body FROM documents ORDER BY seq');
      expect(stored.rows.map((row) => row.seq)).toEqual([1, 2, 3]);
      ROWS.forEach((row, index) => expect(JSON.parse(stored.rows[index]?.body ?? 'null')).toEqual(expected(row)));
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
