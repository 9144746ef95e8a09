import { useEffect } from 'react';
import { useSession } from '../app/session-store.js';
import { getSyncEngine } from '../features/auth/session-runtime.js';
import { SignInRequiredError } from '../sync/http-errors.js';
import { useSyncStatus } from '../sync/sync-status-store.js';
import { useBlobQueue } from './blob-queue-store.js';
import { startBlobRuntime, stopBlobRuntime } from './blob-runtime.js';

/**
 * Runs the photo upload queue while someone is signed in (mounted once by the app shell). Uploads
 * go with the sync engine's session; a round starts when the app opens, when the browser comes
 * back online and when the server answers again.
 */
export function useBlobSync(): void {
  const userId = useSession((state) => state.user?.id ?? null);
  useEffect(() => {
    if (!userId) return;
    const runtime = startBlobRuntime(userId, (path, init) => {
      const engine = getSyncEngine();
      if (!engine) return Promise.reject(new SignInRequiredError('SIGN_IN_REQUIRED'));
      return engine.authorizedFetch(path, init);
    });
    void runtime.uploader.publishCounts();
    const kick = () => runtime.uploader.kick();
    window.addEventListener('online', kick);
    const unsubscribe = useSyncStatus.subscribe((state, previous) => {
      if (state.serverReachable === true && previous.serverReachable !== true) kick();
      // A successful sync means the server is there: photos still waiting may go now.
      else if (state.lastSyncAt !== previous.lastSyncAt && useBlobQueue.getState().pending > 0) kick();
    });
    return () => {
      window.removeEventListener('online', kick);
      unsubscribe();
      stopBlobRuntime();
    };
  }, [userId]);
}
