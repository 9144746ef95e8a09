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

/**
 * Fans committed changes out to open streams. In-process for one server; a LISTEN/NOTIFY
 * implementation of the same interface lets several instances poke each other's clients.
 */
export interface ChangeNotifier {
  publish(notice: ChangeNotice): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: ChangeListener): () => void;
}

export function createLocalNotifier(onListenerError: (error: unknown) => void): ChangeNotifier {
  const listeners = new Set<ChangeListener>();
  return {
    publish(notice) {
      for (const listener of [...listeners]) {
        try {
          listener(notice);
        } catch (error) {
          // One broken stream must not stop the others from hearing about the change.
          onListenerError(error);
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
