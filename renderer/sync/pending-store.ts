import type { CollectionName } from '../../common/schemas/index.js';
import type { DocumentProblem } from './sync-status-store.js';

/** A push row the server refused, kept with the server state it was based on (see pending-tracker). */
export interface RefusedEntry {
  readonly collection: CollectionName;
  readonly docId: string;
  /** What the server still has (null: the document never reached it). */
  readonly assumedMasterState: Record<string, unknown> | null;
  readonly problem: DocumentProblem;
  /** The refused state's contract (entries saved before this field existed lack it). */
  readonly contractId?: string | null;
}

export interface PendingSnapshot {
  readonly candidates: Partial<Record<CollectionName, string[]>>;
  readonly refused: RefusedEntry[];
}

const EMPTY: PendingSnapshot = { candidates: {}, refused: [] };

/**
 * The outbox survives reloads so "N changes waiting" is right while offline, before the
 * replication has been able to check anything. localStorage is enough: it holds ids, not documents.
 */
export interface PendingPersistence {
  load(): PendingSnapshot;
  save(snapshot: PendingSnapshot): void;
}

export function localPendingPersistence(userId: string): PendingPersistence {
  const key = `deskops.outbox.v1.${userId}`;
  const storage = typeof localStorage === 'undefined' ? null : localStorage;
  return {
    load() {
      try {
        const value = JSON.parse(storage?.getItem(key) ?? 'null') as PendingSnapshot | null;
        return value && typeof value === 'object' && Array.isArray(value.refused) ? value : EMPTY;
      } catch {
        return EMPTY;
      }
    },
    save(snapshot) {
      storage?.setItem(key, JSON.stringify(snapshot));
    },
  };
}

export function memoryPendingPersistence(): PendingPersistence {
  let snapshot = EMPTY;
  return {
    load: () => snapshot,
    save: (next) => {
      snapshot = structuredClone(next);
    },
  };
}
