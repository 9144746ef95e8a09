import { create } from 'zustand';
import type { ErrorCode } from '../../common/errors.js';
import type { CollectionName } from '../../common/schemas/index.js';

/** One problem in words-to-be: a code the UI translates plus the server's own message as detail. */
export interface SyncProblem {
  readonly code: ErrorCode;
  readonly message: string;
  readonly at: number;
  readonly retryAfterSeconds?: number | null;
}

/** A local document the server refused; the local change is kept until a fixed version is accepted. */
export interface DocumentProblem extends SyncProblem {
  readonly collection: CollectionName;
  readonly docId: string;
  readonly path: string | null;
}

export interface InitialSyncProgress {
  readonly active: boolean;
  readonly received: number;
  /** Null when the server did not say how many documents to expect (indeterminate bar). */
  readonly expected: number | null;
}

export interface SyncStatusState {
  /** `navigator.onLine` and its events: false means certainly offline. */
  readonly browserOnline: boolean;
  /** Whether the sync server answered the last request; null before the first attempt. */
  readonly serverReachable: boolean | null;
  readonly pending: number;
  readonly lastSyncAt: number | null;
  readonly lastError: SyncProblem | null;
  readonly documentErrors: readonly DocumentProblem[];
  readonly signInRequired: boolean;
  readonly outdated: boolean;
  readonly running: boolean;
  readonly initial: InitialSyncProgress;
}

const initialState: SyncStatusState = {
  browserOnline: typeof navigator === 'undefined' ? true : navigator.onLine,
  serverReachable: null,
  pending: 0,
  lastSyncAt: null,
  lastError: null,
  documentErrors: [],
  signInRequired: false,
  outdated: false,
  running: false,
  initial: { active: false, received: 0, expected: null },
};

/** UI state only: what the header shows. The sync engine is the only writer. */
export const useSyncStatus = create<SyncStatusState>()(() => initialState);

export function resetSyncStatus(partial: Partial<SyncStatusState> = {}): void {
  useSyncStatus.setState({ ...initialState, browserOnline: useSyncStatus.getState().browserOnline, ...partial });
}

export function patchSyncStatus(partial: Partial<SyncStatusState>): void {
  useSyncStatus.setState(partial);
}

/** Online for the person: the browser has a network and the server has not just failed to answer. */
export function isOnline(state: SyncStatusState): boolean {
  return state.browserOnline && state.serverReachable !== false;
}
