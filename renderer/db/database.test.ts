import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../common/schemas/index.js';
import { ticket } from '../../common/sync/merge/test-fixtures.js';
import { databaseNameFor, openDatabase } from './database.js';
import { testStorage } from './test-storage.js';

describe('openDatabase', () => {
  it('opens every replicated collection with the shared schemas (dev-mode checks them)', async () => {
    const db = await openDatabase({ name: `db-test-${Date.now()}`, storage: testStorage() });
    expect(Object.keys(db.collections).sort()).toEqual([...COLLECTION_NAMES].sort());
    await db.people.insert({
      id: 'p1',
      contractId: 'c1',
      name: 'Ayşe',
      email: '',
      phone: '',
      department: '',
      siteId: null,
      updatedAt: '2026-11-25T10:00:00.000Z',
    });
    expect((await db.people.findOne('p1').exec())?.name).toBe('Ayşe');
    await db.close();
  });

  it('keeps what a merge overruled in the conflicts collection, once per merge however often it runs', async () => {
    const db = await openDatabase({ name: `db-merge-${Date.now()}`, storage: testStorage(), merge: { deviceId: 'laptop-7', authorId: () => 'u-2' } });
    expect(COLLECTION_NAMES.length).toBeLessThanOrEqual(13);
    const input = {
      assumedMasterState: ticket(),
      newDocumentState: ticket({ title: 'Mine' }),
      realMasterState: ticket({ title: 'Theirs' }),
    };
    const merged = await db.tickets.conflictHandler.resolve(input, 'test');
    expect(merged.title).toBe('Theirs');
    const first = await db.conflicts.find().exec();
    expect(first.map((doc) => [doc.documentId, doc.field, doc.overruledSide, doc.localValue.json, doc.keptValue.json, doc.localAuthorId, doc.deviceId])).toEqual([
      ['t-1', 'title', 'local', '"Mine"', '"Theirs"', 'u-2', 'laptop-7'],
    ]);
    // RxDB re-runs the handler after a failed write or a restart: same record id, nothing added or changed.
    await new Promise((resolve) => setTimeout(resolve, 5));
    await db.tickets.conflictHandler.resolve(input, 'test');
    const second = await db.conflicts.find().exec();
    expect(second).toHaveLength(1);
    expect(second[0]?.mergedAt).toBe(first[0]?.mergedAt);
    await db.close();
  });

  it('names one replica per user, safe for IndexedDB', () => {
    expect(databaseNameFor('U-1:x')).toBe('deskops-u-1_x');
  });
});
