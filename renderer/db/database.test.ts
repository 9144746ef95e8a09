import { describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../common/schemas/index.js';
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

  it('names one replica per user, safe for IndexedDB', () => {
    expect(databaseNameFor('U-1:x')).toBe('deskops-u-1_x');
  });
});
