import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './security.js';

export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/**
 * The main window: the Electron security checklist's settings (no Node, isolated, sandboxed,
 * nothing experimental, no middle-click windows), shown only once it has something to show.
 * The settings are written out here, in the `new BrowserWindow` call, rather than built by a
 * helper: electronegativity (`npm run lint:electron`) reads them statically and can only check
 * a literal.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'DeskOps',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
