import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_KEYCHAIN_REASON } from './safe-storage.js';
import { createSecretStore } from './secret-store.js';
import { createTestSafeStorage } from './test-safe-storage.js';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'deskops-secrets-'));
  file = join(dir, 'profile', 'secrets.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const TOKEN = 'refresh-7f3a9c-very-secret';

describe('secret store over safeStorage', () => {
  it('round-trips a secret through the keychain and a 0600 file that holds no plaintext', async () => {
    const store = createSecretStore({ safeStorage: createTestSafeStorage(), filePath: file, platform: 'linux' });
    await expect(store.status()).resolves.toEqual({ protected: true, backend: 'gnome_libsecret', reason: null });
    await expect(store.get('sync.refreshToken')).resolves.toEqual({ ok: true, value: null });
    await expect(store.set('sync.refreshToken', TOKEN)).resolves.toEqual({ ok: true, value: null });
    await expect(store.get('sync.refreshToken')).resolves.toEqual({ ok: true, value: TOKEN });

    const text = await readFile(file, 'utf8');
    expect(text).not.toContain(TOKEN);
    expect(text).not.toContain(Buffer.from(TOKEN).toString('base64'));
    expect(JSON.parse(text)).toMatchObject({ version: 1, secrets: { 'sync.refreshToken': expect.any(String) as unknown } });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    // No temp files left behind by the atomic write.
    expect(await readdir(join(dir, 'profile'))).toEqual(['secrets.json']);

    await expect(store.delete('sync.refreshToken')).resolves.toEqual({ ok: true, value: null });
    await expect(store.get('sync.refreshToken')).resolves.toEqual({ ok: true, value: null });
  });

  it('keeps concurrent writes of different secrets', async () => {
    const store = createSecretStore({ safeStorage: createTestSafeStorage(), filePath: file, platform: 'linux' });
    await Promise.all([store.set('sync.refreshToken', 'a'), store.set('db.key', 'b')]);
    await expect(store.get('sync.refreshToken')).resolves.toEqual({ ok: true, value: 'a' });
    await expect(store.get('db.key')).resolves.toEqual({ ok: true, value: 'b' });
  });

  it('refuses to store anything when Linux falls back to basic_text, and says why', async () => {
    const store = createSecretStore({ safeStorage: createTestSafeStorage({ backend: 'basic_text' }), filePath: file, platform: 'linux' });
    await expect(store.status()).resolves.toEqual({ protected: false, backend: 'basic_text', reason: NO_KEYCHAIN_REASON });
    await expect(store.set('sync.refreshToken', TOKEN)).resolves.toEqual({
      ok: false,
      error: { code: 'KEYRING_UNAVAILABLE', message: NO_KEYCHAIN_REASON },
    });
    await expect(store.get('sync.refreshToken')).resolves.toMatchObject({ ok: false, error: { code: 'KEYRING_UNAVAILABLE' } });
    await expect(readdir(dir)).resolves.toEqual([]);
    await expect(store.delete('sync.refreshToken')).resolves.toEqual({ ok: true, value: null });
  });

  it('refuses when encryption is unavailable on macOS or Windows', async () => {
    const store = createSecretStore({ safeStorage: createTestSafeStorage({ available: false }), filePath: file, platform: 'win32' });
    const status = await store.status();
    expect(status).toMatchObject({ protected: false, backend: 'dpapi' });
    expect(status.reason).toMatch(/will not store your sign-in/);
    await expect(store.set('db.key', 'k')).resolves.toMatchObject({ ok: false, error: { code: 'KEYRING_UNAVAILABLE' } });
  });

  it('keeps a blob the keychain can no longer decrypt and reports it', async () => {
    await createSecretStore({ safeStorage: createTestSafeStorage(), filePath: file, platform: 'linux' }).set('db.key', 'k1');
    // A new key (another machine, a reset keyring) cannot read the old blob.
    const other = createSecretStore({ safeStorage: createTestSafeStorage(), filePath: file, platform: 'linux' });
    await expect(other.get('db.key')).resolves.toMatchObject({ ok: false, error: { code: 'KEYRING_UNAVAILABLE' } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ secrets: { 'db.key': expect.any(String) as unknown } });
  });

  it('sets an unreadable file aside instead of failing forever', async () => {
    await writeFile(join(dir, 'secrets.json'), '{ not json');
    const store = createSecretStore({ safeStorage: createTestSafeStorage(), filePath: join(dir, 'secrets.json'), platform: 'linux' });
    await expect(store.get('db.key')).resolves.toEqual({ ok: true, value: null });
    await expect(store.set('db.key', 'k')).resolves.toEqual({ ok: true, value: null });
    const names = await readdir(dir);
    expect(names).toContain('secrets.json');
    expect(names.some((name) => name.startsWith('secrets.json.unreadable-'))).toBe(true);
  });

  it('re-encrypts a secret when the keychain asks for it (rotated key)', async () => {
    const base = createTestSafeStorage();
    let rotate = true;
    const encrypt = vi.fn((plain: string) => base.encryptStringAsync(plain));
    const safeStorage = {
      ...base,
      encryptStringAsync: encrypt,
      decryptStringAsync: async (blob: Buffer) => ({ ...(await base.decryptStringAsync(blob)), shouldReEncrypt: rotate }),
    };
    const store = createSecretStore({ safeStorage, filePath: file, platform: 'linux' });
    await store.set('db.key', 'k');
    const before = await readFile(file, 'utf8');
    await expect(store.get('db.key')).resolves.toEqual({ ok: true, value: 'k' });
    expect(encrypt).toHaveBeenCalledTimes(2);
    expect(await readFile(file, 'utf8')).not.toBe(before);
    rotate = false;
    await expect(store.get('db.key')).resolves.toEqual({ ok: true, value: 'k' });
    expect(encrypt).toHaveBeenCalledTimes(2);
  });
});
