import type { RxStorage } from 'rxdb';
import { getOrderedDexieStorage } from './ordered-dexie-storage.js';
import { getWorkerStorage } from './worker-storage.js';

/**
 * The storage the app's replica uses: Dexie with ordered index reads inside a dedicated worker
 * (Vite builds `storage.worker.ts` as its own file, same origin, so `script-src 'self'` allows it).
 * Where no Worker exists (never in Chromium or Electron), the same storage runs in this thread.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let shared: RxStorage<any, any> | null = null;

/** One worker per window, shared by every replica the window opens (a new user after sign-out too). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function appStorage(): RxStorage<any, any> {
  if (typeof Worker === 'undefined') return getOrderedDexieStorage();
  shared ??= getWorkerStorage(() => new Worker(new URL('./storage.worker.ts', import.meta.url), { type: 'module', name: 'deskops-storage' }));
  return shared;
}
