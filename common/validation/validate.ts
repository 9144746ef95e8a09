import { Validator, type OutputUnit } from '@cfworker/json-schema';
import { COLLECTIONS, type CollectionName } from '../schemas/collections.js';
import type { JsonSchema } from '../schemas/json-schema.js';
import { ASSET_EVENT_DATA } from '../inventory/events.js';
import { AUDIT_EVENT_DATA } from '../inventory/audit-events.js';
import { TICKET_EVENT_DATA } from '../tickets/events.js';
import { checkJsonShape } from './json-shape.js';

/**
 * One validator for client forms, the server's push endpoint and tests. @cfworker/json-schema is
 * used because it does not generate code at run time, so it also runs under the renderer's strict
 * CSP (no `unsafe-eval`), unlike Ajv.
 */
export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `slaPolicy.targets.p1.responseMinutes`; '' = whole document. */
  readonly path: string;
  readonly message: string;
}

export type ValidationResult = { readonly ok: true } | { readonly ok: false; readonly issue: ValidationIssue };

/** RxDB's internal fields that travel with documents but are not part of the domain schema. */
export const INTERNAL_FIELDS = ['_deleted', '_meta', '_rev', '_attachments'] as const;

const EVENT_DATA: Readonly<Record<string, JsonSchema>> = { ...TICKET_EVENT_DATA, ...ASSET_EVENT_DATA, ...AUDIT_EVENT_DATA };

const cache = new Map<JsonSchema, Validator>();
function validatorFor(schema: JsonSchema): Validator {
  let validator = cache.get(schema);
  if (!validator) {
    validator = new Validator(schema as never, '2019-09', false);
    cache.set(schema, validator);
  }
  return validator;
}

function toPath(instanceLocation: string, prefix: string): string {
  const parts = instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  return [prefix, ...parts].filter(Boolean).join('.');
}

/** The most specific error: the one deepest in the document, then the first reported. */
function pickIssue(errors: readonly OutputUnit[], prefix: string): ValidationIssue {
  let best = errors[0];
  for (const error of errors) {
    if (best && error.instanceLocation.length > best.instanceLocation.length) best = error;
  }
  if (!best) return { path: prefix, message: 'invalid document' };
  const path = toPath(best.instanceLocation, prefix);
  return { path, message: best.error };
}

export function validateAgainst(schema: JsonSchema, value: unknown, prefix = ''): ValidationResult {
  const result = validatorFor(schema).validate(value);
  return result.valid ? { ok: true } : { ok: false, issue: pickIssue(result.errors, prefix) };
}

export function stripInternal<T extends object>(doc: T): T {
  const copy = { ...doc } as Record<string, unknown>;
  for (const field of INTERNAL_FIELDS) delete copy[field];
  return copy as T;
}

/** Validates a document of a collection (internal RxDB fields ignored), including event data per type. */
export function validateDocument(collection: CollectionName, doc: unknown): ValidationResult {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, issue: { path: '', message: 'document must be an object' } };
  }
  const body = stripInternal(doc);
  const shape = checkJsonShape(body);
  if (shape) return { ok: false, issue: shape };
  const base = validateAgainst(COLLECTIONS[collection].schema, body);
  if (!base.ok || collection !== 'events') return base;
  const event = body as { type: string; data: unknown };
  const dataSchema = EVENT_DATA[event.type];
  if (!dataSchema) return { ok: false, issue: { path: 'type', message: `unknown event type "${event.type}"` } };
  return validateAgainst(dataSchema, event.data, 'data');
}
