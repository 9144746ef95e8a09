import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const exposed = vi.hoisted(() => new Map<string, unknown>());
const invoke = vi.hoisted(() => vi.fn((..._args: unknown[]) => Promise.resolve({ ok: true, value: null })));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: { invoke },
}));

interface Bridge {
  app: { info(): Promise<unknown> };
  secrets: { get(name: string): Promise<unknown>; set(name: string, value: string): Promise<unknown> };
  notifications: { show(request: { title: string; body: string; tag: string }): Promise<unknown> };
}

describe('preload', () => {
  it('exposes only window.desktop, forwarding every call on the one IPC channel', async () => {
    await import('./index.js');
    expect([...exposed.keys()]).toEqual(['desktop']);
    const desktop = exposed.get('desktop') as Bridge;
    expect(Object.keys(desktop).sort()).toEqual(['app', 'inventory', 'notifications', 'pdf', 'secrets', 'system']);

    await desktop.app.info();
    await desktop.secrets.set('db.key', 'k');
    // Only the three declared fields cross the bridge, whatever else the caller's object carries.
    await desktop.notifications.show({ title: 'SLA', body: 'at risk', tag: 'sla:t-1', extra: 'dropped' } as { title: string; body: string; tag: string });
    expect(invoke.mock.calls).toEqual([
      ['desktop:invoke', 'app.info', null],
      ['desktop:invoke', 'secrets.set', { name: 'db.key', value: 'k' }],
      ['desktop:invoke', 'notify.show', { title: 'SLA', body: 'at risk', tag: 'sla:t-1' }],
    ]);
  });

  it('bundles to a sandbox-safe script that requires nothing but electron', async () => {
    const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
    const result = await build({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', external: ['electron'], write: false, logLevel: 'silent' });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((match) => match[1]);
    expect(required).toEqual(['electron']);
  });
});
