import type { FromSchema } from 'json-schema-to-ts';
import { idField, isoTimeField, optionalIdField } from './fields.js';

/** A person at the customer: requester of tickets, user of assets. */
export const personSchema = {
  title: 'person',
  description: 'A person at the customer (requester, asset user).',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    contractId: idField,
    name: { type: 'string', minLength: 1, maxLength: 120 },
    email: { type: 'string', maxLength: 200 },
    phone: { type: 'string', maxLength: 40 },
    department: { type: 'string', maxLength: 120 },
    siteId: optionalIdField,
    updatedAt: isoTimeField,
  },
  required: ['id', 'contractId', 'name', 'email', 'phone', 'department', 'siteId', 'updatedAt'],
  additionalProperties: false,
  indexes: [['contractId', 'name']],
} as const;

export type Person = FromSchema<typeof personSchema>;
