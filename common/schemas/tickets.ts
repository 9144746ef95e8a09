import type { FromSchema } from 'json-schema-to-ts';
import {
  DELIVERY_MODES,
  OUT_OF_SCOPE_REASONS,
  TICKET_CATEGORIES,
  TICKET_CHANNELS,
  TICKET_STATUSES,
  TICKET_TYPES,
  WAITING_REASONS,
} from '../domain/vocabulary.js';
import { idField, idList, isoTimeField, longText, optionalIdField } from './fields.js';

/**
 * A support ticket's header: only what people decide. Its history (status changes, notes, time)
 * lives in `events`; SLA clocks are derived from those events, never stored here.
 */
export const ticketSchema = {
  title: 'ticket',
  description: 'Support ticket header (state document); history lives in events.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    contractId: idField,
    /** Human reference made on the device, e.g. `ACME-261125-7KQ2`: unique without a server. */
    ref: { type: 'string', minLength: 4, maxLength: 40 },
    title: { type: 'string', minLength: 1, maxLength: 200 },
    description: longText,
    requesterId: optionalIdField,
    siteId: optionalIdField,
    assetIds: idList,
    category: { type: 'string', enum: TICKET_CATEGORIES },
    type: { type: 'string', enum: TICKET_TYPES },
    channel: { type: 'string', enum: TICKET_CHANNELS },
    urgency: { type: 'integer', minimum: 1, maximum: 3 },
    impact: { type: 'integer', minimum: 1, maximum: 3 },
    /** Derived from urgency × impact by `priorityOf`; stored because lists sort and filter on it. */
    priority: { type: 'integer', minimum: 1, maximum: 5, multipleOf: 1 },
    deliveryMode: { type: 'string', enum: DELIVERY_MODES },
    status: { type: 'string', enum: TICKET_STATUSES, maxLength: 16 },
    waitingReason: { type: ['string', 'null'], enum: [...WAITING_REASONS, null] },
    assigneeId: optionalIdField,
    outOfScopeReason: { type: ['string', 'null'], enum: [...OUT_OF_SCOPE_REASONS, null] },
    createdAt: isoTimeField,
    createdBy: idField,
    updatedAt: isoTimeField,
  },
  required: [
    'id',
    'contractId',
    'ref',
    'title',
    'description',
    'requesterId',
    'siteId',
    'assetIds',
    'category',
    'type',
    'channel',
    'urgency',
    'impact',
    'priority',
    'deliveryMode',
    'status',
    'waitingReason',
    'assigneeId',
    'outOfScopeReason',
    'createdAt',
    'createdBy',
    'updatedAt',
  ],
  additionalProperties: false,
  indexes: ['updatedAt', 'createdAt', ['status', 'updatedAt'], ['priority', 'updatedAt'], ['contractId', 'updatedAt']],
} as const;

export type Ticket = FromSchema<typeof ticketSchema>;
