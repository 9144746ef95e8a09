import { ALL_DEMO_CONTRACT_IDS } from '../../sync-server/demo/accounts.js';
import { startServer, type RunningServer, type StartOverrides } from '../../sync-server/start.js';
import { startServerProcess } from './server-process.js';
import { login } from '../../sync-server/testing/http-client.js';
import type { DocState } from '../../sync-server/store/store.js';
import type { CollectionName } from '../../common/schemas/collections.js';
import type { BenchPostgres } from './postgres.js';
import type { BenchServer } from './server-process.js';

/**
 * The server under test: the embedded SQLite store (startServer's temp folder), or PostgreSQL
 * when a scenario passes a database (a fresh one per server, dropped on close). Every Node
 * scenario takes its server from this one function. The demo seed stays on: it creates the accounts.
 */
export type StoreKind = 'sqlite' | 'postgres';

/** The store of scenarios that run on SQLite only (B3, B7, browser): `BENCH_STORE` is reserved for running them on PostgreSQL later. */
export function storeKind(): StoreKind {
  return 'sqlite';
}

export async function benchServer(overrides: StartOverrides = {}, postgres: BenchPostgres | null = null): Promise<RunningServer> {
  if (postgres === null) return startServer({ logLevel: 'error', ...overrides });
  const database = await postgres.database();
  try {
    const server = await startServer({ logLevel: 'error', ...overrides, databaseUrl: database.url });
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

export const BENCH_USER = 'sup';
export const BENCH_CONTRACTS = ALL_DEMO_CONTRACT_IDS;

export async function token(server: { readonly url: string }, username = BENCH_USER, deviceId = 'dev-bench'): Promise<string> {
  return (await login(server.url, username, undefined, deviceId)).accessToken;
}

/** Writes documents straight into the store as another device would have (not timed). */
export async function seed(server: RunningServer | BenchServer, collection: CollectionName, docs: readonly Record<string, unknown>[], deleted = false): Promise<void> {
  for (let i = 0; i < docs.length; i += 1000) {
    const states: DocState[] = docs.slice(i, i + 1000).map((doc) => ({ body: doc as DocState['body'], deleted }));
    if ('store' in server) await server.store.putServerDocs(collection, states, { userId: 'u-admin', deviceId: 'dev-other' });
    else await server.seed(collection, states);
  }
}

/**
 * Where the scenarios that measure the server under many clients (B3, B6) run their servers:
 * child processes by default (the figures are the server's), or this process with
 * BENCH_SERVERS=inprocess (servers and clients share one event loop, as before round 2).
 */
export function serversInChildProcesses(): boolean {
  return process.env['BENCH_SERVERS'] !== 'inprocess';
}

/** A server for B3/B6: a child process (default) or in this process (BENCH_SERVERS=inprocess). */
export async function scenarioServer(overrides: StartOverrides = {}): Promise<BenchServer> {
  if (serversInChildProcesses()) return startServerProcess(overrides);
  const server = await startServer({ logLevel: 'error', ...overrides });
  return {
    url: server.url,
    seed: async (collection, docs) => {
      await server.store.putServerDocs(collection, [...docs], { userId: 'u-admin', deviceId: 'dev-other' });
    },
    close: () => server.close(),
  };
}
