import type { FromSchema } from 'json-schema-to-ts';
import { idField, isoTimeField } from '../../schemas/fields.js';
import type { CollectionSchema } from '../../schemas/json-schema.js';
import { canonicalJson } from './deep-equal.js';
import { DECIDING_RULES, MERGEABLE_COLLECTIONS, type MergeableCollection } from './field-rules.js';
import { hash128 } from './stable-hash.js';
import type { OverruledValue } from './three-way.js';

/**
 * Any JSON value, wrapped as its JSON text. RxDB needs one `type` per property, and a union of
 * all JSON types is refused by Ajv's strict mode (RxDB's Ajv validator in dev mode); text
 * validates everywhere and encrypts as one field. Bounded so a record cannot be a way around the
 * size limits of the documents it comes from.
 */
const jsonValue = {
  type: 'object',
  properties: { json: { type: 'string', maxLength: 1_000_000 } },
  required: ['json'],
  additionalProperties: false,
} as const;

/**
 * What a three-way merge overruled, kept so a supervisor can see it and put it back. One record
 * per overruled field or unit. `localValue`/`serverValue` are the two sides as they were;
 * `overruledSide` says which of them lost (usually the local one). `baseValue` is absent when the
 * client did not know the base. Written once by the merging device; only `resolution` changes.
 */
export const conflictSchema = {
  title: 'conflict',
  description: 'A value overruled by a sync merge, kept for a supervisor to restore or dismiss.',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `<documentId>:<fields>:<hash>`, see `conflictRecordId`; longer than `idField` allows. */
    id: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_.:-]+$' },
    contractId: idField,
    /** Named so because RxDB reserves `collection` (a document property) as a field name. */
    documentCollection: { type: 'string', enum: MERGEABLE_COLLECTIONS, maxLength: 16 },
    documentId: idField,
    /** A field name, a unit's members joined by `+` (`status+waitingReason`), or `_deleted`. */
    field: { type: 'string', minLength: 1, maxLength: 200, pattern: '^_?[A-Za-z][A-Za-z0-9]*(\\+[A-Za-z][A-Za-z0-9]*)*$' },
    rule: { type: 'string', enum: DECIDING_RULES, maxLength: 24 },
    overruledSide: { type: 'string', enum: ['local', 'server'], maxLength: 8 },
    baseValue: jsonValue,
    localValue: jsonValue,
    serverValue: jsonValue,
    keptValue: jsonValue,
    localAuthorId: idField,
    serverAuthorId: idField,
    deviceId: { type: 'string', minLength: 1, maxLength: 64 },
    /** Device time of the merge: for display only, never for ordering. */
    mergedAt: isoTimeField,
    resolution: {
      type: ['object', 'null'],
      properties: {
        action: { type: 'string', enum: ['restored', 'dismissed'] },
        by: idField,
        at: isoTimeField,
      },
      required: ['action', 'by', 'at'],
      additionalProperties: false,
    },
  },
  required: [
    'id',
    'contractId',
    'documentCollection',
    'documentId',
    'field',
    'rule',
    'overruledSide',
    'localValue',
    'serverValue',
    'keptValue',
    'localAuthorId',
    'deviceId',
    'mergedAt',
    'resolution',
  ],
  additionalProperties: false,
  indexes: [
    ['contractId', 'mergedAt'],
    ['documentId', 'mergedAt'],
  ],
} as const satisfies CollectionSchema;

export type ConflictRecord = FromSchema<typeof conflictSchema>;

/** Who merged, where and when; everything a record needs besides the overruled value. */
export interface MergeContext {
  readonly collection: MergeableCollection;
  readonly documentId: string;
  readonly contractId: string;
  readonly localAuthorId: string;
  /** Unknown on the client: the server keeps authors apart from the document body. */
  readonly serverAuthorId?: string;
  readonly deviceId: string;
  readonly mergedAt: string;
}

export type WrappedJson = ConflictRecord['localValue'];

/** JSON has no `undefined`: a missing value is stored as `null`. Keys sorted, so equal values read equal. */
export function wrapJson(value: unknown): WrappedJson {
  return { json: canonicalJson(value === undefined ? null : value) };
}

export function unwrapJson(wrapped: WrappedJson): unknown {
  return JSON.parse(wrapped.json);
}

/**
 * Deterministic: the same merge on the same device gives the same id, so a retried merge (RxDB
 * re-runs the handler after a failed write or a restart) upserts instead of duplicating. The
 * device is part of the hash because two devices losing the same value are two lost edits.
 * Author and time are not: a retry may run later or after a re-sign-in.
 */
export function conflictRecordId(context: MergeContext, overruled: OverruledValue): string {
  const fingerprint = canonicalJson({
    collection: context.collection,
    documentId: context.documentId,
    field: overruled.field,
    side: overruled.overruledSide,
    deviceId: context.deviceId,
    // Wrapped so an unknown base and a base of `null` hash differently.
    base: overruled.baseValue === undefined ? [] : [overruled.baseValue],
    local: overruled.localValue ?? null,
    server: overruled.serverValue ?? null,
  });
  return `${context.documentId}:${overruled.fields.join('-')}:${hash128(fingerprint)}`;
}

export function buildConflictRecords(context: MergeContext, overruled: readonly OverruledValue[]): ConflictRecord[] {
  return overruled.map((entry) => {
    const record: ConflictRecord = {
      id: conflictRecordId(context, entry),
      contractId: context.contractId,
      documentCollection: context.collection,
      documentId: context.documentId,
      field: entry.field,
      rule: entry.rule,
      overruledSide: entry.overruledSide,
      localValue: wrapJson(entry.localValue),
      serverValue: wrapJson(entry.serverValue),
      keptValue: wrapJson(entry.keptValue),
      localAuthorId: context.localAuthorId,
      deviceId: context.deviceId,
      mergedAt: context.mergedAt,
      resolution: null,
    };
    if (entry.baseValue !== undefined) record.baseValue = wrapJson(entry.baseValue);
    if (context.serverAuthorId !== undefined) record.serverAuthorId = context.serverAuthorId;
    return record;
  });
}

/**
 * The partial document that puts an overruled value back: one field, every member of a unit
 * (restoring `waiting` without its reason would be an invalid ticket), or `_deleted`.
 */
export function restorePatch(record: Pick<ConflictRecord, 'field' | 'overruledSide' | 'localValue' | 'serverValue'>): Record<string, unknown> {
  const value = unwrapJson(record.overruledSide === 'local' ? record.localValue : record.serverValue);
  if (record.field.includes('+') && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { ...(value as Record<string, unknown>) };
  }
  return { [record.field]: value };
}
