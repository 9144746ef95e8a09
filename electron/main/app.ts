import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, net, Notification, protocol, safeStorage, session, shell } from 'electron';
import * as systemInformation from 'systeminformation';
import { IPC_INVOKE_CHANNEL } from '../shared/ipc-channel.js';
import { createMainHandlers } from './handlers/main-handlers.js';
import { createIpcRegistry, originOf, trustOrigin } from './ipc/registry.js';
import { createFileLog } from './log.js';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './protocol.js';
import { createSecretStore } from './secrets/secret-store.js';
import { APP_ORIGIN, APP_SCHEME, contentSecurityPolicy, hardenWebContents, secureSession } from './security.js';
import { APP_START_URL, createMainWindow } from './window.js';

export interface DesktopAppOptions {
  /** The bundled preload, `dist/electron/preload.cjs`. */
  readonly preloadPath: string;
  /** The built renderer, `dist/renderer`. */
  readonly rendererDir: string;
  /** The sync server the renderer may talk to (CSP connect-src). */
  readonly syncServerUrl: string;
  /** A separate profile folder (tests); default is Electron's userData. */
  readonly userDataDir?: string | undefined;
}

/**
 * Wires Electron to the testable modules: scheme, session security, IPC registry, window.
 * Everything with logic lives in those modules; this only connects them in lifecycle order.
 */
export function startDesktopApp(options: DesktopAppOptions): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
  if (options.userDataDir) app.setPath('userData', options.userDataDir);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  app.enableSandbox();

  const log = createFileLog(join(app.getPath('userData'), 'logs', 'main.log'));
  const csp = contentSecurityPolicy(options.syncServerUrl);
  const server = originOf(options.syncServerUrl);
  const allowedExternalOrigins = server?.startsWith('https://') ? [server] : [];
  let mainWindow: BrowserWindow | null = null;

  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, {
      allowedExternalOrigins,
      openExternal: (url) => shell.openExternal(url),
      onBlocked: (what, url) => log(`blocked ${what}`, url),
    });
  });

  const openWindow = async () => {
    mainWindow = createMainWindow(options.preloadPath);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    await mainWindow.loadURL(APP_START_URL);
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow().catch((error: unknown) => log('window failed', error));
  });

  const onReady = async () => {
    secureSession(session.defaultSession, csp);
    protocol.handle(APP_SCHEME, createAppProtocolHandler({ rootDir: options.rendererDir, csp, fetchFile: (url) => net.fetch(url) }));
    const handlers = createMainHandlers({
      app: { name: app.getName(), version: app.getVersion(), packaged: app.isPackaged },
      systemInformation,
      secrets: createSecretStore({ safeStorage, filePath: join(app.getPath('userData'), 'secrets.json') }),
      pdf: {
        // Modal to the window that asked; the dialog is the only way a file name reaches the disk.
        saveDialog: (dialogOptions) => (mainWindow ? dialog.showSaveDialog(mainWindow, dialogOptions) : dialog.showSaveDialog(dialogOptions)),
        defaultDir: app.getPath('documents'),
        fontDir: join(app.getAppPath(), 'assets', 'fonts'),
      },
      notifications: { isSupported: () => Notification.isSupported(), create: (options) => new Notification(options) },
      focusApp: () => {
        if (!mainWindow) return;
        if (mainWindow.isMinimized()) mainWindow.restore();
        mainWindow.focus();
      },
    });
    const registry = createIpcRegistry({
      handlers,
      isTrustedSender: trustOrigin(APP_ORIGIN),
      onError: (channel, error) => log(`ipc ${channel} failed`, error),
    });
    ipcMain.handle(IPC_INVOKE_CHANNEL, (event, channel: unknown, args: unknown) => registry.handle(event.senderFrame?.url, channel, args));
    await openWindow();
  };

  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      log('start failed', error);
      dialog.showErrorBox('DeskOps could not start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
