import { ASSET_STATES } from '../domain/vocabulary.js';
import { SOFTWARE_SOURCES } from '../ipc/types.js';
import type { JsonSchema } from '../schemas/json-schema.js';
import { COLLECTED_FIELDS } from './diff.js';
import { MATCH_RULES } from './match.js';
import { SOFTWARE_LIMITS } from './software.js';

/** Any JSON value a collected field can hold (string, number, boolean, list of MACs, null). */
const fieldValue = { type: ['string', 'number', 'boolean', 'array', 'null'], items: { type: 'string', maxLength: 64 }, maxItems: 64 } as const;

const count = { type: 'integer', minimum: 0 } as const;
const place = {
  type: 'object',
  properties: { siteId: { type: 'string', maxLength: 64 }, room: { type: 'string', maxLength: 100 } },
  required: ['siteId', 'room'],
  additionalProperties: false,
} as const;
/** What caused a state change or a move: an audit (its id) or a collection (its `asset.collected` event). */
export const ASSET_CHANGE_CAUSES = ['audit', 'audit_scan', 'collection'] as const;
export type AssetChangeCause = (typeof ASSET_CHANGE_CAUSES)[number];
const cause = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: ASSET_CHANGE_CAUSES },
    /** The audit (for `audit`, `audit_scan`) or the `asset.collected` event (for `collection`). */
    refId: { type: 'string', minLength: 1, maxLength: 64 },
    /** Human words for the history (e.g. "ANKA · Tuzla Depo / Kat 1"), as the device saw it. */
    label: { type: 'string', maxLength: 200 },
  },
  required: ['kind', 'refId', 'label'],
  additionalProperties: false,
} as const;

/** The `data` shape of each asset event type (registered in common/validation/validate.ts). */
export const ASSET_EVENT_DATA = {
  'asset.collected': {
    type: 'object',
    properties: {
      /** True when this collection created the record. */
      created: { type: 'boolean' },
      rule: { type: 'string', enum: MATCH_RULES },
      confidence: { type: 'number', minimum: 0, maximum: 1 },
      source: { type: 'string', enum: ['bridge', 'file'] },
      collectedAt: { type: 'string', minLength: 20, maxLength: 32 },
      collectorVersion: { type: 'string', maxLength: 32 },
      hostname: { type: 'string', maxLength: 255 },
      softwareCount: { type: 'integer', minimum: 0 },
      changes: {
        type: 'array',
        maxItems: 64,
        items: {
          type: 'object',
          properties: { field: { type: 'string', enum: COLLECTED_FIELDS }, from: fieldValue, to: fieldValue },
          required: ['field', 'from', 'to'],
          additionalProperties: false,
        },
      },
      /** Fields that differed but stayed as they were: locked, or not accepted by the person. */
      kept: { type: 'array', maxItems: 64, items: { type: 'string', enum: COLLECTED_FIELDS } },
    },
    required: ['created', 'rule', 'confidence', 'source', 'collectedAt', 'collectorVersion', 'hostname', 'softwareCount', 'changes', 'kept'],
    additionalProperties: false,
  },
  /** The installed-software list of one accepted collection (common/inventory/software.ts). */
  'asset.software': {
    type: 'object',
    properties: {
      collectedAt: { type: 'string', minLength: 20, maxLength: 32 },
      source: { type: ['string', 'null'], enum: [...SOFTWARE_SOURCES, null] },
      count: { type: 'integer', minimum: 0, maximum: SOFTWARE_LIMITS.entries },
      fingerprint: { type: 'string', minLength: 1, maxLength: 64 },
      publishers: { type: 'array', maxItems: SOFTWARE_LIMITS.entries, items: { type: 'string', maxLength: SOFTWARE_LIMITS.publisher } },
      names: { type: 'array', maxItems: SOFTWARE_LIMITS.entries, items: { type: 'string', minLength: 1, maxLength: SOFTWARE_LIMITS.name } },
      versions: { type: 'array', maxItems: SOFTWARE_LIMITS.entries, items: { type: 'string', maxLength: SOFTWARE_LIMITS.version } },
      publisher: { type: 'array', maxItems: SOFTWARE_LIMITS.entries, items: { type: 'integer', minimum: -1, maximum: SOFTWARE_LIMITS.entries } },
      installedOn: { type: 'array', maxItems: SOFTWARE_LIMITS.entries, items: { type: 'string', pattern: '^(\\d{4}-\\d{2}-\\d{2})?$', maxLength: 10 } },
      changes: {
        type: 'object',
        properties: { added: count, removed: count, updated: count },
        required: ['added', 'removed', 'updated'],
        additionalProperties: false,
      },
    },
    required: ['collectedAt', 'source', 'count', 'fingerprint', 'publishers', 'names', 'versions', 'publisher', 'installedOn', 'changes'],
    additionalProperties: false,
  },
  /**
   * A state change and what caused it (domain: "a state change always comes from something").
   * An audit that closed with the asset unscanned makes it `missing`; a later scan in an audit or
   * an inventory collection brings it back to the state it had before.
   */
  'asset.state': {
    type: 'object',
    properties: {
      from: { type: 'string', enum: ASSET_STATES },
      to: { type: 'string', enum: ASSET_STATES },
      cause: cause,
    },
    required: ['from', 'to', 'cause'],
    additionalProperties: false,
  },
  /** Site/room corrected, e.g. an asset an audit found elsewhere, when the person accepted it. */
  'asset.moved': {
    type: 'object',
    properties: { from: place, to: place, cause: cause },
    required: ['from', 'to', 'cause'],
    additionalProperties: false,
  },
} as const satisfies Record<string, JsonSchema>;

export type AssetEventType = keyof typeof ASSET_EVENT_DATA;
