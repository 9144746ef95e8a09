import { create } from 'zustand';

/** UI state only: what the header shows about photos waiting to go up. The uploader writes it. */
export interface BlobQueueState {
  readonly pending: number;
  readonly failed: number;
  readonly lastError: { readonly code: string; readonly message: string } | null;
}

export const useBlobQueue = create<BlobQueueState>()(() => ({ pending: 0, failed: 0, lastError: null }));

export function resetBlobQueue(): void {
  useBlobQueue.setState({ pending: 0, failed: 0, lastError: null });
}
