import { afterEach, describe, expect, it } from 'vitest';
import { asset } from '../../../common/inventory/collection.test-helpers.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DeskDatabase } from '../../db/database.js';
import { ASSET_PAGE_SIZE, EMPTY_FILTERS, assetCountQuery, assetQuery, assetSelector, filtersFromParams, filtersToParams, type AssetListFilters } from './asset-list-query.js';
import { openAssetTestDatabase } from './asset-test-db.js';

let db: DeskDatabase | null = null;
afterEach(async () => {
  await db?.close();
  db = null;
});

const TYPES = ['notebook', 'desktop', 'printer'] as const;
const STATES = ['in_use', 'in_stock_available', 'in_repair'] as const;

function generate(count: number): Asset[] {
  return Array.from({ length: count }, (_, i) =>
    asset({
      id: `a${i}`,
      contractId: i % 2 === 0 ? 'c-anka' : 'c-bogaz',
      tag: `T-${String(i).padStart(6, '0')}`,
      serial: `SN${i}X`,
      type: TYPES[i % 3],
      state: STATES[i % 3 === 0 ? 0 : (i % 7) % 3],
      model: i % 5 === 0 ? 'ThinkPad T14' : 'OptiPlex 7010',
      os: i % 4 === 0 ? 'Windows 11 Pro' : 'Windows 10 Pro',
      siteId: i % 10 === 0 ? 's-ist' : 's-ank',
      assignedPersonId: i === 42 ? 'p-ayse' : null,
    }),
  );
}

describe('asset list query', () => {
  it('filters by contract, site, type, state, model and OS, sorted by tag, a page at a time', async () => {
    db = await openAssetTestDatabase({ devMode: false });
    const all = generate(3000);
    await db.assets.bulkInsert(all);
    const filters = { ...EMPTY_FILTERS, contractId: 'c-anka', type: 'notebook' as const, model: 'thinkpad', os: 'windows 11' };
    const expected = all
      .filter((a) => a.contractId === 'c-anka' && a.type === 'notebook' && a.model === 'ThinkPad T14' && a.os === 'Windows 11 Pro')
      .map((a) => a.tag)
      .sort();
    const first = await db.assets.find(assetQuery(filters, 0)).exec();
    expect(first.map((doc) => doc.tag)).toEqual(expected.slice(0, ASSET_PAGE_SIZE));
    const count = await db.assets.count({ selector: assetSelector(filters) }).exec();
    expect(count).toBe(expected.length);
    const bySite = await db.assets.count({ selector: assetSelector({ ...EMPTY_FILTERS, siteId: 's-ist', state: 'in_use' }) }).exec();
    expect(bySite).toBe(all.filter((a) => a.siteId === 's-ist' && a.state === 'in_use').length);
  });

  it('reads each page from an index that leads with the filter and ends in the tag sort (no sort in memory)', async () => {
    db = await openAssetTestDatabase({ devMode: false });
    const all = generate(600);
    await db.assets.bulkInsert(all);
    const cases: [Partial<AssetListFilters>, string[], (a: Asset) => boolean][] = [
      [{}, ['tag'], () => true],
      [{ siteId: 's-ist', contractId: 'c-anka' }, ['siteId', 'tag'], (a) => a.siteId === 's-ist' && a.contractId === 'c-anka'],
      [{ contractId: 'c-bogaz', state: 'in_repair' }, ['contractId', 'tag'], (a) => a.contractId === 'c-bogaz' && a.state === 'in_repair'],
      [{ state: 'in_repair', type: 'printer' }, ['state', 'tag'], (a) => a.state === 'in_repair' && a.type === 'printer'],
      [{ type: 'desktop' }, ['type', 'tag'], (a) => a.type === 'desktop'],
    ];
    for (const [partial, index, keep] of cases) {
      const filters = { ...EMPTY_FILTERS, ...partial };
      const query = db.assets.find(assetQuery(filters, 1));
      const plan = query.getPreparedQuery().queryPlan;
      // RxDB puts `_deleted` in front of every index and the primary key at its end.
      expect(plan.index.filter((field) => field !== '_deleted').slice(0, index.length), JSON.stringify(partial)).toEqual(index);
      expect(plan.sortSatisfiedByIndex, JSON.stringify(partial)).toBe(true);
      const expected = all.filter(keep).map((a) => a.tag).sort();
      expect((await query.exec()).map((doc) => doc.tag)).toEqual(expected.slice(ASSET_PAGE_SIZE, 2 * ASSET_PAGE_SIZE));
      expect(await db.assets.count(assetCountQuery(filters)).exec()).toBe(expected.length);
    }
  });

  it('searches tag and serial (any case) and the assigned person', async () => {
    db = await openAssetTestDatabase({ devMode: false });
    await db.assets.bulkInsert(generate(200));
    const find = async (search: string, people: string[] = []) =>
      (await db!.assets.find(assetQuery({ ...EMPTY_FILTERS, search }, 0, people)).exec()).map((doc) => doc.id);
    expect(await find('t-000017')).toEqual(['a17']);
    expect(await find('sn170x')).toEqual(['a170']);
    expect(await find('ayşe', ['p-ayse'])).toEqual(['a42']);
    expect(await find('a.b*(')).toEqual([]);
  });

  it('keeps filters in the URL', () => {
    const filters = { ...EMPTY_FILTERS, contractId: 'c1', siteId: 's1', type: 'notebook' as const, state: 'in_use' as const, model: 'T14', os: 'Win', search: 'x' };
    expect(filtersFromParams(filtersToParams(filters))).toEqual(filters);
    expect(filtersFromParams(new URLSearchParams('type=boat&state=lost'))).toEqual(EMPTY_FILTERS);
  });
});
