import { BrowserWindow } from 'electron';
import { APP_ORIGIN, secureWebPreferences } from './security.js';

export const APP_START_URL = `${APP_ORIGIN}/index.html`;

/** The main window: secure settings, shown only once it has something to show (no white flash). */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'DeskOps',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  return window;
}
