// `npm run collect -- --out file.json`: bundles the main process's inventory collector for plain
// Node (systeminformation stays external) and runs it, so no Electron and no sign-in are needed.
import { build } from 'esbuild';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outfile = `${root}node_modules/.cache/deskops-collect/collect.mjs`;
await build({
  absWorkingDir: root,
  stdin: {
    contents: "export { runCollectCli } from './electron/main/inventory/collect-cli.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  logLevel: 'warning',
  outfile,
});
/** @type {{ runCollectCli: (argv: readonly string[]) => Promise<number> }} */
const cli = await import(pathToFileURL(outfile).href);
process.exitCode = await cli.runCollectCli(process.argv.slice(2));
