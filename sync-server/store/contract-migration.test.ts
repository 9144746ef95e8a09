import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrateContractToV1 } from '../../common/schemas/contract-migration.js';
import { validateDocument } from '../../common/validation/validate.js';
import { DEMO_CUSTOMERS } from '../demo/contracts.js';
import { createTestDatabase, pgAdminUrl } from '../testing/store-matrix.js';
import { SQLITE_MIGRATIONS } from './migrations.js';
import { migratePg, openPgPool } from './postgres-db.js';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.js';
import { migrate, openSqlite } from './sqlite-db.js';

/** A contract as schema 0 stored it: holidays as bare dates. */
function contractV0(id: string): Record<string, unknown> {
  const { contract } = DEMO_CUSTOMERS[0]!;
  return {
    ...contract,
    id,
    contractId: id,
    calendar: { ...contract.calendar, holidays: ['2026-01-01', '2026-10-29'] },
    updatedAt: '2026-01-05T08:00:00.000Z',
  };
}

const INSERT_COLUMNS = '(collection, id, contract_id, seq, body, deleted, updated_by, device_id, server_time)';

/**
 * RxDB migrates each client's copy with `migrateContractToV1`; the server migrates its stored
 * bodies in SQL. Both must give the same document, or a client and the server would disagree
 * about a contract nobody changed.
 */
describe('contracts schema 0 → 1 on the server', () => {
  const expected = migrateContractToV1(contractV0('c-old'));

  it('the client migration gives a valid schema-1 contract', () => {
    expect(validateDocument('contracts', expected)).toEqual({ ok: true });
    expect((expected['calendar'] as { holidays: unknown }).holidays).toEqual([
      { date: '2026-01-01', name: '' },
      { date: '2026-10-29', name: '' },
    ]);
  });

  it('SQLite migration 4 gives exactly what the client migration gives', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deskops-contract-migration-'));
    const db = openSqlite(join(dir, 'db.sqlite'));
    try {
      migrate(db, SQLITE_MIGRATIONS.filter((migration) => migration.version === 1));
      const insert = db.prepare(`INSERT INTO documents ${INSERT_COLUMNS} VALUES (?, ?, ?, ?, ?, 0, 'seed', 'seed', 'now')`);
      insert.run('contracts', 'c-old', 'c-old', 1, JSON.stringify(contractV0('c-old')));
      insert.run('contracts', 'c-empty', 'c-empty', 2, JSON.stringify({ ...contractV0('c-empty'), calendar: { ...contractV0('c-empty')['calendar'] as object, holidays: [] } }));
      insert.run('tickets', 't-1', 'c-old', 3, JSON.stringify({ id: 't-1', calendar: { holidays: ['2026-01-01'] } }));
      migrate(db, SQLITE_MIGRATIONS);
      const body = (id: string) => JSON.parse((db.prepare('SELECT body FROM documents WHERE id = ?').get(id) as { body: string }).body) as Record<string, unknown>;
      expect(body('c-old')).toEqual(expected);
      expect((body('c-empty')['calendar'] as { holidays: unknown }).holidays).toEqual([]);
      // Other collections are not touched.
      expect(body('t-1')).toEqual({ id: 't-1', calendar: { holidays: ['2026-01-01'] } });
    } finally {
      db.close();
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(pgAdminUrl() === null)('PostgreSQL migration 4 gives exactly what the client migration gives', async () => {
    const database = await createTestDatabase();
    const pool = openPgPool(database.url);
    try {
      await migratePg(pool, POSTGRES_MIGRATIONS.filter((migration) => migration.version === 1));
      const insert = `INSERT INTO documents ${INSERT_COLUMNS} VALUES ($1, $2, $2, $3, $4, FALSE, 'seed', 'seed', 'now')`;
      await pool.query(insert, ['contracts', 'c-old', 1, JSON.stringify(contractV0('c-old'))]);
      await pool.query(insert, ['tickets', 't-1', 2, JSON.stringify({ id: 't-1', calendar: { holidays: ['2026-01-01'] } })]);
      await migratePg(pool, POSTGRES_MIGRATIONS);
      const body = async (id: string) => JSON.parse((await pool.query<{ body: string }>('SELECT body FROM documents WHERE id = $1', [id])).rows[0]!.body) as Record<string, unknown>;
      expect(await body('c-old')).toEqual(expected);
      expect(await body('t-1')).toEqual({ id: 't-1', calendar: { holidays: ['2026-01-01'] } });
    } finally {
      await pool.end();
      await database.drop();
    }
  });
});
