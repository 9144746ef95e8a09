import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { ELECTRON_ORIGIN, ensureDataDir, resolveJwtSecret, TUNING_DEFAULTS, type ServerConfig } from './config.js';
import { isStoreEmpty, seedDemo } from './demo/seed.js';
import { createPgNotifier, type PgNotifier } from './services/notifier-pg.js';
import { syncStaffDirectory } from './services/staff-directory.js';
import { openPgPool } from './store/postgres-db.js';
import { openPostgresStore } from './store/postgres-store.js';
import { openSqliteStore } from './store/sqlite-store.js';
import type { Store } from './store/store.js';

export interface RunningServer {
  /** Base URL without trailing slash, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  readonly app: FastifyInstance;
  readonly store: Store;
  readonly config: ServerConfig;
  /** Stops accepting requests, ends open streams, closes the store. Safe to call twice. */
  close(): Promise<void>;
}

function urlFor(app: FastifyInstance, host: string): string {
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  // A wildcard bind is reachable on loopback; print an address a browser can open.
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${address.port}`;
}

/** Writes to stderr as JSON like pino, for errors before (or outside) the app's logger. */
function logError(message: string, error: unknown): void {
  process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg: message, err: String(error) })}\n`);
}

/**
 * With PostgreSQL, the LISTEN/NOTIFY notifier (its own small pool: polls and NOTIFYs never wait
 * behind request traffic). Made after seeding, so its polls start from the seeded sequence and
 * do not announce the seed itself.
 */
async function openPgNotifier(databaseUrl: string): Promise<{ notifier: PgNotifier; release: () => Promise<void> }> {
  const pool = openPgPool(databaseUrl, (error) => logError('notifier pool error', error), 2);
  const notifier = createPgNotifier({ url: databaseUrl, pool, onError: (error) => logError('change notifier error', error) });
  const release = async () => {
    await notifier.close();
    await pool.end().catch(() => undefined);
  };
  try {
    await notifier.ready;
  } catch (error) {
    await release();
    throw error;
  }
  return { notifier, release };
}

/** Opens the store, seeds demo data into an empty one, refreshes the staff directory and listens. */
export async function runServer(config: ServerConfig): Promise<RunningServer> {
  // PostgreSQL when `databaseUrl` is set, else SQLite under dataDir.
  const store =
    config.databaseUrl === null
      ? openSqliteStore(config.dataDir)
      : await openPostgresStore(config.databaseUrl, (error) => logError('database pool error', error));
  let notifier: PgNotifier | null = null;
  let releaseNotifier: () => Promise<void> = () => Promise.resolve();
  const release = async () => {
    await releaseNotifier();
    await store.close();
  };
  try {
    // Instances starting together on one empty PostgreSQL: one seeds, the others wait and find it seeded.
    await store.withStartupLock(async () => {
      if (config.seedDemo && (await isStoreEmpty(store))) await seedDemo(store);
      await syncStaffDirectory(store);
    });
    if (config.databaseUrl !== null) ({ notifier, release: releaseNotifier } = await openPgNotifier(config.databaseUrl));
    const app = await buildApp(config, store, notifier ? { notifier } : {});
    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      await app.close();
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(`port ${config.port} on ${config.host} is already in use; set PORT to another port`);
      }
      throw error;
    }
    let closing: Promise<void> | null = null;
    return {
      url: urlFor(app, config.host),
      app,
      store,
      config,
      close: () =>
        (closing ??= (async () => {
          // Connections that never send a request (browsers and undici pre-connect) would hold
          // close() until the headers timeout: give in-flight requests the grace period, then cut.
          const force = setTimeout(() => app.server.closeAllConnections(), config.shutdownGraceMs);
          force.unref();
          await app.close();
          clearTimeout(force);
          await release();
        })()),
    };
  } catch (error) {
    await release();
    throw error;
  }
}

export type StartOverrides = Partial<ServerConfig>;

/**
 * A real server for tests (vitest, Playwright): 127.0.0.1, a free port, demo data, a generous
 * per-address sign-in limit, and a fresh temporary data folder unless `dataDir` is given. A temporary folder is deleted on close;
 * a given one is kept (pass the same one again to test restarts).
 */
export async function startServer(overrides: StartOverrides = {}): Promise<RunningServer> {
  const tempDir = overrides.dataDir === undefined ? await mkdtemp(join(tmpdir(), 'deskops-sync-')) : null;
  const dataDir = overrides.dataDir ?? tempDir ?? '';
  ensureDataDir(dataDir);
  const config: ServerConfig = {
    ...TUNING_DEFAULTS,
    port: 0,
    host: '127.0.0.1',
    logLevel: 'warn',
    shutdownGraceMs: 500,
    // Test suites sign in far more often than people do, all from 127.0.0.1; lockout still applies.
    loginRateLimit: { max: 1000, windowMs: 60_000 },
    seedDemo: true,
    databaseUrl: null,
    rendererDir: null,
    corsOrigins: [ELECTRON_ORIGIN],
    ...overrides,
    dataDir,
    jwtSecret: overrides.jwtSecret ?? resolveJwtSecret(undefined, dataDir),
  };
  try {
    const server = await runServer(config);
    return {
      ...server,
      close: async () => {
        await server.close();
        if (tempDir) await rm(tempDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    if (tempDir) await rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}
