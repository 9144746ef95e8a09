import type { Role } from '../domain/vocabulary.js';
import { conflictSchema } from '../sync/merge/conflict-record.js';
import { ASSET_MIGRATION_STRATEGIES } from './asset-migrations.js';
import { assetSchema } from './assets.js';
import { CONTRACT_MIGRATIONS } from './contract-migration.js';
import { contractSchema } from './contracts.js';
import { eventSchema } from './events.js';
import type { CollectionSchema } from './json-schema.js';
import { personSchema } from './people.js';
import { staffSchema } from './staff.js';
import { ticketSchema } from './tickets.js';

/**
 * Every replicated collection, its schema and who may write it. RxDB's free build opens at most
 * 13 collections per context: grow concepts inside these, not as new collections.
 */
export const COLLECTIONS = {
  contracts: {
    schema: contractSchema,
    writers: ['supervisor', 'admin'],
    immutable: false,
    migrations: CONTRACT_MIGRATIONS,
  },
  people: {
    schema: personSchema,
    writers: ['technician', 'supervisor', 'admin'],
    immutable: false,
  },
  staff: {
    schema: staffSchema,
    /** Written by the server from its accounts; no client pushes. */
    writers: [],
    immutable: false,
  },
  tickets: {
    schema: ticketSchema,
    writers: ['technician', 'supervisor', 'admin'],
    immutable: false,
  },
  assets: {
    schema: assetSchema,
    writers: ['technician', 'warehouse', 'supervisor', 'admin'],
    immutable: false,
    migrations: ASSET_MIGRATION_STRATEGIES,
  },
  events: {
    schema: eventSchema,
    writers: ['technician', 'warehouse', 'supervisor', 'admin'],
    /** Append-only: a known id with other content is refused, the same content is a no-op. */
    immutable: true,
  },
  conflicts: {
    schema: conflictSchema,
    /**
     * Any device whose merge overruled someone inserts records; after that only `resolution`
     * changes, and only by a supervisor or an admin (sync-server/services/push-rules.ts).
     */
    writers: ['technician', 'warehouse', 'supervisor', 'admin'],
    immutable: false,
  },
} as const satisfies Record<
  string,
  {
    schema: CollectionSchema;
    writers: readonly Role[];
    immutable: boolean;
    /** Target schema version → strategy, for every version above 0 (RxDB migrationStrategies). */
    migrations?: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>>;
  }
>;

/** The migration strategies of a collection ({} while it is at schema version 0). */
export function migrationsOf(collection: CollectionName): Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> {
  const entry = COLLECTIONS[collection];
  return 'migrations' in entry ? entry.migrations : {};
}

export type CollectionName = keyof typeof COLLECTIONS;
export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

export function isCollectionName(value: string): value is CollectionName {
  return Object.prototype.hasOwnProperty.call(COLLECTIONS, value);
}

export function canWrite(role: Role, collection: CollectionName): boolean {
  return (COLLECTIONS[collection].writers as readonly Role[]).includes(role);
}
