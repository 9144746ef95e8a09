import { IDBFactory, IDBKeyRange as FakeKeyRange } from 'fake-indexeddb';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import type { MangoQuery } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_STATUSES } from '../features/tickets/ticket-list-query.js';
import type { Ticket } from '../../common/schemas/tickets.js';
import { ticket } from '../../common/sync/merge/test-fixtures.js';
import { openDatabase, type DeskDatabase } from './database.js';
import { getOrderedDexieStorage, orderedPlanFor } from './ordered-dexie-storage.js';

/**
 * The ordered reads against RxDB's reference answer: the same documents in the Dexie storage with
 * ordered reads (on fake-indexeddb) and in RxDB's memory storage must give the same ids in the same
 * order for every query, including runs of equal sort values at a page edge, `$in` merged from
 * several ranges, deleted documents and skip.
 */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES = ['new', 'assigned', 'in_progress', 'waiting', 'resolved', 'closed', 'cancelled'] as const;

function tickets(count: number): Ticket[] {
  const next = random(7);
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  return Array.from({ length: count }, (_unused, i) => {
    // Only 12 distinct times: most pages end inside a run of equal updatedAt values.
    const hour = String(Math.floor(next() * 12)).padStart(2, '0');
    const { _deleted: _ignored, ...doc } = ticket({
      id: `t-${String(i).padStart(4, '0')}`,
      contractId: pick(['c-1', 'c-2', 'c-3']),
      status: pick(STATUSES),
      priority: 1 + Math.floor(next() * 5),
      assigneeId: pick(['u-1', 'u-2', null]),
      title: pick(['Printer jams', 'Laptop slow', 'VPN down']),
      createdAt: `2026-11-2${Math.floor(next() * 5)}T${hour}:00:00.000Z`,
      updatedAt: `2026-11-25T${hour}:00:00.000Z`,
    });
    return doc;
  });
}

const QUERIES: { name: string; query: MangoQuery<Ticket>; ordered: boolean }[] = [
  { name: 'newest first, first page', query: { sort: [{ updatedAt: 'desc' }], limit: 50 }, ordered: true },
  { name: 'newest first, id desc, a later page', query: { sort: [{ updatedAt: 'desc' }, { id: 'desc' }], skip: 30, limit: 7 }, ordered: true },
  { name: 'one status, newest first', query: { selector: { status: 'new' }, sort: [{ updatedAt: 'desc' }], limit: 10 }, ordered: true },
  { name: 'open statuses merged from four ranges', query: { selector: { status: { $in: [...OPEN_STATUSES] } }, sort: [{ updatedAt: 'desc' }], limit: 25 }, ordered: true },
  { name: 'open statuses, no limit', query: { selector: { status: { $in: [...OPEN_STATUSES] } }, sort: [{ updatedAt: 'desc' }] }, ordered: true },
  { name: 'open and mine (matched while reading)', query: { selector: { status: { $in: [...OPEN_STATUSES] }, assigneeId: 'u-1' }, sort: [{ updatedAt: 'desc' }], limit: 5 }, ordered: true },
  { name: 'contract and priority in, newest first', query: { selector: { contractId: 'c-2', priority: { $in: [1, 2] } }, sort: [{ updatedAt: 'desc' }], limit: 9 }, ordered: true },
  { name: 'contract, oldest first: RxDB already reads in order', query: { selector: { contractId: 'c-2', priority: { $in: [1, 2] } }, sort: [{ updatedAt: 'asc' }], limit: 9 }, ordered: false },
  { name: 'free text $or, newest first', query: { selector: { $or: [{ title: { $regex: 'VPN' } }, { priority: 1 }] }, sort: [{ updatedAt: 'desc' }], skip: 2, limit: 11 }, ordered: true },
  { name: 'created newest first, status matched while reading', query: { selector: { status: 'closed' }, sort: [{ createdAt: 'desc' }], limit: 8 }, ordered: true },
  { name: 'RxDB already reads in order', query: { selector: { contractId: 'c-1' }, sort: [{ updatedAt: 'asc' }], limit: 10 }, ordered: false },
  { name: 'a selective range on another index stays with RxDB', query: { selector: { createdAt: { $gt: '2026-11-24T10:00:00.000Z' } }, sort: [{ updatedAt: 'desc' }], limit: 10 }, ordered: false },
  { name: 'mixed directions: two priority ranges read whole and sorted', query: { selector: { priority: { $in: [1, 2] } }, sort: [{ priority: 'asc' }, { updatedAt: 'desc' }], limit: 20 }, ordered: true },
  { name: 'mixed directions on one range stay with RxDB', query: { selector: { contractId: 'c-1' }, sort: [{ priority: 'asc' }, { updatedAt: 'desc' }], limit: 5 }, ordered: false },
];

const COUNTS: MangoQuery<Ticket>['selector'][] = [
  { status: { $in: [...OPEN_STATUSES] } },
  { status: { $in: ['new', 'closed'] }, priority: 3 },
  { status: { $in: [...OPEN_STATUSES] }, assigneeId: 'u-2' },
  { contractId: 'c-3' },
  { priority: { $in: [2, 4] }, title: 'VPN down' },
];

describe('ordered Dexie storage', () => {
  let ordered: DeskDatabase;
  let reference: DeskDatabase;

  beforeAll(async () => {
    const storage = getOrderedDexieStorage({ indexedDB: new IDBFactory(), IDBKeyRange: FakeKeyRange });
    ordered = await openDatabase({ name: 'ordered-reads', storage });
    reference = await openDatabase({ name: 'ordered-reads-reference', storage: getRxStorageMemory() });
    const docs = tickets(400);
    for (const db of [ordered, reference]) {
      await db.tickets.bulkInsert(docs);
      // Deleted documents stay in the store as tombstones and must never be returned or counted.
      await db.tickets.find({ selector: { id: { $in: docs.filter((_, i) => i % 9 === 0).map((doc) => doc.id) } } }).remove();
    }
  }, 60_000);

  afterAll(async () => {
    await ordered?.remove();
    await reference?.remove();
  });

  it.each(QUERIES)('$name: same rows in the same order as RxDB', async ({ query, ordered: expectOrdered }) => {
    const rxQuery = ordered.tickets.find(query);
    const state = await (ordered.tickets.storageInstance.internals as Promise<{ booleanIndexes: string[] }>);
    const plan = orderedPlanFor(ordered.tickets.storageInstance, rxQuery.getPreparedQuery(), state.booleanIndexes);
    expect(plan !== null).toBe(expectOrdered);
    const expected = (await reference.tickets.find(query).exec()).map((doc) => doc.id);
    expect(expected.length).toBeGreaterThan(0);
    expect((await rxQuery.exec()).map((doc) => doc.id)).toEqual(expected);
  });

  it.each(COUNTS)('count %j equals RxDB’s', async (selector) => {
    const expected = await reference.tickets.count({ selector }).exec();
    expect(expected).toBeGreaterThan(0);
    expect(await ordered.tickets.count({ selector }).exec()).toBe(expected);
  });

  it('a live page follows writes: an edited ticket moves to the top, a deleted one leaves', async () => {
    const query = { selector: { status: { $in: [...OPEN_STATUSES] } }, sort: [{ updatedAt: 'desc' as const }], limit: 5 };
    const before = await ordered.tickets.find(query).exec();
    const last = before.at(-1);
    expect(last).toBeDefined();
    for (const db of [ordered, reference]) {
      await (await db.tickets.findOne(last?.id ?? '').exec())?.incrementalPatch({ updatedAt: '2026-11-26T00:00:00.000Z' });
      await (await db.tickets.findOne(before[0]?.id ?? '').exec())?.remove();
    }
    const after = (await ordered.tickets.find(query).exec()).map((doc) => doc.id);
    expect(after[0]).toBe(last?.id);
    expect(after).not.toContain(before[0]?.id);
    expect(after).toEqual((await reference.tickets.find(query).exec()).map((doc) => doc.id));
  });
});
