import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

/**
 * The real desktop app in the real Electron binary. The binary comes from GitHub releases, which
 * these machines cannot reach, so the spec looks for it without `require('electron')` (that would
 * start a download) and skips with the reason when it is missing.
 */
function findElectronBinary(): string | null {
  let packageDir: string;
  try {
    packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(process.env['ELECTRON_OVERRIDE_DIST_PATH'] ?? join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const electronBinary = findElectronBinary();
const projectDir = resolve('.');
const mainScript = join(projectDir, 'dist/electron/main.cjs');
const SKIP_REASON =
  'Electron binary not installed on this machine (cannot be downloaded here); run on a workstation with Electron to exercise the packaged app';
if (electronBinary === null) console.log(`test/e2e/electron: skipped: ${SKIP_REASON}`);

test.describe('desktop app in Electron', () => {
  test.skip(electronBinary === null, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let profile: string;

  test.beforeEach(async () => {
    if (!existsSync(mainScript)) throw new Error('dist/electron/main.cjs is missing: run `npm run build` first (npm run test:e2e does).');
    profile = await mkdtemp(join(tmpdir(), 'deskops-electron-e2e-'));
    app = await electron.launch({
      executablePath: electronBinary ?? undefined,
      // The project folder, not main.cjs itself: Electron then reads package.json (name DeskOps,
      // version, main = dist/electron/main.cjs) as the packaged app does.
      args: [projectDir],
      env: {
        ...process.env,
        DESKOPS_USER_DATA_DIR: profile,
        DESKOPS_SERVER_URL: process.env['E2E_BASE_URL'] ?? 'http://127.0.0.1:8787',
      },
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterEach(async () => {
    await app.close();
    await rm(profile, { recursive: true, force: true });
  });

  test('opens the app from app://deskops with its title', async () => {
    await expect(page).toHaveTitle('DeskOps');
    expect(page.url()).toMatch(/^app:\/\/deskops\//);
  });

  test('gives the page the desktop bridge and nothing of Node or Electron', async () => {
    const info = await page.evaluate(() => (window as unknown as { desktop: { app: { info(): Promise<unknown> } } }).desktop.app.info());
    expect(info).toMatchObject({ ok: true, value: { name: 'DeskOps', electron: expect.any(String) as unknown, packaged: false } });
    const globals = await page.evaluate(() => {
      const scope = globalThis as Record<string, unknown>;
      return { require: typeof scope['require'], process: typeof scope['process'], module: typeof scope['module'], ipcRenderer: typeof scope['ipcRenderer'] };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined' });
  });

  test('refuses bad bridge arguments and keeps the window on the app', async () => {
    const bad = await page.evaluate(() =>
      (window as unknown as { desktop: { secrets: { get(name: string): Promise<unknown> } } }).desktop.secrets.get('../../etc/passwd'),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'IPC_BAD_ARGS' } });

    expect(await page.evaluate(() => window.open('https://example.com/'))).toBeNull();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/deskops\//);
    expect(app.windows()).toHaveLength(1);
  });

  test('enforces the CSP: no eval, no network beyond the app and the sync server', async () => {
    const evalResult = await page.evaluate(() => {
      try {
        return String((0, eval)('1 + 1'));
      } catch (error) {
        return error instanceof Error ? error.name : 'blocked';
      }
    });
    expect(evalResult).toBe('EvalError');
    const fetchResult = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'reached',
        () => 'blocked',
      ),
    );
    expect(fetchResult).toBe('blocked');
  });
});
