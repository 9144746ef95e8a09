import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../schemas/events.js';
import type { ConflictRecord } from './conflict-record.js';
import { createMergeConflictHandler, type MergeHandlerOptions } from './rxdb-conflict-handler.js';
import { ticket } from './test-fixtures.js';

function options(onOverruled: MergeHandlerOptions['onOverruled']): MergeHandlerOptions {
  return { deviceId: 'laptop-7', authorId: () => 'u-2', now: () => '2026-11-26T08:00:00.000Z', onOverruled };
}

const input = {
  assumedMasterState: ticket(),
  newDocumentState: ticket({ title: 'Mine', assetIds: ['a-1', 'a-2'] }),
  realMasterState: ticket({ title: 'Theirs' }),
};

describe('createMergeConflictHandler', () => {
  it('compares states like the server does: bookkeeping and key order ignored, _deleted counted', () => {
    const handler = createMergeConflictHandler('tickets', options(() => {}));
    const reordered = Object.fromEntries(Object.entries(ticket()).reverse()) as ReturnType<typeof ticket>;
    expect(handler.isEqual(ticket(), { ...reordered, _meta: { lwt: 5 }, _rev: '2-b' } as never, 'test')).toBe(true);
    expect(handler.isEqual(ticket(), ticket({ _deleted: true }), 'test')).toBe(false);
  });

  it('resolves by the three-way merge and hands the records over before returning', async () => {
    const seen: ConflictRecord[][] = [];
    const handler = createMergeConflictHandler('tickets', options((records) => void seen.push([...records])));
    const resolved = await handler.resolve(input, 'replication-resolve-conflict');
    expect(resolved).toEqual(ticket({ title: 'Theirs', assetIds: ['a-1', 'a-2'] }));
    expect(seen).toHaveLength(1);
    expect(seen[0]?.map((r) => [r.documentCollection, r.documentId, r.field, r.localAuthorId, r.deviceId])).toEqual([
      ['tickets', 't-1', 'title', 'u-2', 'laptop-7'],
    ]);
  });

  it('fails the resolve when the records cannot be stored, so RxDB retries with the local state kept', async () => {
    const handler = createMergeConflictHandler('tickets', options(() => Promise.reject(new Error('disk full'))));
    await expect(handler.resolve(input, 'x')).rejects.toThrow('disk full');
  });

  it('does not call back when nothing was overruled', async () => {
    let calls = 0;
    const handler = createMergeConflictHandler('tickets', options(() => void calls++));
    await handler.resolve({ ...input, newDocumentState: ticket({ description: 'Only mine' }) }, 'x');
    expect(calls).toBe(0);
  });

  it('keeps the server state of collections that never merge', async () => {
    let calls = 0;
    const handler = createMergeConflictHandler('events', options(() => void calls++));
    const event: DomainEvent & { _deleted: boolean } = {
      id: 'e-1',
      contractId: 'c-1',
      subjectType: 'ticket',
      subjectId: 't-1',
      type: 'ticket.note',
      at: '2026-11-25T10:00:00.000Z',
      authorId: 'u-1',
      deviceId: 'laptop-7',
      data: { text: 'server', visibility: 'internal' },
      _deleted: false,
    };
    const local = { ...event, data: { text: 'local', visibility: 'internal' } };
    expect(await handler.resolve({ newDocumentState: local, realMasterState: { ...event, _rev: '1-a' } as never }, 'x')).toEqual(event);
    expect(calls).toBe(0);
  });
});
