import { describe, expect, it, vi } from 'vitest';
import { fail, ok } from '../../../common/errors.js';
import type { AppInfo } from '../../../common/ipc/types.js';
import { createIpcRegistry, originOf, trustOrigin, type IpcHandlers } from './registry.js';

const info: AppInfo = { name: 'DeskOps', version: '1.0.0', electron: null, chrome: null, node: '20', platform: 'linux', arch: 'x64', packaged: false };

function handlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'app.info': () => Promise.resolve(ok(info)),
    'system.summary': () => Promise.reject(new Error('not used')),
    'inventory.collect': () => Promise.reject(new Error('not used')),
    'pdf.save': () => Promise.reject(new Error('not used')),
    'secrets.status': () => Promise.resolve(ok({ protected: true, backend: 'gnome_libsecret', reason: null })),
    'secrets.get': () => Promise.resolve(ok('token')),
    'secrets.set': () => Promise.resolve(ok(null)),
    'secrets.delete': () => Promise.resolve(ok(null)),
    'notify.show': () => Promise.resolve(ok({ shown: true, reason: null })),
    ...overrides,
  };
}

const APP = 'app://deskops/index.html';
const trusted = trustOrigin('app://deskops');

describe('IPC registry', () => {
  it('answers a trusted call with the handler result', async () => {
    const registry = createIpcRegistry({ handlers: handlers(), isTrustedSender: trusted });
    await expect(registry.handle(APP, 'app.info', null)).resolves.toEqual({ ok: true, value: info });
  });

  it.each([undefined, '', 'https://evil.example/index.html', 'file:///tmp/index.html', 'app://other/index.html', 'not a url'])(
    'refuses sender %j before looking at the call',
    async (sender) => {
      const spy = vi.fn(() => Promise.resolve(ok(info)));
      const registry = createIpcRegistry({ handlers: handlers({ 'app.info': spy }), isTrustedSender: trusted });
      const result = await registry.handle(sender, 'app.info', null);
      expect(result).toMatchObject({ ok: false, error: { code: 'IPC_SENDER_REJECTED' } });
      expect(spy).not.toHaveBeenCalled();
    },
  );

  it.each(['fs.readFile', '__proto__', 'toString', 42, null])('refuses unknown channel %j', async (channel) => {
    const registry = createIpcRegistry({ handlers: handlers(), isTrustedSender: trusted });
    await expect(registry.handle(APP, channel, null)).resolves.toMatchObject({ ok: false, error: { code: 'IPC_UNKNOWN_CHANNEL' } });
  });

  it('refuses arguments that fail the contract schema, naming the path', async () => {
    const spy = vi.fn(() => Promise.resolve(ok(null)));
    const registry = createIpcRegistry({ handlers: handlers({ 'secrets.set': spy }), isTrustedSender: trusted });
    const badName = await registry.handle(APP, 'secrets.set', { name: 'ssh.key', value: 'x' });
    expect(badName).toMatchObject({ ok: false, error: { code: 'IPC_BAD_ARGS', path: 'args.name' } });
    const badValue = await registry.handle(APP, 'secrets.set', { name: 'db.key', value: 12 });
    expect(badValue).toMatchObject({ ok: false, error: { code: 'IPC_BAD_ARGS', path: 'args.value' } });
    const extra = await registry.handle(APP, 'secrets.get', { name: 'db.key', path: '/etc/passwd' });
    expect(extra).toMatchObject({ ok: false, error: { code: 'IPC_BAD_ARGS' } });
    const notNull = await registry.handle(APP, 'app.info', { anything: true });
    expect(notNull).toMatchObject({ ok: false, error: { code: 'IPC_BAD_ARGS', path: 'args' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('maps a thrown error to INTERNAL with a short message and no stack', async () => {
    const onError = vi.fn();
    const boom = new Error('disk on fire\n    at secretFunction (/home/me/secret/path.ts:1:1)');
    const registry = createIpcRegistry({
      handlers: handlers({ 'secrets.get': () => Promise.reject(boom) }),
      isTrustedSender: trusted,
      onError,
    });
    const result = await registry.handle(APP, 'secrets.get', { name: 'db.key' });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'secrets.get failed: disk on fire' } });
    expect(JSON.stringify(result)).not.toContain('secretFunction');
    expect(onError).toHaveBeenCalledWith('secrets.get', boom);
  });

  it('passes a handler failure through unchanged', async () => {
    const refusal = fail({ code: 'KEYRING_UNAVAILABLE' as const, message: 'no keychain' });
    const registry = createIpcRegistry({ handlers: handlers({ 'secrets.set': () => Promise.resolve(refusal) }), isTrustedSender: trusted });
    await expect(registry.handle(APP, 'secrets.set', { name: 'db.key', value: 'k' })).resolves.toEqual(refusal);
  });
});

describe('origins', () => {
  it('reads custom-scheme origins that Node reports as "null"', () => {
    expect(originOf('app://deskops/a/b?c#d')).toBe('app://deskops');
    expect(originOf('http://127.0.0.1:8787/x')).toBe('http://127.0.0.1:8787');
    expect(originOf('about:blank')).toBeNull();
    expect(originOf('garbage')).toBeNull();
  });
});
