import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IPC_INVOKE_CHANNEL } from '../shared/ipc-channel.js';
import { startDesktopApp } from './app.js';
import { APP_SCHEME_PRIVILEGES } from './protocol.js';

type Listener = (...args: unknown[]) => unknown;

/** A small fake of the `electron` module: records what the app registers so the test can call it. */
const fake = vi.hoisted(() => {
  const calls: string[] = [];
  const appListeners = new Map<string, Listener>();
  const ipcHandlers = new Map<string, Listener>();
  const windows: { options: Record<string, unknown>; listeners: Map<string, Listener>; loadURL: ReturnType<typeof vi.fn>; show: ReturnType<typeof vi.fn> }[] = [];
  const state = { userData: '', lock: true, ready: null as Promise<void> | null };
  const session = {
    headers: null as Listener | null,
    webRequest: { onHeadersReceived: (listener: Listener) => (session.headers = listener) },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
  };
  class BrowserWindow {
    static getAllWindows = () => windows;
    readonly listeners = new Map<string, Listener>();
    readonly loadURL = vi.fn(() => Promise.resolve());
    readonly show = vi.fn();
    constructor(readonly options: Record<string, unknown>) {
      calls.push('window');
      windows.push(this);
    }
    once(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
    on(event: string, listener: Listener) {
      this.listeners.set(event, listener);
    }
  }
  const notifications: { title: string; body: string }[] = [];
  class Notification {
    static isSupported = () => true;
    constructor(readonly options: { title: string; body: string }) {}
    on() {
      return this;
    }
    show() {
      notifications.push({ title: this.options.title, body: this.options.body });
    }
  }
  return { calls, appListeners, ipcHandlers, windows, state, session, BrowserWindow, Notification, notifications };
});

vi.mock('electron', async () => {
  const { createTestSafeStorage } = await import('./secrets/test-safe-storage.js');
  return {
    app: {
      setPath: (_name: string, path: string) => (fake.state.userData = path),
      getPath: () => fake.state.userData,
      requestSingleInstanceLock: () => fake.state.lock,
      quit: vi.fn(() => fake.calls.push('quit')),
      exit: vi.fn(),
      enableSandbox: () => fake.calls.push('enableSandbox'),
      on: (event: string, listener: Listener) => fake.appListeners.set(event, listener),
      whenReady: () => {
        fake.calls.push('whenReady');
        return (fake.state.ready = Promise.resolve());
      },
      getAppPath: () => '/app',
      getName: () => 'DeskOps',
      getVersion: () => '0.1.0',
      isPackaged: false,
    },
    BrowserWindow: fake.BrowserWindow,
    Notification: fake.Notification,
    ipcMain: { handle: (channel: string, handler: Listener) => fake.ipcHandlers.set(channel, handler) },
    protocol: {
      registerSchemesAsPrivileged: vi.fn(() => fake.calls.push('registerSchemes')),
      handle: vi.fn((scheme: string) => fake.calls.push(`handle:${scheme}`)),
    },
    session: { defaultSession: fake.session },
    safeStorage: createTestSafeStorage(),
    net: { fetch: vi.fn() },
    shell: { openExternal: vi.fn(() => Promise.resolve()) },
    dialog: { showErrorBox: vi.fn(), showSaveDialog: vi.fn(() => Promise.resolve({ canceled: true })) },
  };
});

let userData: string;
const invoke = (senderUrl: string | undefined, channel: unknown, args: unknown) =>
  fake.ipcHandlers.get(IPC_INVOKE_CHANNEL)?.({ senderFrame: senderUrl === undefined ? null : { url: senderUrl } }, channel, args);

beforeAll(async () => {
  userData = await mkdtemp(join(tmpdir(), 'deskops-app-'));
  startDesktopApp({ preloadPath: '/app/dist/electron/preload.cjs', rendererDir: '/app/dist/renderer', syncServerUrl: 'https://sync.acme.example', userDataDir: userData });
  await vi.waitFor(() => expect(fake.windows).toHaveLength(1));
});
afterAll(() => rm(userData, { recursive: true, force: true }));

describe('desktop app start-up (with a fake electron module)', () => {
  it('registers app:// as privileged before ready, sandboxes, then serves it', () => {
    expect(fake.calls.slice(0, 3)).toEqual(['registerSchemes', 'enableSandbox', 'whenReady']);
    expect(fake.calls).toContain('handle:app');
    expect(fake.calls.indexOf('handle:app')).toBeLessThan(fake.calls.indexOf('window'));
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
  });

  it('opens one hidden window with secure settings on app://deskops and shows it when ready', () => {
    const [window] = fake.windows;
    // The Electron security checklist, exactly: no Node, isolated, sandboxed, nothing experimental.
    expect(window?.options).toMatchObject({ show: false, title: 'DeskOps' });
    expect(window?.options['webPreferences']).toEqual({
      preload: '/app/dist/electron/preload.cjs',
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
    });
    expect(window?.loadURL).toHaveBeenCalledWith('app://deskops/index.html');
    expect(window?.show).not.toHaveBeenCalled();
    window?.listeners.get('ready-to-show')?.();
    expect(window?.show).toHaveBeenCalled();
  });

  it('sets the CSP with the sync server in connect-src on every response', () => {
    const callback = vi.fn();
    fake.session.headers?.({ responseHeaders: {} }, callback);
    const headers = (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(headers['Content-Security-Policy']?.[0]).toContain("connect-src 'self' https://sync.acme.example;");
    expect(fake.session.setPermissionRequestHandler).toHaveBeenCalled();
  });

  it('hardens every web contents that is created', () => {
    const setWindowOpenHandler = vi.fn();
    const contents = { on: vi.fn(), setWindowOpenHandler };
    fake.appListeners.get('web-contents-created')?.({}, contents);
    expect(setWindowOpenHandler).toHaveBeenCalled();
    expect(contents.on).toHaveBeenCalledWith('will-navigate', expect.any(Function));
  });

  it('answers IPC only from the app origin, with validated arguments', async () => {
    await expect(invoke('https://evil.example/', 'app.info', null)).resolves.toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } });
    await expect(invoke(undefined, 'app.info', null)).resolves.toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } });
    await expect(invoke('file:///app/dist/renderer/index.html', 'app.info', null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_SENDER_REJECTED' },
    });
    await expect(invoke('app://deskops/index.html', 'shell.exec', null)).resolves.toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
    await expect(invoke('app://deskops/index.html', 'secrets.get', { name: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_BAD_ARGS', path: 'args.name' },
    });
    await expect(invoke('app://deskops/tickets', 'app.info', null)).resolves.toMatchObject({
      ok: true,
      value: { name: 'DeskOps', version: '0.1.0', packaged: false },
    });
  });

  it('keeps secrets encrypted in the profile folder', async () => {
    await expect(invoke('app://deskops/index.html', 'secrets.set', { name: 'sync.refreshToken', value: 'tok-123' })).resolves.toEqual({ ok: true, value: null });
    await expect(invoke('app://deskops/index.html', 'secrets.get', { name: 'sync.refreshToken' })).resolves.toEqual({ ok: true, value: 'tok-123' });
    expect(await readFile(join(userData, 'secrets.json'), 'utf8')).not.toContain('tok-123');
  });

  it('shows an OS notification through IPC once per tag, with validated arguments', async () => {
    const args = { title: 'SLA warning: ANKA-1', body: 'Resolution 75 % used', tag: 'sla:t-1:resolution:warning' };
    await expect(invoke('app://deskops/index.html', 'notify.show', args)).resolves.toEqual({ ok: true, value: { shown: true, reason: null } });
    await expect(invoke('app://deskops/index.html', 'notify.show', args)).resolves.toEqual({ ok: true, value: { shown: false, reason: 'duplicate' } });
    await expect(invoke('app://deskops/index.html', 'notify.show', { ...args, tag: 'bad tag <script>' })).resolves.toMatchObject({ ok: false, error: { code: 'IPC_BAD_ARGS', path: 'args.tag' } });
    await expect(invoke('app://deskops/index.html', 'notify.show', { ...args, title: 'x'.repeat(201) })).resolves.toMatchObject({ ok: false, error: { code: 'IPC_BAD_ARGS' } });
    await expect(invoke('https://evil.example/', 'notify.show', { ...args, tag: 'other' })).resolves.toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } });
    expect(fake.notifications).toEqual([{ title: 'SLA warning: ANKA-1', body: 'Resolution 75 % used' }]);
  });

  it('quits at once when another instance holds the lock', () => {
    fake.state.lock = false;
    fake.calls.length = 0;
    startDesktopApp({ preloadPath: '/p', rendererDir: '/r', syncServerUrl: 'http://127.0.0.1:8787', userDataDir: userData });
    expect(fake.calls).toEqual(['registerSchemes', 'quit']);
  });
});
