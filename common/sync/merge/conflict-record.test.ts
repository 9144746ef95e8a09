import { describe, expect, it } from 'vitest';
import { validateAgainst } from '../../validation/validate.js';
import { buildConflictRecords, conflictSchema, restorePatch, unwrapJson, type MergeContext } from './conflict-record.js';
import { ticket } from './test-fixtures.js';
import { mergeThreeWay } from './three-way.js';

const context: MergeContext = {
  collection: 'tickets',
  documentId: 't-1',
  contractId: 'c-1',
  localAuthorId: 'u-2',
  deviceId: 'laptop-7',
  mergedAt: '2026-11-26T08:00:00.000Z',
};

const base = ticket({ status: 'assigned' });
const local = ticket({ title: 'Mine', status: 'waiting', waitingReason: 'parts', _deleted: false });
const server = ticket({ title: 'Theirs', status: 'resolved' });

describe('buildConflictRecords', () => {
  it('makes schema-valid records, one per overruled field or unit', () => {
    const { overruled } = mergeThreeWay('tickets', base, local, server);
    const records = buildConflictRecords({ ...context, serverAuthorId: 'u-9' }, overruled);
    expect(records.map((r) => r.field)).toEqual(['status+waitingReason', 'title']);
    for (const record of records) expect(validateAgainst(conflictSchema, record)).toEqual({ ok: true });
    expect(records[1]).toMatchObject({ rule: 'server', overruledSide: 'local', serverAuthorId: 'u-9', resolution: null });
    expect(records[1] && unwrapJson(records[1].localValue)).toBe('Mine');
  });

  it('gives a retried merge the same ids, even later and under another sign-in', () => {
    const first = buildConflictRecords(context, mergeThreeWay('tickets', base, local, server).overruled);
    const retry = buildConflictRecords(
      { ...context, mergedAt: '2026-11-27T09:00:00.000Z', localAuthorId: 'u-3' },
      mergeThreeWay('tickets', structuredClone(base), structuredClone(local), structuredClone(server)).overruled,
    );
    expect(retry.map((r) => r.id)).toEqual(first.map((r) => r.id));
    expect(new Set(first.map((r) => r.id)).size).toBe(first.length);
    expect(first[1]?.id).toMatch(/^t-1:title:[0-9a-f]{32}$/);
  });

  it('gives other values, another device or an unknown base other ids', () => {
    const id = (b: typeof base | null, l: typeof local, c = context) =>
      buildConflictRecords(c, mergeThreeWay('tickets', b, l, server).overruled).find((r) => r.field === 'title')?.id;
    const reference = id(base, local);
    expect(id(base, ticket({ title: 'Mine too' }))).not.toBe(reference);
    expect(id(base, local, { ...context, deviceId: 'laptop-8' })).not.toBe(reference);
    expect(id(null, local)).not.toBe(reference);
  });

  it('stores an unknown base as absent, not as null', () => {
    const [record] = buildConflictRecords(context, mergeThreeWay('tickets', null, ticket({ title: 'Mine' }), ticket()).overruled);
    expect(record && 'baseValue' in record).toBe(false);
    expect(record && validateAgainst(conflictSchema, record)).toEqual({ ok: true });
  });

  it('refuses a record without a resolution or with a made-up rule', () => {
    const [record] = buildConflictRecords(context, mergeThreeWay('tickets', base, local, server).overruled);
    const { resolution: _dropped, ...withoutResolution } = record ?? {};
    expect(validateAgainst(conflictSchema, withoutResolution).ok).toBe(false);
    expect(validateAgainst(conflictSchema, { ...record, rule: 'coin-flip' }).ok).toBe(false);
    expect(validateAgainst(conflictSchema, { ...record, resolution: { action: 'restored', by: 'u-1', at: '2026-11-27T09:00:00.000Z' } }).ok).toBe(true);
  });
});

describe('restorePatch', () => {
  it('puts back a whole unit, a single field, or a deletion', () => {
    const merge = mergeThreeWay('tickets', base, local, server);
    const records = buildConflictRecords(context, merge.overruled);
    expect(records.map(restorePatch)).toEqual([{ status: 'waiting', waitingReason: 'parts' }, { title: 'Mine' }]);
    const deletion = buildConflictRecords(context, mergeThreeWay('tickets', ticket(), ticket({ title: 'x' }), ticket({ _deleted: true })).overruled);
    expect(deletion.map(restorePatch)).toEqual([{ _deleted: true }]);
  });
});
