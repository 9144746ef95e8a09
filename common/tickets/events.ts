import { TICKET_STATUSES, WAITING_REASONS } from '../domain/vocabulary.js';
import type { JsonSchema } from '../schemas/json-schema.js';

const status = { type: 'string', enum: TICKET_STATUSES } as const;

/** The `data` shape of each ticket event type. Unknown event types are refused. */
export const TICKET_EVENT_DATA = {
  'ticket.created': {
    type: 'object',
    properties: { status, priority: { type: 'integer', minimum: 1, maximum: 5 } },
    required: ['status', 'priority'],
    additionalProperties: false,
  },
  'ticket.status': {
    type: 'object',
    properties: {
      from: status,
      to: status,
      waitingReason: { type: ['string', 'null'], enum: [...WAITING_REASONS, null] },
      comment: { type: 'string', maxLength: 2000 },
    },
    required: ['from', 'to', 'waitingReason'],
    additionalProperties: false,
  },
  'ticket.note': {
    type: 'object',
    properties: {
      text: { type: 'string', minLength: 1, maxLength: 20000 },
      visibility: { type: 'string', enum: ['internal', 'customer'] },
    },
    required: ['text', 'visibility'],
    additionalProperties: false,
  },
  'ticket.assigned': {
    type: 'object',
    properties: { from: { type: ['string', 'null'] }, to: { type: ['string', 'null'] } },
    required: ['from', 'to'],
    additionalProperties: false,
  },
  'ticket.priority': {
    type: 'object',
    properties: {
      from: { type: 'integer', minimum: 1, maximum: 5 },
      to: { type: 'integer', minimum: 1, maximum: 5 },
    },
    required: ['from', 'to'],
    additionalProperties: false,
  },
} as const satisfies Record<string, JsonSchema>;

export type TicketEventType = keyof typeof TICKET_EVENT_DATA;
