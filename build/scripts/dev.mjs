// `npm run dev`: the sync server (rebuilt once) plus Vite's dev server with hot reload; the
// renderer talks to the server through Vite's proxy, so it runs same-origin as in production.
import { spawn, spawnSync } from 'node:child_process';
import { waitForHealth } from './wait-for-health.mjs';

const port = process.env.PORT ?? '8787';
const built = spawnSync(process.execPath, ['build/scripts/build-node.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const server = spawn(process.execPath, ['dist/sync-server/main.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, PORT: port, DATA_DIR: process.env.DATA_DIR ?? '.data/server', LOG_LEVEL: process.env.LOG_LEVEL ?? 'info' },
});
await waitForHealth(`http://127.0.0.1:${port}`);
const vite = spawn(process.execPath, ['node_modules/vite/bin/vite.js', '--config', 'renderer/vite.config.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DESKOPS_DEV_PROXY: `http://127.0.0.1:${port}` },
});
const stop = () => {
  vite.kill('SIGTERM');
  server.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', stop);
server.on('exit', stop);
