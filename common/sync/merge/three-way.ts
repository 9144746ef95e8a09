import { COLLECTIONS } from '../../schemas/collections.js';
import type { DocumentOf } from '../../schemas/document-types.js';
import type { JsonSchema } from '../../schemas/json-schema.js';
import type { WithDeleted } from '../protocol.js';
import { deepEqual, isBookkeepingKey } from './deep-equal.js';
import { ruleOf, unitsOf, type DecidingRule, type MergeableCollection, type MergeUnit } from './field-rules.js';
import { missingFrom, unionMerge } from './union.js';
import { decideUnit, laterInstant, type Side } from './unit-decisions.js';

/**
 * One value a merge did not keep. For a unit, `field` is its members joined by `+`
 * (`status+waitingReason`) and the values are objects holding each member, so restoring puts
 * the whole unit back. `baseValue` is `undefined` when the base was unknown.
 */
export interface OverruledValue {
  readonly field: string;
  readonly fields: readonly string[];
  readonly rule: DecidingRule;
  /** Whose accepted edit lost: usually the local one, the server's when a rank or an edit beat it. */
  readonly overruledSide: Side;
  readonly baseValue: unknown;
  readonly localValue: unknown;
  readonly serverValue: unknown;
  readonly keptValue: unknown;
}

export interface MergeResult<T> {
  readonly merged: WithDeleted<T>;
  readonly overruled: readonly OverruledValue[];
}

type Doc = Readonly<Record<string, unknown>>;
type Recorder = (entry: Omit<OverruledValue, 'baseValue'>, baseValue: unknown) => void;
type Change = 'same' | Side | 'both';

/** Which side changed a value relative to the base; without a base any difference is `both`. */
function changeOf(baseKnown: boolean, base: unknown, local: unknown, server: unknown): Change {
  if (deepEqual(local, server)) return 'same';
  if (baseKnown && deepEqual(local, base)) return 'server';
  if (baseKnown && deepEqual(server, base)) return 'local';
  return 'both';
}

function maxItemsOf(collection: MergeableCollection, field: string): number {
  const properties: Readonly<Record<string, JsonSchema>> = COLLECTIONS[collection].schema.properties;
  return properties[field]?.maxItems ?? Number.POSITIVE_INFINITY;
}

function pickFields(doc: Doc | null, fields: readonly string[]): Record<string, unknown> | undefined {
  if (doc === null) return undefined;
  return Object.fromEntries(fields.map((field) => [field, doc[field]]));
}

function bodyEqual(a: Doc, b: Doc): boolean {
  return deepEqual(bodyOf(a), bodyOf(b));
}

/**
 * Three-way merge of one state document. `base` is the server state the client last saw
 * (RxDB's `assumedMasterState`; `null` when unknown), `local` the client's new state, `server`
 * the current server state.
 *
 * Per field (or unit of fields, see field-rules.ts): changed on one side → that side; unchanged,
 * or changed to the same value on both → kept; changed differently on both → the field's rule,
 * and what the rule drops is returned in `overruled` (nothing is dropped silently).
 *
 * Deletion: when one side deleted and the other edited the body, the edit wins and the document
 * stays alive, with the deletion recorded as overruled; a delete is easy to repeat, lost work is
 * not. A deletion against an unchanged body is a one-sided change and wins.
 */
export function mergeThreeWay<C extends MergeableCollection>(
  collection: C,
  base: WithDeleted<DocumentOf<C>> | null,
  local: WithDeleted<DocumentOf<C>>,
  server: WithDeleted<DocumentOf<C>>,
): MergeResult<DocumentOf<C>> {
  const b = base as Doc | null;
  const l = local as Doc;
  const s = server as Doc;
  const baseKnown = b !== null;
  const values = new Map<string, unknown>();
  const overruled: OverruledValue[] = [];
  const record: Recorder = (entry, baseValue) => {
    overruled.push({ ...entry, baseValue: baseKnown ? baseValue : undefined });
  };

  for (const unit of unitsOf(collection)) mergeUnit(unit, b, l, s, values, record);

  // Server order first so every replica lays the document out alike; then local-only keys.
  const keys = [...Object.keys(s), ...Object.keys(l).filter((key) => !Object.prototype.hasOwnProperty.call(s, key))];
  for (const key of keys) {
    if (key === '_deleted' || isBookkeepingKey(key) || values.has(key)) continue;
    const [bv, lv, sv] = [b?.[key], l[key], s[key]];
    const change = changeOf(baseKnown, bv, lv, sv);
    if (change !== 'both') {
      values.set(key, change === 'server' ? sv : lv);
      continue;
    }
    const rule = ruleOf(collection, key);
    const entry = { field: key, fields: [key], localValue: lv, serverValue: sv };
    if (rule === 'max') {
      // A timestamp records when, not what: the later one wins and nothing is worth restoring.
      values.set(key, laterInstant(lv, sv) === 'local' ? lv : sv);
    } else if (rule === 'union' && Array.isArray(lv) && Array.isArray(sv)) {
      const baseArray = baseKnown && Array.isArray(bv) ? (bv as unknown[]) : null;
      const union = unionMerge(baseArray, lv, sv);
      if (union.length > maxItemsOf(collection, key)) {
        // Too many to keep both: the schema's limit wins, the local set is recorded whole.
        values.set(key, sv);
        record({ ...entry, rule: 'server', overruledSide: 'local', keptValue: sv }, bv);
      } else {
        values.set(key, union);
        // Without a base, elements one side lacks may be removals on that side that the union
        // undid: record that side's set.
        if (baseArray === null && missingFrom(sv, lv).length > 0) {
          record({ ...entry, rule: 'union', overruledSide: 'local', keptValue: union }, bv);
        }
        if (baseArray === null && missingFrom(lv, sv).length > 0) {
          record({ ...entry, rule: 'union', overruledSide: 'server', keptValue: union }, bv);
        }
      }
    } else {
      values.set(key, sv);
      record({ ...entry, rule: 'server', overruledSide: 'local', keptValue: sv }, bv);
    }
  }

  const merged: Record<string, unknown> = {};
  for (const key of keys) if (values.has(key) && values.get(key) !== undefined) merged[key] = values.get(key);
  merged['_deleted'] = mergeDeleted(b, l, s, record);
  // Both deleted: differences in a dead body are nobody's loss, so no supervisor is bothered.
  const bothDeleted = l['_deleted'] === true && s['_deleted'] === true;
  return { merged: merged as unknown as WithDeleted<DocumentOf<C>>, overruled: bothDeleted ? [] : overruled };
}

function mergeUnit(unit: MergeUnit<string>, b: Doc | null, l: Doc, s: Doc, values: Map<string, unknown>, record: Recorder) {
  const [bu, lu, su] = [pickFields(b, unit.fields), pickFields(l, unit.fields), pickFields(s, unit.fields)];
  const change = changeOf(b !== null, bu, lu, su);
  let winner: Side = change === 'server' ? 'server' : 'local';
  if (change === 'both') {
    const lead = unit.fields[0];
    winner = decideUnit(unit.rule, l[lead], s[lead]);
    const kept = winner === 'local' ? lu : su;
    const field = unit.fields.join('+');
    const loser: Side = winner === 'local' ? 'server' : 'local';
    record({ field, fields: unit.fields, rule: unit.rule, overruledSide: loser, localValue: lu, serverValue: su, keptValue: kept }, bu);
  }
  const source = winner === 'local' ? l : s;
  for (const field of unit.fields) values.set(field, source[field]);
}

function mergeDeleted(b: Doc | null, l: Doc, s: Doc, record: Recorder): boolean {
  const [ld, sd] = [l['_deleted'] === true, s['_deleted'] === true];
  if (ld === sd) return ld;
  const deleter: Side = ld ? 'local' : 'server';
  const keeper = ld ? s : l;
  // The base was deleted: the keeper undeleted it, the only change to `_deleted`.
  if (b !== null && b['_deleted'] === true) return false;
  // The keeper did not touch the body: the deletion is the only edit and stands.
  if (b !== null && bodyEqual(keeper, b)) return true;
  const baseValue = b === null ? undefined : false;
  record({ field: '_deleted', fields: ['_deleted'], rule: 'edit-beats-delete', overruledSide: deleter, localValue: ld, serverValue: sd, keptValue: false }, baseValue);
  return false;
}

function bodyOf(doc: Doc): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(doc)) if (key !== '_deleted' && !isBookkeepingKey(key)) copy[key] = doc[key];
  return copy;
}
