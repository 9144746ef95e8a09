import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { SessionUser } from '../../common/sync/protocol.js';

export interface SessionState {
  /** The signed-in (or last signed-in, cached for offline start) user; null = show sign-in. */
  readonly user: SessionUser | null;
  /** Made once per installation; the server ties refresh-token families to it. */
  readonly deviceId: string;
  readonly serverUrl: string;
  setUser: (user: SessionUser | null) => void;
  setServerUrl: (serverUrl: string) => void;
}

/** Where the sign-in form points by default: the serving origin in a browser, else the local server. */
export function defaultServerUrl(): string {
  if (typeof window !== 'undefined' && /^https?:$/.test(window.location.protocol)) return window.location.origin;
  return 'http://127.0.0.1:8787';
}

function newDeviceId(): string {
  return globalThis.crypto.randomUUID();
}

const memoryStorage = new Map<string, string>();
const fallbackStorage = {
  getItem: (key: string) => memoryStorage.get(key) ?? null,
  setItem: (key: string, value: string) => void memoryStorage.set(key, value),
  removeItem: (key: string) => void memoryStorage.delete(key),
};

/** Session facts only (no tokens): the profile is cached so the app opens offline after a reload. */
export const useSession = create<SessionState>()(
  persist(
    (set) => ({
      user: null,
      deviceId: newDeviceId(),
      serverUrl: defaultServerUrl(),
      setUser: (user) => set({ user }),
      setServerUrl: (serverUrl) => set({ serverUrl: serverUrl.replace(/\/+$/, '') }),
    }),
    {
      name: 'deskops.session',
      version: 1,
      storage: createJSONStorage(() => (typeof localStorage === 'undefined' ? fallbackStorage : localStorage)),
      partialize: (state) => ({ user: state.user, deviceId: state.deviceId, serverUrl: state.serverUrl }),
    },
  ),
);
