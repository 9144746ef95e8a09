import { useEffect, useState } from 'react';
import { useSyncStatus } from '../sync/sync-status-store.js';
import type { LocalBlobState } from './blob-repository.js';
import { getBlobRuntime } from './blob-runtime.js';

export type BlobView =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly url: string; readonly state: LocalBlobState }
  /** Not on this device and the server does not have it (yet): the author's device has not sent it. */
  | { readonly status: 'missing' }
  /** Not on this device and the server cannot be asked now. */
  | { readonly status: 'offline' };

/**
 * An object URL for a photo: from this device's store, else fetched once from the server and kept
 * for offline use. A photo that is not there yet is asked for again after each successful sync.
 */
export function useBlobUrl(sha256: string, contractId: string): BlobView {
  const [view, setView] = useState<BlobView>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let url: string | null = null;
    let unsubscribe: (() => void) | null = null;
    const run = async (): Promise<void> => {
      const runtime = getBlobRuntime();
      if (!runtime) return setView({ status: 'offline' });
      let local = await runtime.repository.find(sha256);
      if (!local) {
        const fetched = await runtime.fetchRemote(sha256, contractId);
        if (cancelled) return;
        if (fetched !== 'ok') {
          setView({ status: fetched });
          // Try again once the next sync got through (the author's upload may have landed).
          unsubscribe ??= useSyncStatus.subscribe((state, previous) => {
            if (state.lastSyncAt !== previous.lastSyncAt) void run().catch(() => undefined);
          });
          return;
        }
        local = await runtime.repository.find(sha256);
      }
      if (cancelled || !local || url) return;
      unsubscribe?.();
      unsubscribe = null;
      url = URL.createObjectURL(local.bytes);
      setView({ status: 'ready', url, state: local.state });
    };
    run().catch(() => {
      if (!cancelled) setView({ status: 'missing' });
    });
    return () => {
      cancelled = true;
      unsubscribe?.();
      if (url) URL.revokeObjectURL(url);
    };
  }, [sha256, contractId]);

  return view;
}
