import type { CollectionName } from '../../common/schemas/collections.js';

/** A committed change, small enough to travel as a PostgreSQL NOTIFY payload later. */
export interface ChangeNotice {
  readonly collection: CollectionName;
  /** Highest sequence the commit wrote. */
  readonly seq: number;
  /** Contracts the commit touched: listeners outside them are not poked. */
  readonly contractIds: readonly string[];
}

export type ChangeListener = (notice: ChangeNotice) => void;

/** An account changed (contracts, role, name, disabled): its open streams re-read it and resync. */
export interface AccountNotice {
  readonly userId: string;
  /** The account version after the change; older or equal notices are duplicates. */
  readonly version: number;
}

export type AccountListener = (notice: AccountNotice) => void;

/**
 * Fans committed changes out to open streams. In-process for one server; a LISTEN/NOTIFY
 * implementation of the same interface lets several instances poke each other's clients.
 */
export interface ChangeNotifier {
  publish(notice: ChangeNotice): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
  publishAccount(notice: AccountNotice): void;
  subscribeAccount(listener: AccountListener): () => void;
}

function fanOut<N>(listeners: Set<(notice: N) => void>, notice: N, onListenerError: (error: unknown) => void): void {
  for (const listener of [...listeners]) {
    try {
      listener(notice);
    } catch (error) {
      // One broken stream must not stop the others from hearing about the change.
      onListenerError(error);
    }
  }
}

export function createLocalNotifier(onListenerError: (error: unknown) => void): ChangeNotifier {
  const listeners = new Set<ChangeListener>();
  const accountListeners = new Set<AccountListener>();
  return {
    publish: (notice) => fanOut(listeners, notice, onListenerError),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    publishAccount: (notice) => fanOut(accountListeners, notice, onListenerError),
    subscribeAccount(listener) {
      accountListeners.add(listener);
      return () => accountListeners.delete(listener);
    },
  };
}
