import { addRxPlugin, createRxDatabase, type RxCollection, type RxCollectionCreator, type RxDatabase, type RxStorage } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { COLLECTIONS, COLLECTION_NAMES, migrationsOf, type CollectionName, type DocumentOf } from '../../common/schemas/index.js';
import { createMergeConflictHandler } from '../../common/sync/merge/rxdb-conflict-handler.js';
import type { ConflictRecord } from '../../common/sync/merge/conflict-record.js';
import { isDesktop } from '../platform/desktop.js';
import { appStorage } from './app-storage.js';

// Schema upgrades (assets and contracts 0 → 1) migrate the local replica when a collection opens,
// before replication starts; RxDB also migrates the replication's assumed master states, so unsent
// changes survive an app update.
addRxPlugin(RxDBMigrationSchemaPlugin);

export type DeskCollections = { [C in CollectionName]: RxCollection<DocumentOf<C>> };
export type DeskDatabase = RxDatabase<DeskCollections>;

/** Who merges conflicts on this device (recorded with every overruled value). */
export interface MergeIdentity {
  readonly deviceId: string;
  readonly authorId: () => string;
}

/**
 * Opens the local replica with every replicated collection. Dev-mode is never added here: in a
 * browser it injects a frame that calls out to the internet, so only tests add it themselves.
 */
export async function openDatabase(options: {
  name: string;
  // Tests pass the memory storage, the app the Dexie one; their type parameters differ.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  storage?: RxStorage<any, any>;
  merge?: MergeIdentity;
  /**
   * Share changes with other tabs on the same replica (RxDB multi-instance). The desktop app has one
   * window (single-instance lock, window.open blocked), so it needs none: every write would
   * otherwise be posted to a BroadcastChannel nobody listens to (~25% of the initial sync's time in
   * `npm run bench` B1). A plain browser tab of the served renderer keeps it.
   */
  multiInstance?: boolean;
}): Promise<DeskDatabase> {
  const db = await createRxDatabase<DeskCollections>({
    name: options.name,
    // Dexie with sorted pages read in index order (RxDB alone reads a whole range for a `desc` sort),
    // in a worker so IndexedDB's work never blocks the window (app-storage.ts).
    storage: options.storage ?? appStorage(),
    // Replication handles leadership itself (waitForLeadership: false).
    multiInstance: options.multiInstance ?? (typeof window !== 'undefined' && !isDesktop()),
    // Reopening after sign-out/sign-in in the same page must not throw DB8.
    closeDuplicates: true,
    // Counts on non-indexed selectors (dashboards) fall back to a scan instead of throwing QU14.
    allowSlowCount: true,
  });
  const merge = options.merge ?? { deviceId: 'unknown-device', authorId: () => 'unknown' };
  const keepOverruled = async (records: readonly ConflictRecord[]) => {
    if (records.length === 0) return;
    // Insert-if-absent: a retried merge builds the same ids (with a later mergedAt); the first
    // record stays as it was, and one already synced or resolved is never overwritten.
    const { error } = await db.conflicts.bulkInsert(records.map((record) => ({ ...record })));
    const failed = error.filter((entry) => entry.status !== 409);
    // Thrown so RxDB keeps the local state and merges again later: nothing overruled goes unrecorded.
    if (failed.length > 0) throw new Error(`Conflict records could not be stored: ${failed.map((entry) => entry.documentId).join(', ')}`);
  };
  const creators = Object.fromEntries(
    COLLECTION_NAMES.map((name): [CollectionName, RxCollectionCreator] => [
      name,
      {
        schema: COLLECTIONS[name].schema,
        // Pure steps from common/ (the server rewrites its stored bodies with the same ones).
        migrationStrategies: { ...migrationsOf(name) },
        // Three-way field merge from common/: a conflicting push never just takes the server's side.
        conflictHandler: createMergeConflictHandler(name, {
          deviceId: merge.deviceId,
          authorId: merge.authorId,
          now: () => new Date().toISOString(),
          onOverruled: keepOverruled,
        }),
      },
    ]),
  );
  await db.addCollections(creators);
  return db;
}

/** The database name of one user's replica: one IndexedDB per user keeps people's data apart. */
export function databaseNameFor(userId: string): string {
  return `deskops-${userId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}`;
}
