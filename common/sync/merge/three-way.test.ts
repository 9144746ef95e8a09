import { describe, expect, it } from 'vitest';
import { asset, ticket } from './test-fixtures.js';
import { mergeThreeWay } from './three-way.js';

describe('mergeThreeWay: one side or no side changed', () => {
  it('takes a field changed on one side only, from either side', () => {
    const base = ticket();
    const local = ticket({ title: 'Local title' });
    const server = ticket({ description: 'Server description' });
    const { merged, overruled } = mergeThreeWay('tickets', base, local, server);
    expect(merged.title).toBe('Local title');
    expect(merged.description).toBe('Server description');
    expect(overruled).toEqual([]);
  });

  it('keeps a value both sides changed to the same thing, without a record', () => {
    const { merged, overruled } = mergeThreeWay('tickets', ticket(), ticket({ title: 'Same' }), ticket({ title: 'Same' }));
    expect(merged.title).toBe('Same');
    expect(overruled).toEqual([]);
  });

  it('treats objects with other key order as unchanged', () => {
    const base = asset({ hardware: { ramGb: 16, cpu: 'i5' } });
    const local = asset({ hardware: { cpu: 'i5', ramGb: 16 } });
    const server = asset({ hardware: { ramGb: 32, cpu: 'i5' } });
    const { merged, overruled } = mergeThreeWay('assets', base, local, server);
    expect(merged.hardware).toEqual({ ramGb: 32, cpu: 'i5' });
    expect(overruled).toEqual([]);
  });
});

describe('mergeThreeWay: both sides changed', () => {
  it('keeps the server value of free text and records the local one', () => {
    const { merged, overruled } = mergeThreeWay('tickets', ticket(), ticket({ title: 'Mine' }), ticket({ title: 'Theirs' }));
    expect(merged.title).toBe('Theirs');
    expect(overruled).toEqual([
      {
        field: 'title',
        fields: ['title'],
        rule: 'server',
        overruledSide: 'local',
        baseValue: 'Printer jams',
        localValue: 'Mine',
        serverValue: 'Theirs',
        keptValue: 'Theirs',
      },
    ]);
  });

  it('lets resolved beat in_progress whichever side it is on, and waitingReason follows', () => {
    const base = ticket({ status: 'assigned' });
    const waiting = ticket({ status: 'waiting', waitingReason: 'parts' });
    const resolved = ticket({ status: 'resolved', waitingReason: null });

    const localWins = mergeThreeWay('tickets', base, resolved, waiting);
    expect([localWins.merged.status, localWins.merged.waitingReason]).toEqual(['resolved', null]);
    expect(localWins.overruled).toEqual([
      expect.objectContaining({
        field: 'status+waitingReason',
        fields: ['status', 'waitingReason'],
        rule: 'rank',
        overruledSide: 'server',
        serverValue: { status: 'waiting', waitingReason: 'parts' },
        keptValue: { status: 'resolved', waitingReason: null },
      }),
    ]);

    const serverWins = mergeThreeWay('tickets', base, waiting, resolved);
    expect([serverWins.merged.status, serverWins.merged.waitingReason]).toEqual(['resolved', null]);
    expect(serverWins.overruled[0]).toMatchObject({ overruledSide: 'local', localValue: { status: 'waiting', waitingReason: 'parts' } });
  });

  it('merges status and waitingReason as a unit even when each side touched a different one', () => {
    const base = ticket({ status: 'waiting', waitingReason: 'user' });
    const local = ticket({ status: 'in_progress', waitingReason: null });
    const server = ticket({ status: 'waiting', waitingReason: 'vendor' });
    const { merged, overruled } = mergeThreeWay('tickets', base, local, server);
    // Equal rank (in_progress = waiting = 2): the server's unit, whole, never `in_progress` + 'vendor'.
    expect([merged.status, merged.waitingReason]).toEqual(['waiting', 'vendor']);
    expect(overruled).toHaveLength(1);
  });

  it('keeps the more urgent priority unit and records the other', () => {
    const base = ticket({ urgency: 2, impact: 2, priority: 3 });
    const local = ticket({ urgency: 1, impact: 2, priority: 2 });
    const server = ticket({ urgency: 3, impact: 1, priority: 3 });
    const { merged, overruled } = mergeThreeWay('tickets', base, local, server);
    expect([merged.urgency, merged.impact, merged.priority]).toEqual([1, 2, 2]);
    expect(overruled).toEqual([
      expect.objectContaining({ field: 'priority+urgency+impact', rule: 'priority-min', overruledSide: 'server' }),
    ]);
  });

  it('unions asset ids: additions of both sides kept, a one-sided removal honoured, nothing recorded', () => {
    const base = ticket({ assetIds: ['a-1', 'a-2'] });
    const local = ticket({ assetIds: ['a-2', 'a-3'] }); // removed a-1, added a-3
    const server = ticket({ assetIds: ['a-1', 'a-2', 'a-4'] }); // added a-4
    const { merged, overruled } = mergeThreeWay('tickets', base, local, server);
    expect(merged.assetIds).toEqual(['a-2', 'a-4', 'a-3']);
    expect(overruled).toEqual([]);
  });

  it('unions locked fields of an asset', () => {
    const { merged } = mergeThreeWay('assets', asset(), asset({ lockedFields: ['hostname', 'room'] }), asset({ lockedFields: ['hostname', 'os'] }));
    expect(merged.lockedFields).toEqual(['hostname', 'os', 'room']);
  });

  it('without a base, unions and records each side whose set lacks elements of the other (maybe removals)', () => {
    const { merged, overruled } = mergeThreeWay('tickets', null, ticket({ assetIds: ['a-1'] }), ticket({ assetIds: ['a-2'] }));
    expect(merged.assetIds).toEqual(['a-2', 'a-1']);
    const entry = { field: 'assetIds', rule: 'union', localValue: ['a-1'], serverValue: ['a-2'], keptValue: ['a-2', 'a-1'], baseValue: undefined };
    expect(overruled).toEqual([
      expect.objectContaining({ ...entry, overruledSide: 'local' }),
      expect.objectContaining({ ...entry, overruledSide: 'server' }),
    ]);
    // A superset on one side lost nothing: only the other side is recorded.
    const superset = mergeThreeWay('tickets', null, ticket({ assetIds: ['a-1', 'a-2'] }), ticket({ assetIds: ['a-1'] }));
    expect(superset.overruled.map((o) => o.overruledSide)).toEqual(['server']);
  });

  it('keeps the server set whole when the union would break maxItems', () => {
    const ids = (prefix: string) => Array.from({ length: 150 }, (_, i) => `${prefix}-${i}`);
    const { merged, overruled } = mergeThreeWay('tickets', ticket({ assetIds: [] }), ticket({ assetIds: ids('l') }), ticket({ assetIds: ids('s') }));
    expect(merged.assetIds).toEqual(ids('s'));
    expect(overruled).toEqual([expect.objectContaining({ field: 'assetIds', rule: 'server', localValue: ids('l') })]);
  });

  it('takes the later updatedAt as an instant, not as text, and records nothing', () => {
    const base = ticket({ updatedAt: '2026-11-25T10:00:00.000Z' });
    // 12:30+02:00 is 10:30Z, earlier than 11:00Z though it sorts later as text.
    const local = ticket({ updatedAt: '2026-11-25T12:30:00.000+02:00' });
    const server = ticket({ updatedAt: '2026-11-25T11:00:00.000Z' });
    expect(mergeThreeWay('tickets', base, local, server)).toEqual({ merged: server, overruled: [] });
    const later = ticket({ updatedAt: '2026-11-25T11:30:00.000Z' });
    expect(mergeThreeWay('tickets', base, later, server).merged.updatedAt).toBe('2026-11-25T11:30:00.000Z');
  });

  it('without a base, treats every difference as a conflict', () => {
    const { merged, overruled } = mergeThreeWay('tickets', null, ticket({ title: 'Mine' }), ticket());
    expect(merged.title).toBe('Printer jams');
    expect(overruled).toEqual([expect.objectContaining({ field: 'title', localValue: 'Mine', baseValue: undefined })]);
  });
});

describe('mergeThreeWay: deletion', () => {
  it('keeps a server edit over a local delete and records the deletion', () => {
    const { merged, overruled } = mergeThreeWay('tickets', ticket(), ticket({ _deleted: true }), ticket({ title: 'Edited' }));
    expect(merged._deleted).toBe(false);
    expect(merged.title).toBe('Edited');
    expect(overruled).toEqual([
      {
        field: '_deleted',
        fields: ['_deleted'],
        rule: 'edit-beats-delete',
        overruledSide: 'local',
        baseValue: false,
        localValue: true,
        serverValue: false,
        keptValue: false,
      },
    ]);
  });

  it('keeps a local edit over a server delete (undelete) and records the server deletion', () => {
    const { merged, overruled } = mergeThreeWay('tickets', ticket(), ticket({ title: 'Edited' }), ticket({ _deleted: true }));
    expect(merged).toMatchObject({ _deleted: false, title: 'Edited' });
    expect(overruled).toEqual([expect.objectContaining({ field: '_deleted', overruledSide: 'server', serverValue: true })]);
  });

  it('lets a deletion stand when the other side made no edit', () => {
    const { merged, overruled } = mergeThreeWay('tickets', ticket(), ticket(), ticket({ _deleted: true }));
    expect(merged._deleted).toBe(true);
    expect(overruled).toEqual([]);
  });

  it('settles two deletions on the server tombstone without records', () => {
    const { merged, overruled } = mergeThreeWay('tickets', ticket(), ticket({ title: 'x', _deleted: true }), ticket({ title: 'y', _deleted: true }));
    expect(merged).toEqual(ticket({ title: 'y', _deleted: true }));
    expect(overruled).toEqual([]);
  });

  it('keeps an undelete of a deleted base', () => {
    const base = ticket({ _deleted: true });
    expect(mergeThreeWay('tickets', base, ticket({ title: 'Back' }), base).merged).toMatchObject({ _deleted: false, title: 'Back' });
  });
});

describe('mergeThreeWay: output', () => {
  it('drops RxDB bookkeeping and keeps the document otherwise as merged', () => {
    const server = { ...ticket(), _meta: { lwt: 1 }, _rev: '1-a', _attachments: {} };
    const { merged } = mergeThreeWay('tickets', ticket(), ticket(), server);
    expect(merged).toEqual(ticket());
  });
});
