import { createRxDatabase, type RxCollection } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { describe, expect, it } from 'vitest';
import { migrateAsset } from '../../common/schemas/asset-migrations.js';
import { assetSchema } from '../../common/schemas/assets.js';
import { optionalIdField } from '../../common/schemas/fields.js';
import { openDatabase } from './database.js';
import { testStorage } from './test-storage.js';

type Doc = Record<string, unknown>;

/** The assets schema as version 0 shipped it (nullable siteId, no software summary, old indexes). */
const { software: _software, ...v1Properties } = assetSchema.properties;
const assetSchemaV0 = {
  ...assetSchema,
  version: 0,
  properties: { ...v1Properties, siteId: optionalIdField },
  indexes: ['tag', 'updatedAt', ['contractId', 'tag'], ['state', 'updatedAt'], ['type', 'updatedAt']],
};

const asset = (id: string, siteId: string | null, room = 'Kat 1 / A1'): Doc => ({
  id,
  contractId: 'c-anka',
  tag: `ANKA-${id}`,
  serial: `SN-${id}`,
  type: 'notebook',
  manufacturer: 'Lenovo',
  model: 'ThinkPad T14',
  siteId,
  room,
  assignedPersonId: null,
  state: 'in_use',
  hostname: '',
  os: '',
  hardware: {},
  lockedFields: [],
  updatedAt: '2026-11-20T09:00:00.000Z',
});

/** A server in memory: documents by id, and every push row it received. */
function fakeMaster(docs: Doc[]) {
  const state = new Map(docs.map((doc) => [String(doc['id']), { ...doc, _deleted: false }]));
  const pushed: { assumedMasterState?: Doc | undefined; newDocumentState: Doc }[] = [];
  return { state, pushed };
}

function replicate(collection: RxCollection<Doc>, master: ReturnType<typeof fakeMaster>) {
  return replicateRxCollection<Doc, { n: number }>({
    // The app's identifier does not contain the schema version, so it survives the migration.
    replicationIdentifier: 'deskops:assets:http://test:u-tech',
    collection: collection as never,
    live: false,
    pull: {
      handler: (checkpoint) => {
        const all = [...master.state.values()];
        const from = checkpoint?.n ?? 0;
        return Promise.resolve({ documents: all.slice(from) as never[], checkpoint: { n: all.length } });
      },
    },
    push: {
      handler: (rows) => {
        for (const row of rows) {
          const next = stripMeta(row.newDocumentState);
          const assumed = row.assumedMasterState ? stripMeta(row.assumedMasterState) : undefined;
          master.pushed.push({ assumedMasterState: assumed, newDocumentState: next });
          master.state.set(String(next['id']), { ...next, _deleted: false });
        }
        return Promise.resolve([]);
      },
    },
  });
}

function stripMeta(doc: Doc): Doc {
  const { _deleted, _meta, _rev, _attachments, ...rest } = doc;
  return rest;
}

describe('assets schema 0 → 1 on an existing replica', () => {
  it('migrates the documents and keeps unsynced changes, which are pushed against the migrated master state', async () => {
    const name = `migrate-${Date.now()}`;
    const storage = testStorage();
    const master = fakeMaster([asset('a1', null), asset('a2', 's-tuzla'), asset('a3', null)]);

    // The old app: replicate once, then edit offline (one change, one new asset) and quit.
    const old = await createRxDatabase({ name, storage, multiInstance: false });
    await old.addCollections({ assets: { schema: assetSchemaV0 as never } });
    const first = replicate(old['assets'] as RxCollection<Doc>, master);
    await first.awaitInitialReplication();
    await first.cancel();
    expect(master.pushed).toHaveLength(0);
    const oldAssets = old['assets'] as RxCollection<Doc>;
    const a1 = await oldAssets.findOne('a1').exec();
    await a1?.incrementalPatch({ room: 'Kat 3 / C7', updatedAt: '2026-11-21T08:00:00.000Z' });
    await oldAssets.insert(asset('a-new', null, 'Depo'));
    await old.close();

    // The server is updated: its stored bodies get the same step (store migration 2).
    for (const [id, doc] of master.state) master.state.set(id, { ...migrateAsset(stripMeta(doc), 0, 1), _deleted: false });

    // The new app opens the same replica: RxDB runs the strategies before anything reads it.
    const db = await openDatabase({ name, storage });
    try {
      const docs = (await db.assets.find().exec()).map((doc) => doc.toMutableJSON());
      expect(docs.map((doc) => [doc.id, doc.siteId, doc.room]).sort()).toEqual([
        ['a-new', '', 'Depo'],
        ['a1', '', 'Kat 3 / C7'],
        ['a2', 's-tuzla', 'Kat 1 / A1'],
        ['a3', '', 'Kat 1 / A1'],
      ]);
      // The new site index answers on migrated documents.
      expect((await db.assets.find({ selector: { siteId: '' }, sort: [{ siteId: 'asc' }, { tag: 'asc' }] }).exec()).map((doc) => doc.id)).toEqual(['a-new', 'a1', 'a3']);

      const again = replicate(db.assets as unknown as RxCollection<Doc>, master);
      await again.awaitInitialReplication();
      await again.cancel();
      // Exactly the two unsynced documents go up: synced ones are not pushed again.
      expect(master.pushed.map((row) => row.newDocumentState['id']).sort()).toEqual(['a-new', 'a1']);
      const edit = master.pushed.find((row) => row.newDocumentState['id'] === 'a1');
      expect(edit?.newDocumentState).toMatchObject({ room: 'Kat 3 / C7', siteId: '' });
      // The assumed master state was migrated too, so the server sees no conflict.
      expect(edit?.assumedMasterState).toEqual(migrateAsset(asset('a1', null), 0, 1));
      expect(master.pushed.find((row) => row.newDocumentState['id'] === 'a-new')?.assumedMasterState).toBeUndefined();
    } finally {
      await db.close();
    }
  });
});
