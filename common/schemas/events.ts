import type { FromSchema } from 'json-schema-to-ts';
import { idField, isoTimeField } from './fields.js';

export const EVENT_SUBJECTS = ['ticket', 'asset', 'contract'] as const;
export type EventSubject = (typeof EVENT_SUBJECTS)[number];

/**
 * An immutable fact: a status change, a note, a time entry, a scan. The id is a client-made UUID
 * and the idempotency key, so two people appending offline never conflict. `at` is the device
 * time of the fact (used by SLA maths); the server's own receive time is kept apart from the body.
 * `data` is checked per `type` by `validateEventData`.
 */
export const eventSchema = {
  title: 'event',
  description: 'Immutable fact about a subject (append-only).',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    contractId: idField,
    subjectType: { type: 'string', enum: EVENT_SUBJECTS, maxLength: 16 },
    subjectId: { ...idField },
    type: { type: 'string', minLength: 3, maxLength: 48, pattern: '^[a-z]+\\.[a-z_]+$' },
    at: isoTimeField,
    authorId: idField,
    deviceId: { type: 'string', maxLength: 64 },
    data: { type: 'object', additionalProperties: true },
  },
  required: ['id', 'contractId', 'subjectType', 'subjectId', 'type', 'at', 'authorId', 'deviceId', 'data'],
  additionalProperties: false,
  indexes: [['subjectId', 'at'], 'at'],
} as const;

export type DomainEvent = FromSchema<typeof eventSchema>;
