import { BLOB_MAX_BYTES, BLOB_MIME_TYPES } from '../blobs/blob-protocol.js';
import { TICKET_STATUSES, WAITING_REASONS } from '../domain/vocabulary.js';
import type { JsonSchema } from '../schemas/json-schema.js';

const status = { type: 'string', enum: TICKET_STATUSES } as const;

/** Worklog time: travel to and from the customer, or work on the ticket. */
export const TIME_KINDS = ['travel', 'work'] as const;
export type TimeKind = (typeof TIME_KINDS)[number];
/** One entry covers at most a day; longer work is several entries (one per day worked). */
export const TIME_ENTRY_MAX_MINUTES = 24 * 60;

export const PHOTO_SOURCES = ['camera', 'file'] as const;
export type PhotoSource = (typeof PHOTO_SOURCES)[number];

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
  /** Time spent, as an immutable worklog entry (a wrong one is voided, never edited). */
  'ticket.time': {
    type: 'object',
    properties: {
      kind: { type: 'string', enum: TIME_KINDS },
      minutes: { type: 'integer', minimum: 1, maximum: TIME_ENTRY_MAX_MINUTES },
      /** The day the time was spent (the technician's local date), not the day it was typed. */
      date: { type: 'string', format: 'date' },
      note: { type: 'string', maxLength: 500 },
    },
    required: ['kind', 'minutes', 'date'],
    additionalProperties: false,
  },
  /** Takes a time entry out of the totals; the entry itself stays in the log. */
  'ticket.time_void': {
    type: 'object',
    properties: {
      entryId: { type: 'string', minLength: 1, maxLength: 64 },
      reason: { type: 'string', maxLength: 500 },
    },
    required: ['entryId'],
    additionalProperties: false,
  },
  /** A photo: the bytes live in the blob store under their SHA-256, uploaded apart from the event. */
  'ticket.photo': {
    type: 'object',
    properties: {
      sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' },
      mime: { type: 'string', enum: BLOB_MIME_TYPES },
      size: { type: 'integer', minimum: 1, maximum: BLOB_MAX_BYTES },
      width: { type: 'integer', minimum: 1, maximum: 100000 },
      height: { type: 'integer', minimum: 1, maximum: 100000 },
      caption: { type: 'string', maxLength: 500 },
      source: { type: 'string', enum: PHOTO_SOURCES },
    },
    required: ['sha256', 'mime', 'size', 'source'],
    additionalProperties: false,
  },
} as const satisfies Record<string, JsonSchema>;

export type TicketEventType = keyof typeof TICKET_EVENT_DATA;
