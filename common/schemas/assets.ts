import type { FromSchema } from 'json-schema-to-ts';
import { ASSET_STATES, ASSET_TYPES } from '../domain/vocabulary.js';
import { idField, isoTimeField, optionalIdField, shortText } from './fields.js';

/** A managed desktop component. Its history (state changes, collections) lives in `events`. */
export const assetSchema = {
  title: 'asset',
  description: 'Managed desktop component (state document).',
  version: 0,
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
    siteId: optionalIdField,
    room: { type: 'string', maxLength: 100 },
    assignedPersonId: optionalIdField,
    state: { type: 'string', enum: ASSET_STATES, maxLength: 24 },
    hostname: { type: 'string', maxLength: 255 },
    os: { type: 'string', maxLength: 200 },
    /** Free-form hardware summary from the last accepted collection (shape grows with inventory). */
    hardware: { type: 'object', additionalProperties: true },
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
  indexes: ['tag', 'updatedAt', ['contractId', 'tag'], ['state', 'updatedAt'], ['type', 'updatedAt']],
} as const;

export type Asset = FromSchema<typeof assetSchema>;
