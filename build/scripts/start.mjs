// `npm start`: runs the built sync server on its embedded defaults (SQLite file, demo data) and
// opens the desktop app against it. Where the Electron binary is missing (it cannot be downloaded
// on machines that only reach the npm registry), says so in one line and serves the same renderer
// to a browser instead.
import { spawn } from 'node:child_process';
import { findElectronBinary, tryInstallElectronBinary } from './electron-binary.mjs';
import { waitForHealth } from './wait-for-health.mjs';

const port = process.env.PORT ?? '8787';
const host = process.env.HOST ?? '127.0.0.1';
const serverUrl = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;

const server = spawn(process.execPath, ['dist/sync-server/main.mjs'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: port,
    HOST: host,
    DATA_DIR: process.env.DATA_DIR ?? '.data/server',
    RENDERER_DIR: process.env.RENDERER_DIR ?? 'dist/renderer',
  },
});
server.on('exit', (code) => process.exit(code ?? 1));
const stop = () => server.kill('SIGTERM');
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

await waitForHealth(serverUrl);

let binary = findElectronBinary();
let reason = null;
if (!binary && process.env.DESKOPS_NO_ELECTRON !== '1') ({ binary, reason } = tryInstallElectronBinary());
if (binary) {
  const app = spawn(binary, ['.'], { stdio: 'inherit', env: { ...process.env, DESKOPS_SERVER_URL: serverUrl } });
  app.on('exit', stop);
} else {
  console.log(
    `DeskOps: the Electron binary is not installed (${reason ?? 'disabled by DESKOPS_NO_ELECTRON'}), so the desktop window cannot open here — ` +
      `use the same app in a browser at ${serverUrl}/ (sign in as tech / demo1234; Ctrl+C stops).`,
  );
}
