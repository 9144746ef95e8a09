import type { FromSchema } from 'json-schema-to-ts';
import { ASSET_STATES, ASSET_TYPES } from '../domain/vocabulary.js';
import { idField, isoTimeField, optionalIdField, shortText } from './fields.js';

/**
 * A managed desktop component. Its history (state changes, collections) lives in `events`.
 *
 * Version 1 (migration in asset-migrations.ts, same step on the server's stored bodies in its
 * store migration 2): `siteId` is a plain string, '' for "no site", because RxDB can only index
 * single-typed fields and the list filters by site; `software` summarises the last installed-
 * software snapshot (the list itself is an `asset.software` event, see common/inventory/software.ts);
 * indexes for serial, site, state and type, each ending in the sort the list uses (tag).
 */
export const assetSchema = {
  title: 'asset',
  description: 'Managed desktop component (state document).',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    contractId: idField,
    tag: { type: 'string', minLength: 1, maxLength: 64 },
    serial: { type: 'string', maxLength: 100 },
    type: { type: 'string', enum: ASSET_TYPES, maxLength: 16 },
    manufacturer: shortText,
    model: shortText,
    /** '' = no site (not null: indexed). */
    siteId: { type: 'string', maxLength: 64, pattern: '^[A-Za-z0-9_.:-]*$' },
    room: { type: 'string', maxLength: 100 },
    assignedPersonId: optionalIdField,
    state: { type: 'string', enum: ASSET_STATES, maxLength: 24 },
    hostname: { type: 'string', maxLength: 255 },
    os: { type: 'string', maxLength: 200 },
    /** Free-form hardware summary from the last accepted collection (shape grows with inventory). */
    hardware: { type: 'object', additionalProperties: true },
    /**
     * The last accepted installed-software list, in a few bytes: the list (1,000+ packages on a
     * Linux machine) is the immutable `asset.software` event `snapshotId`, so list pages, reports
     * and sync never carry it with the asset. Absent until a collection with software is applied.
     */
    software: {
      type: 'object',
      properties: {
        count: { type: 'integer', minimum: 0, maximum: 100000 },
        /** `count:hash` of the sorted name/version pairs (common/inventory/software.ts). */
        fingerprint: { type: 'string', minLength: 1, maxLength: 64 },
        snapshotId: idField,
        collectedAt: { type: 'string', minLength: 20, maxLength: 32 },
      },
      required: ['count', 'fingerprint', 'snapshotId', 'collectedAt'],
      additionalProperties: false,
    },
    lockedFields: { type: 'array', items: { type: 'string', maxLength: 64 }, uniqueItems: true, maxItems: 50 },
    updatedAt: isoTimeField,
  },
  required: [
    'id',
    'contractId',
    'tag',
    'serial',
    'type',
    'manufacturer',
    'model',
    'siteId',
    'room',
    'assignedPersonId',
    'state',
    'hostname',
    'os',
    'hardware',
    'lockedFields',
    'updatedAt',
  ],
  additionalProperties: false,
  // The list sorts by tag: every filter index ends in tag so a page is one index range read
  // (asset-list-query.ts names the index it wants). [state, updatedAt] is the "recently changed
  // in state X" order (bench B4).
  indexes: [
    'tag',
    'updatedAt',
    'serial',
    ['contractId', 'tag'],
    ['siteId', 'tag'],
    ['state', 'tag'],
    ['type', 'tag'],
    ['state', 'updatedAt'],
  ],
} as const;

export type Asset = FromSchema<typeof assetSchema>;
