import type { DesktopBridge } from '../../common/ipc/bridge.js';

declare global {
  interface Window {
    /** Set by the Electron preload (or a test harness); absent in a plain browser. */
    desktop?: DesktopBridge | undefined;
  }
}

/** The one place that reads `window.desktop`, so screens never depend on the raw bridge. */
export function getDesktop(): DesktopBridge | null {
  if (typeof window === 'undefined') return null;
  return window.desktop ?? null;
}

export function isDesktop(): boolean {
  return getDesktop() !== null;
}
