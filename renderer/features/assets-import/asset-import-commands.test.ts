import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planAssetImport } from '../../../common/inventory/csv-assets.js';
import type { DeskDatabase } from '../../db/database.js';
import { CONTRACT, openTestDatabase } from '../tickets/ticket-test-db.js';
import { importPlannedAssets } from './asset-import-commands.js';

let db: DeskDatabase;
let counter = 0;
const plan = (text: string) =>
  planAssetImport(text, { contracts: [CONTRACT], existing: [], now: new Date('2026-11-25T12:00:00Z'), newId: () => `imp-${++counter}` });

beforeEach(async () => {
  db = await openTestDatabase();
});
afterEach(async () => {
  await db.close();
});

const MIXED = 'tag,type,contract,site\nACME-1,notebook,ACME,s-ist\nACME-2,toaster,ACME,s-ist\nACME-3,monitor,ACME,Ankara\n';

describe('importPlannedAssets', () => {
  it('writes nothing when any row has a problem, unless only the valid rows were chosen', async () => {
    const planned = plan(MIXED);
    expect(planned.issues).toMatchObject([{ row: 3, field: 'type' }]);
    expect(await importPlannedAssets(db, planned, false)).toMatchObject({ ok: false, reason: 'has_issues' });
    expect(await db.assets.count().exec()).toBe(0);

    expect(await importPlannedAssets(db, planned, true)).toEqual({ ok: true, written: 2 });
    const tags = (await db.assets.find().exec()).map((doc) => doc.tag).sort();
    expect(tags).toEqual(['ACME-1', 'ACME-3']);
  });

  it('removes what went in when a write fails halfway (no partial import)', async () => {
    const planned = plan('tag,type,contract\nACME-7,dock,ACME\nACME-8,dock,ACME\n');
    // Make the second insert clash: a document with its id is already there.
    const clash = planned.valid[1];
    if (!clash) throw new Error('plan has two rows');
    await db.assets.insert({ ...clash, tag: 'OTHER', hardware: {}, lockedFields: [] });
    const outcome = await importPlannedAssets(db, planned, false);
    expect(outcome).toMatchObject({ ok: false, reason: 'write_failed' });
    expect((await db.assets.find().exec()).map((doc) => doc.tag)).toEqual(['OTHER']);
  });
});
