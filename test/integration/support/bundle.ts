import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { build } from 'esbuild';

/** The checkout this file lives in. */
export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Bundles a TypeScript entry into node_modules/.cache (so its bare imports resolve from the
 * checkout's node_modules) with esbuild, which is installed anyway: the fault suites run before
 * `npm run build` in `npm test`, so nothing may depend on dist/. One file per call; remove it with
 * the returned function.
 */
export async function bundle(entry: string, name: string, alias: Record<string, string> = {}): Promise<{ file: string; remove: () => Promise<void> }> {
  const dir = join(ROOT, 'node_modules', '.cache', 'deskops-faults');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `${name}-${process.pid}-${randomUUID().slice(0, 8)}.mjs`);
  await build({
    entryPoints: [join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    alias,
    // Bundled CommonJS dependencies (none expected) would need `require` in an ES module.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    outfile: file,
  });
  return { file, remove: () => rm(file, { force: true }) };
}
