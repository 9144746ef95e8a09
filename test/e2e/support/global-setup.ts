import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { startServer } from '../../../sync-server/start.js';

/**
 * One real sync server for the end-to-end run: 127.0.0.1, a free port, a fresh SQLite file with
 * the demo data, serving the built renderer from the same origin (as `npm start` does in a browser).
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const rendererDir = resolve('dist/renderer');
  if (!existsSync(resolve(rendererDir, 'index.html'))) {
    throw new Error('dist/renderer is missing: run `npm run build` first (npm run test:e2e does).');
  }
  const server = await startServer({ rendererDir });
  process.env['E2E_BASE_URL'] = server.url;
  return () => server.close();
}
