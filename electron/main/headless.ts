import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import * as systeminformation from 'systeminformation';
import type { AppIdentity } from './handlers/app-info.js';
import { createMainHandlers } from './handlers/main-handlers.js';
import type { SaveDialog } from './handlers/pdf-save.js';
import type { NotificationApi } from './handlers/notify.js';
import type { SystemInformationLike } from './hardware/system-information.js';
import { createIpcRegistry, trustOrigin, type IpcHandlers, type IpcRegistry } from './ipc/registry.js';
import type { SafeStorageLike } from './secrets/safe-storage.js';
import { createSecretStore, type SecretStore } from './secrets/secret-store.js';
import { createTestSafeStorage } from './secrets/test-safe-storage.js';

export interface HeadlessDesktopOptions {
  /** A fresh folder per test; secrets go to `<userDataDir>/secrets.json`. */
  readonly userDataDir: string;
  /** The page origin allowed to call, e.g. the renderer's `http://127.0.0.1:4173`. */
  readonly trustedOrigin: string;
  /** Default: `createTestSafeStorage()` (real AES-GCM, in-memory key); `{ backend: 'basic_text' }` simulates no keyring. */
  readonly safeStorage?: SafeStorageLike;
  /** Default: the real `systeminformation` of this machine. */
  readonly systemInformation?: SystemInformationLike;
  readonly app?: AppIdentity;
  /** Platform the secret store judges the keychain by. Default `linux`, so the backend name is honoured. */
  readonly platform?: string;
  /** Default: a dialog that answers `<userDataDir>/saved/<suggested name>` (no person to ask in a test). */
  readonly saveDialog?: SaveDialog;
  /** Default: `assets/fonts` of this checkout. */
  readonly fontDir?: string;
  /** Default: a recorder standing in for the OS notification centre (see `notifications`); null = none. */
  readonly notifications?: NotificationApi | null;
}

/** What the default notification recorder was asked to show, in order. */
export interface RecordedNotification {
  readonly title: string;
  readonly body: string;
}

export interface HeadlessDesktop {
  readonly registry: IpcRegistry;
  readonly handlers: IpcHandlers;
  readonly secrets: SecretStore;
  /** Notifications shown through `notify.show` (with the default recorder). */
  readonly notifications: RecordedNotification[];
}

/** A save dialog that always "chooses" the suggested name inside `dir` (browser e2e tests read the file there). */
export function autoSaveDialog(dir: string): SaveDialog {
  return (options) => {
    mkdirSync(dir, { recursive: true });
    return Promise.resolve({ canceled: false, filePath: join(dir, basename(options.defaultPath)) });
  };
}

/**
 * The desktop app's main-process code without Electron, for browser end-to-end tests: expose
 * `registry.handle(frameUrl, channel, args)` to the page (Playwright `exposeBinding`) and build
 * `window.desktop` there with `buildDesktopBridge`, exactly as the preload does.
 */
export function createHeadlessDesktop(options: HeadlessDesktopOptions): HeadlessDesktop {
  const secrets = createSecretStore({
    safeStorage: options.safeStorage ?? createTestSafeStorage(),
    filePath: join(options.userDataDir, 'secrets.json'),
    platform: options.platform ?? 'linux',
  });
  const notifications: RecordedNotification[] = [];
  const recorder: NotificationApi = {
    isSupported: () => true,
    create: (request) => ({ show: () => notifications.push({ title: request.title, body: request.body }), on: () => undefined }),
  };
  const handlers = createMainHandlers({
    app: options.app ?? { name: 'DeskOps', version: process.env['npm_package_version'] ?? '0.0.0', packaged: false },
    systemInformation: options.systemInformation ?? systeminformation,
    secrets,
    pdf: {
      saveDialog: options.saveDialog ?? autoSaveDialog(join(options.userDataDir, 'saved')),
      defaultDir: join(options.userDataDir, 'saved'),
      fontDir: options.fontDir ?? resolve('assets/fonts'),
    },
    notifications: options.notifications === undefined ? recorder : options.notifications,
  });
  const registry = createIpcRegistry({ handlers, isTrustedSender: trustOrigin(options.trustedOrigin) });
  return { registry, handlers, secrets, notifications };
}
