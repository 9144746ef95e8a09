import { unwrapJson, type ConflictRecord } from '../../../common/sync/merge/conflict-record.js';

export type ConflictFilter = 'unresolved' | 'resolved' | 'all';
export const CONFLICT_FILTERS: readonly ConflictFilter[] = ['unresolved', 'resolved', 'all'];

/** Records the filter lets through, newest merge first (device time: display order only). */
export function visibleConflicts(records: readonly ConflictRecord[], filter: ConflictFilter): ConflictRecord[] {
  return records
    .filter((record) => filter === 'all' || (filter === 'resolved') === (record.resolution !== null))
    .sort((a, b) => b.mergedAt.localeCompare(a.mergedAt) || a.id.localeCompare(b.id));
}

/** The value the merge kept and the one it dropped, as plain JSON values. */
export function sidesOf(record: ConflictRecord): { kept: unknown; overruled: unknown; base: unknown } {
  const overruled = record.overruledSide === 'local' ? record.localValue : record.serverValue;
  return {
    kept: unwrapJson(record.keptValue),
    overruled: unwrapJson(overruled),
    base: record.baseValue ? unwrapJson(record.baseValue) : undefined,
  };
}

/** Looks a message up; null when there is none, so the caller can fall back to the raw value. */
export type MessageLookup = (key: string) => string | null;

/** Message keys of the enum values a field holds (the ticket screens' own words). */
function messageKey(collection: string, field: string, value: string | number): string {
  if (collection === 'tickets' && field === 'waitingReason') return `tickets.waiting.${value}`;
  return `${collection}.${field}.${value}`;
}

function describeOne(collection: string, field: string, value: unknown, lookup: MessageLookup, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  if (typeof value === 'string' || typeof value === 'number') return lookup(messageKey(collection, field, value)) ?? String(value);
  if (typeof value === 'boolean') return String(value);
  return JSON.stringify(value, null, 2);
}

/**
 * Readable text of a recorded value: enums through the feature's messages where they exist, a
 * unit (`status+waitingReason`) as its members joined, anything else as indented JSON.
 */
export function describeValue(collection: string, field: string, value: unknown, lookup: MessageLookup, empty: string): string {
  const members = field.split('+');
  if (members.length > 1 && typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    const parts = members.filter((member) => record[member] !== null && record[member] !== undefined);
    if (parts.length === 0) return empty;
    return parts
      .map((member, index) => {
        const value = record[member];
        const text = describeOne(collection, member, value, lookup, empty);
        // A bare number after the deciding member says nothing on its own ("· 2"): name it.
        return index > 0 && typeof value === 'number' && text === String(value) ? `${fieldLabel(collection, member, lookup)} ${text}` : text;
      })
      .join(' · ');
  }
  return describeOne(collection, field, value, lookup, empty);
}

/** The label of a field (or of a unit by its deciding field), when the feature has one. */
export function fieldLabel(collection: string, field: string, lookup: MessageLookup): string {
  const first = field.split('+')[0] ?? field;
  const key = first.endsWith('Id') ? first.slice(0, -2) : first;
  return lookup(`${collection}.field.${key}`) ?? lookup(`${collection}.column.${key}`) ?? field;
}
