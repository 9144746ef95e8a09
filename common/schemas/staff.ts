import type { FromSchema } from 'json-schema-to-ts';
import { ROLES } from '../domain/vocabulary.js';
import { idField, isoTimeField } from './fields.js';

/**
 * One provider staff member serving one contract (id `<userId>:<contractId>`). Written by the
 * server from its accounts so assignee pickers work offline; clients never push these.
 */
export const staffSchema = {
  title: 'staff',
  description: 'Provider staff member as seen within one contract (server-written directory).',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', minLength: 1, maxLength: 130 },
    contractId: idField,
    userId: idField,
    name: { type: 'string', minLength: 1, maxLength: 120 },
    role: { type: 'string', enum: ROLES },
    updatedAt: isoTimeField,
  },
  required: ['id', 'contractId', 'userId', 'name', 'role', 'updatedAt'],
  additionalProperties: false,
  indexes: [['contractId', 'name']],
} as const;

export type StaffMember = FromSchema<typeof staffSchema>;
