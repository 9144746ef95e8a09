import { idField } from '../schemas/fields.js';
import type { JsonSchema } from '../schemas/json-schema.js';

/**
 * An audit is not a collection: it is three kinds of immutable event sharing `subjectId` = the
 * audit's id, so a technician's offline scans never conflict with anything and the server needs
 * no audit-specific rule (events are append-only, authored by the signed-in user).
 *
 * `subjectType` is `'asset'`: an audit is a fact about the assets of a place. A separate `'audit'`
 * subject would change the events collection's RxDB schema (a schema version and migration);
 * nothing reads audit events as one asset's history because `subjectId` is the audit's id.
 */
export const AUDIT_SUBJECT_TYPE = 'asset' as const;

const tag = { type: 'string', minLength: 1, maxLength: 64 } as const;
const room = { type: ['string', 'null'], maxLength: 100 } as const;
const optionalId = { type: ['string', 'null'], maxLength: 64 } as const;

/** The expected list as the auditor's replica had it at the start: the report stays reproducible after assets move. */
const expectedAsset = {
  type: 'object',
  properties: { assetId: idField, tag, room: { type: 'string', maxLength: 100 } },
  required: ['assetId', 'tag', 'room'],
  additionalProperties: false,
} as const;

export const AUDIT_EVENT_DATA = {
  'audit.started': {
    type: 'object',
    properties: {
      siteId: idField,
      /** null = the whole site. */
      room,
      expected: { type: 'array', items: expectedAsset, maxItems: 5000 },
    },
    required: ['siteId', 'room', 'expected'],
    additionalProperties: false,
  },
  'audit.scan': {
    type: 'object',
    properties: {
      /** Normalised tag (common/inventory/audit-tag.ts). */
      tag,
      source: { type: 'string', enum: ['scanner', 'keyboard', 'paste'] },
      /** What the auditor's replica knew about the tag at scan time (null = no such asset). */
      assetId: optionalId,
      assetSiteId: optionalId,
      assetRoom: { type: ['string', 'null'], maxLength: 100 },
    },
    required: ['tag', 'source', 'assetId', 'assetSiteId', 'assetRoom'],
    additionalProperties: false,
  },
  'audit.closed': {
    type: 'object',
    properties: {
      /** The counts as the closing device saw them; the report is derived again from the events. */
      counts: {
        type: 'object',
        properties: {
          expected: { type: 'integer', minimum: 0 },
          found: { type: 'integer', minimum: 0 },
          foundElsewhere: { type: 'integer', minimum: 0 },
          unknown: { type: 'integer', minimum: 0 },
          duplicate: { type: 'integer', minimum: 0 },
          missing: { type: 'integer', minimum: 0 },
        },
        required: ['expected', 'found', 'foundElsewhere', 'unknown', 'duplicate', 'missing'],
        additionalProperties: false,
      },
      missingAssetIds: { type: 'array', items: idField, maxItems: 5000 },
      /** Found-elsewhere assets whose location the closing person accepted to correct (optional: older closes lack it). */
      movedAssetIds: { type: 'array', items: idField, maxItems: 5000 },
    },
    required: ['counts', 'missingAssetIds'],
    additionalProperties: false,
  },
} as const satisfies Record<string, JsonSchema>;

export type AuditEventType = keyof typeof AUDIT_EVENT_DATA;
export const AUDIT_EVENT_TYPES = Object.keys(AUDIT_EVENT_DATA) as AuditEventType[];
