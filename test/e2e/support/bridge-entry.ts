// Bundled into the page by the e2e harness: builds `window.desktop` with the preload's own
// builder over a Playwright binding that runs the real main-process IPC registry in Node.
import { buildDesktopBridge } from '../../../common/ipc/bridge.js';
import type { DesktopBridge } from '../../../common/ipc/bridge.js';
import type { Invoke } from '../../../common/ipc/contract.js';

declare global {
  interface Window {
    __deskopsInvoke: (channel: string, args: unknown) => Promise<unknown>;
    desktop?: DesktopBridge;
  }
}

const invoke = ((channel, args) => window.__deskopsInvoke(channel, args)) as Invoke;
Object.defineProperty(window, 'desktop', { value: Object.freeze(buildDesktopBridge(invoke)), enumerable: true });
