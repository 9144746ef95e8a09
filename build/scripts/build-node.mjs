// Bundles the Node-side programs with esbuild: the Electron main process and preload (CommonJS,
// as a sandboxed preload must be) and the sync server (ESM). Native and platform modules stay
// external and load from node_modules at run time.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', absWorkingDir: root };

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/main/index.ts'],
    outfile: 'dist/electron/main.cjs',
    format: 'cjs',
    external: ['electron', 'systeminformation'],
  }),
  build({
    ...common,
    entryPoints: ['electron/preload/index.ts'],
    outfile: 'dist/electron/preload.cjs',
    format: 'cjs',
    // A sandboxed preload may require only 'electron' (and a few polyfilled modules).
    external: ['electron'],
  }),
  build({
    ...common,
    entryPoints: ['sync-server/main.ts'],
    outfile: 'dist/sync-server/main.mjs',
    format: 'esm',
    packages: 'external',
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
]);
