import { afterEach, describe, expect, it } from 'vitest';
import { asset, collection } from '../../../common/inventory/collection.test-helpers.js';
import { diffAsset } from '../../../common/inventory/diff.js';
import { decodeSnapshot } from '../../../common/inventory/software.js';
import { matchCollection } from '../../../common/inventory/match.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DeskDatabase } from '../../db/database.js';
import { applyCollection, type AssetCommandContext } from './asset-commands.js';
import { openAssetTestDatabase } from './asset-test-db.js';

const NOW = new Date('2026-11-25T12:00:00.000Z');
let db: DeskDatabase | null = null;

afterEach(async () => {
  await db?.close();
  db = null;
});

async function setup(assets: Asset[]): Promise<AssetCommandContext> {
  db = await openAssetTestDatabase();
  if (assets.length > 0) await db.assets.bulkInsert(assets);
  return { db, user: { id: 'u-tech' }, deviceId: 'd-test', now: NOW };
}

describe('applying a collection', () => {
  it('writes only the accepted, unlocked changes to the matched asset and appends asset.collected', async () => {
    const stored = asset({ id: 'a1', serial: 'PF3XK2L9', model: 'ThinkPad T14', hostname: 'old-name', lockedFields: ['model'] });
    const ctx = await setup([stored]);
    const machine = collection();
    const match = matchCollection(machine, [stored]);
    const result = await applyCollection(ctx, {
      collection: machine,
      source: 'bridge',
      match,
      target: { kind: 'existing', assetId: 'a1' },
      accepted: ['model', 'hostname', 'hardware.memoryGb'],
    });
    expect(result.ok).toBe(true);
    const saved = (await ctx.db.assets.findOne('a1').exec())?.toMutableJSON();
    expect(saved).toMatchObject({ model: 'ThinkPad T14', hostname: 'anka-pc001', hardware: { memoryGb: 16 }, updatedAt: NOW.toISOString() });
    const events = await ctx.db.events.find({ selector: { subjectId: 'a1' } }).exec();
    expect(events).toHaveLength(1);
    expect(events[0]?.toMutableJSON()).toMatchObject({
      type: 'asset.collected',
      subjectType: 'asset',
      data: {
        created: false,
        rule: 'serial',
        softwareCount: 3,
        changes: [
          { field: 'hostname', from: 'old-name', to: 'anka-pc001' },
          { field: 'hardware.memoryGb', from: null, to: 16 },
        ],
      },
    });
    expect((events[0]?.toMutableJSON().data as { kept: string[] }).kept).toContain('model');
  });

  it('creates a new asset with a chosen contract and tag, refusing a tag already used', async () => {
    const ctx = await setup([asset({ id: 'a1', tag: 'ANKA-1' })]);
    const machine = collection();
    const all = diffAsset(asset({ id: 'x' }), machine).map((change) => change.field);
    const base = { collection: machine, source: 'file' as const, match: matchCollection(machine, []), accepted: all };
    const clash = await applyCollection(ctx, { ...base, target: { kind: 'new', contractId: 'c-anka', tag: 'ANKA-1', type: 'notebook' } });
    expect(clash).toMatchObject({ ok: false, error: { path: 'tag' } });
    const created = await applyCollection(ctx, { ...base, target: { kind: 'new', contractId: 'c-anka', tag: 'ANKA-9001', type: 'notebook' } });
    if (!created.ok) throw new Error(created.error.message);
    expect(created.value.asset).toMatchObject({ tag: 'ANKA-9001', serial: 'PF3XK2L9', hostname: 'anka-pc001', contractId: 'c-anka' });
    expect(created.value.event.data).toMatchObject({ created: true, rule: 'none', source: 'file' });
    expect(await ctx.db.assets.count().exec()).toBe(2);
  });

  it('stores an accepted software list as a snapshot event, once per distinct list, and keeps the asset small', async () => {
    const stored = asset({ id: 'a1', serial: 'PF3XK2L9' });
    const ctx = await setup([stored]);
    const machine = collection();
    const apply = (software: typeof machine.software) =>
      applyCollection(ctx, { collection: { ...machine, software }, source: 'bridge', match: matchCollection(machine, [stored]), target: { kind: 'existing', assetId: 'a1' }, accepted: ['software'] });
    expect((await apply(machine.software)).ok).toBe(true);
    const first = (await ctx.db.assets.findOne('a1').exec())?.toMutableJSON();
    expect(first?.software).toMatchObject({ count: machine.software.length });
    const snapshot = (await ctx.db.events.findOne(first?.software?.snapshotId ?? '').exec())?.toMutableJSON();
    expect(snapshot).toMatchObject({ type: 'asset.software', subjectId: 'a1' });
    expect(decodeSnapshot(snapshot?.data).map((entry) => entry.name).sort()).toEqual(machine.software.map((item) => item.name).sort());
    // The same list again (another order): the diff shows nothing to accept, no new snapshot.
    expect(diffAsset(first as Asset, { ...machine, software: [...machine.software].reverse() }).map((change) => change.field)).not.toContain('software');
    // One program updated: a new snapshot that counts the update against the previous one.
    const updated = machine.software.map((item, index) => (index === 0 ? { ...item, version: `${item.version}.1` } : item));
    expect((await apply(updated)).ok).toBe(true);
    const second = (await ctx.db.assets.findOne('a1').exec())?.toMutableJSON();
    expect(second?.software?.snapshotId).not.toBe(first?.software?.snapshotId);
    const snapshots = await ctx.db.events.find({ selector: { subjectId: 'a1', type: 'asset.software' } }).exec();
    expect(snapshots).toHaveLength(2);
    expect((await ctx.db.events.findOne(second?.software?.snapshotId ?? '').exec())?.toMutableJSON().data).toMatchObject({ changes: { added: 0, removed: 0, updated: 1 } });
    expect(JSON.stringify(second).length).toBeLessThan(2000);
  });

  it('a missing asset that is collected comes back to its earlier state, with an event naming the collection', async () => {
    const stored = asset({ id: 'a1', serial: 'PF3XK2L9', state: 'missing' });
    const ctx = await setup([stored]);
    await ctx.db.events.insert({
      id: 'e-missing',
      contractId: 'c-anka',
      subjectType: 'asset',
      subjectId: 'a1',
      type: 'asset.state',
      at: '2026-11-20T09:00:00.000Z',
      authorId: 'u-tech',
      deviceId: 'd',
      data: { from: 'in_repair', to: 'missing', cause: { kind: 'audit', refId: 'audit-1', label: 'ANKA · Tuzla' } },
    });
    const machine = collection();
    const result = await applyCollection(ctx, { collection: machine, source: 'bridge', match: matchCollection(machine, [stored]), target: { kind: 'existing', assetId: 'a1' }, accepted: [] });
    if (!result.ok) throw new Error(result.error.message);
    expect((await ctx.db.assets.findOne('a1').exec())?.state).toBe('in_repair');
    const back = await ctx.db.events.find({ selector: { subjectId: 'a1', type: 'asset.state' }, sort: [{ subjectId: 'asc' }, { at: 'asc' }] }).exec();
    expect(back.at(-1)?.toMutableJSON().data).toEqual({ from: 'missing', to: 'in_repair', cause: { kind: 'collection', refId: result.value.event.id, label: machine.summary.hostname } });
  });

});
