import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { startServer, type RunningServer, type StartOverrides } from '../start.js';

export type StoreKind = 'sqlite' | 'postgres';

/** The PostgreSQL started by `postgres-global-setup.ts` (or given as DATABASE_URL), null when off. */
export function pgAdminUrl(): string | null {
  return inject('pgAdminUrl') ?? null;
}

/** The stores every server test runs against: `describe.each(storeKinds())('%s store', (kind) => …)`. */
export function storeKinds(): StoreKind[] {
  return pgAdminUrl() === null ? ['sqlite'] : ['sqlite', 'postgres'];
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = pgAdminUrl();
  if (url === null) throw new Error('no test PostgreSQL (DESKOPS_TEST_POSTGRES=0?)');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database on the test PostgreSQL; returns its URL and a drop function. */
export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `deskops_t_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(pgAdminUrl() ?? '');
  url.pathname = `/${name}`;
  let dropped: Promise<void> | null = null;
  return {
    url: url.toString(),
    drop: () => (dropped ??= admin(async (client) => void (await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)))),
  };
}

/**
 * `startServer` on the given store. For PostgreSQL each call gets its own new database, dropped
 * on close, so test files stay as independent as with SQLite's temp folders; pass `databaseUrl`
 * to share one (several instances, restarts), which is then not dropped.
 */
export async function startServerOn(kind: StoreKind, overrides: StartOverrides = {}): Promise<RunningServer> {
  if (kind === 'sqlite' || overrides.databaseUrl) return startServer(overrides);
  const database = await createTestDatabase();
  try {
    const server = await startServer({ ...overrides, databaseUrl: database.url });
    return {
      ...server,
      close: async () => {
        await server.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
