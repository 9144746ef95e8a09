import type { JsonSchema } from '../schemas/json-schema.js';
import { COLLECTED_FIELDS } from './diff.js';
import { MATCH_RULES } from './match.js';

/** Any JSON value a collected field can hold (string, number, boolean, list of MACs, null). */
const fieldValue = { type: ['string', 'number', 'boolean', 'array', 'null'], items: { type: 'string', maxLength: 64 }, maxItems: 64 } as const;

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
} as const satisfies Record<string, JsonSchema>;

export type AssetEventType = keyof typeof ASSET_EVENT_DATA;
