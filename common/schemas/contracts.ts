import type { FromSchema } from 'json-schema-to-ts';
import { DELIVERY_MODES, TICKET_CATEGORIES } from '../domain/vocabulary.js';
import { idField, isoTimeField, shortText } from './fields.js';

const hhmm = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$' } as const;
const interval = {
  type: 'object',
  properties: { start: hhmm, end: hhmm },
  required: ['start', 'end'],
  additionalProperties: false,
} as const;
const dayHours = { type: 'array', items: interval, maxItems: 4 } as const;
const holiday = {
  type: 'object',
  properties: {
    date: { type: 'string', format: 'date' },
    /** Shown in the editor and the SLA timeline; '' only for holidays migrated from schema 0. */
    name: { type: 'string', maxLength: 100 },
  },
  required: ['date', 'name'],
  additionalProperties: false,
} as const;
const target = {
  type: 'object',
  properties: {
    responseMinutes: { type: 'integer', minimum: 1, maximum: 525600 },
    resolutionMinutes: { type: 'integer', minimum: 1, maximum: 525600 },
  },
  required: ['responseMinutes', 'resolutionMinutes'],
  additionalProperties: false,
} as const;

const targets = {
  type: 'object',
  properties: { p1: target, p2: target, p3: target, p4: target, p5: target },
  required: ['p1', 'p2', 'p3', 'p4', 'p5'],
  additionalProperties: false,
} as const;
const warnAtPercent = { type: 'integer', minimum: 1, maximum: 99 } as const;
const revision = { type: 'integer', minimum: 1, maximum: 1000000 } as const;

/**
 * A superseded SLA policy revision, kept so tickets opened under it keep being judged by it
 * (see `common/sla/policy-revisions.ts`).
 */
const previousPolicy = {
  type: 'object',
  properties: {
    revision,
    /** Absent: in force since the beginning (the policy before revisions were recorded). */
    effectiveFrom: isoTimeField,
    /** When the next revision replaced it (device time of the supervisor's save). */
    supersededAt: isoTimeField,
    warnAtPercent,
    targets,
  },
  required: ['revision', 'supersededAt', 'warnAtPercent', 'targets'],
  additionalProperties: false,
} as const;

/**
 * A service contract with one customer: the frame for all work. Sites carry their own time zone;
 * the SLA policy and business calendar are edited by supervisors and admins.
 */
export const contractSchema = {
  title: 'contract',
  description: 'Service contract with a customer: sites, SLA policy, business calendar, scope.',
  // 1: holidays carry a name ({ date, name }); SLA policy revisions (revision, effectiveFrom, previous).
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: idField,
    /** Equal to `id`: every replicated document carries the tenancy key under the same name. */
    contractId: idField,
    code: { type: 'string', minLength: 2, maxLength: 16, pattern: '^[A-Z0-9-]+$' },
    name: { type: 'string', minLength: 1, maxLength: 200 },
    customerName: { type: 'string', minLength: 1, maxLength: 200 },
    startsOn: { type: 'string', format: 'date' },
    endsOn: { type: ['string', 'null'], format: 'date' },
    sites: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        properties: {
          id: idField,
          name: { type: 'string', minLength: 1, maxLength: 200 },
          address: shortText,
          timeZone: { type: 'string', minLength: 1, maxLength: 64 },
        },
        required: ['id', 'name', 'address', 'timeZone'],
        additionalProperties: false,
      },
    },
    slaPolicy: {
      type: 'object',
      properties: {
        warnAtPercent,
        targets,
        /** Absent = 1. Each saved change of targets or warning threshold adds one. */
        revision,
        /** When this revision took effect; absent = since the beginning. */
        effectiveFrom: isoTimeField,
        /** Superseded revisions, oldest first. Absent = none. */
        previous: { type: 'array', items: previousPolicy, maxItems: 200 },
      },
      required: ['warnAtPercent', 'targets'],
      additionalProperties: false,
    },
    calendar: {
      type: 'object',
      properties: {
        hours: {
          type: 'object',
          properties: {
            mon: dayHours,
            tue: dayHours,
            wed: dayHours,
            thu: dayHours,
            fri: dayHours,
            sat: dayHours,
            sun: dayHours,
          },
          required: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'],
          additionalProperties: false,
        },
        holidays: { type: 'array', items: holiday, maxItems: 400 },
      },
      required: ['hours', 'holidays'],
      additionalProperties: false,
    },
    coveredCategories: { type: 'array', items: { type: 'string', enum: TICKET_CATEGORIES }, uniqueItems: true },
    deliveryModes: { type: 'array', items: { type: 'string', enum: DELIVERY_MODES }, uniqueItems: true, minItems: 1 },
    updatedAt: isoTimeField,
  },
  required: [
    'id',
    'contractId',
    'code',
    'name',
    'customerName',
    'startsOn',
    'endsOn',
    'sites',
    'slaPolicy',
    'calendar',
    'coveredCategories',
    'deliveryModes',
    'updatedAt',
  ],
  additionalProperties: false,
  indexes: ['code'],
} as const;

export type Contract = FromSchema<typeof contractSchema>;
export type Site = Contract['sites'][number];
export type SlaPolicy = Contract['slaPolicy'];
export type BusinessCalendar = Contract['calendar'];
export type Holiday = BusinessCalendar['holidays'][number];
export type SlaTargets = SlaPolicy['targets'];
export type PreviousSlaPolicy = NonNullable<SlaPolicy['previous']>[number];
