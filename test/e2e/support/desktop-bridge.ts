import type { BrowserContext } from '@playwright/test';
import { build } from 'esbuild';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createHeadlessDesktop, type HeadlessDesktop } from '../../../electron/main/headless.js';

let bridgeScript: Promise<string> | null = null;

/** The bridge entry bundled for the page (IIFE), built once per worker. */
function bundleBridge(): Promise<string> {
  bridgeScript ??= build({
    entryPoints: [resolve('test/e2e/support/bridge-entry.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
  }).then((result) => result.outputFiles[0]?.text ?? '');
  return bridgeScript;
}

/**
 * Gives every page of the context the desktop bridge the Electron preload would give it, backed by
 * the real main-process handlers (hardware via systeminformation, secrets in a temp folder). The
 * Electron binary cannot run on these machines, so this is how the bridge is exercised end to end.
 */
export async function installDesktopBridge(context: BrowserContext, trustedOrigin: string): Promise<HeadlessDesktop> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'deskops-e2e-desktop-'));
  const desktop = createHeadlessDesktop({ userDataDir, trustedOrigin });
  await context.exposeBinding('__deskopsInvoke', ({ frame }, channel: unknown, args: unknown) =>
    desktop.registry.handle(frame.url(), channel, args),
  );
  await context.addInitScript({ content: await bundleBridge() });
  return desktop;
}
