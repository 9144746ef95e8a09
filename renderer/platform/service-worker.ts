/**
 * In a browser the app must reopen offline (reload with no network), so a small service worker
 * keeps the app shell. Never in Electron (app:// files are local already) and never in dev.
 */
export function registerShellWorker(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  if (!/^https?:$/.test(window.location.protocol)) return;
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js', { scope: './' }).catch(() => {
      // Without the worker the app still runs; only an offline reload is lost.
    });
  });
}
