import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildDesktopBridge } from '../../common/ipc/bridge.js';
import { recordedThinkPad } from './hardware/fixtures/thinkpad-t14-gen3.js';
import { createHeadlessDesktop } from './headless.js';
import { invokeAs } from './ipc/registry.js';
import { createTestSafeStorage } from './secrets/test-safe-storage.js';

let dir: string;
beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'deskops-headless-'))));
afterEach(() => rm(dir, { recursive: true, force: true }));

const PAGE = 'http://127.0.0.1:4173/tickets';

/** The bridge a browser test builds in the page, here wired straight to the registry. */
function bridgeFor(desktop: ReturnType<typeof createHeadlessDesktop>, frameUrl = PAGE) {
  return buildDesktopBridge(invokeAs(desktop.registry, frameUrl));
}

describe('headless desktop (main-process code without Electron)', () => {
  it('answers the whole bridge with the real handlers', async () => {
    const desktop = createHeadlessDesktop({ userDataDir: dir, trustedOrigin: 'http://127.0.0.1:4173', systemInformation: recordedThinkPad() });
    const bridge = bridgeFor(desktop);

    const info = await bridge.app.info();
    expect(info).toMatchObject({ ok: true, value: { name: 'DeskOps', electron: null, chrome: null, platform: process.platform, packaged: false } });

    const hw = await bridge.system.summary();
    expect(hw).toMatchObject({ ok: true, value: { hostname: 'LT-ACME-0142', system: { serial: 'PF3XK2L9' } } });

    await expect(bridge.secrets.status()).resolves.toEqual({ ok: true, value: { protected: true, backend: 'gnome_libsecret', reason: null } });
    await expect(bridge.secrets.set('sync.refreshToken', 'tok')).resolves.toEqual({ ok: true, value: null });
    await expect(bridge.secrets.get('sync.refreshToken')).resolves.toEqual({ ok: true, value: 'tok' });
    await expect(bridge.secrets.delete('sync.refreshToken')).resolves.toEqual({ ok: true, value: null });
  });

  it('refuses another origin and shows an unprotected keychain plainly', async () => {
    const desktop = createHeadlessDesktop({
      userDataDir: dir,
      trustedOrigin: 'http://127.0.0.1:4173',
      safeStorage: createTestSafeStorage({ backend: 'basic_text' }),
    });
    await expect(bridgeFor(desktop, 'http://127.0.0.1:9999/').app.info()).resolves.toMatchObject({
      ok: false,
      error: { code: 'IPC_SENDER_REJECTED' },
    });
    const bridge = bridgeFor(desktop);
    await expect(bridge.secrets.status()).resolves.toMatchObject({ ok: true, value: { protected: false, backend: 'basic_text' } });
    await expect(bridge.secrets.set('db.key', 'k')).resolves.toMatchObject({ ok: false, error: { code: 'KEYRING_UNAVAILABLE' } });
  });
});
