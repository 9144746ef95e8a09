import { join } from 'node:path';
import { startDesktopApp } from './app.js';

// Bundled to dist/electron/main.cjs, so __dirname is dist/electron (inside app.asar when packaged).
startDesktopApp({
  preloadPath: join(__dirname, 'preload.cjs'),
  rendererDir: join(__dirname, '..', 'renderer'),
  syncServerUrl: process.env['DESKOPS_SERVER_URL'] ?? 'http://127.0.0.1:8787',
  userDataDir: process.env['DESKOPS_USER_DATA_DIR'],
});
