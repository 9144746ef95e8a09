import { afterEach, describe, expect, it } from 'vitest';
import { asset } from '../../../common/inventory/collection.test-helpers.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DeskDatabase } from '../../db/database.js';
import { ASSET_PAGE_SIZE, EMPTY_FILTERS, assetQuery, assetSelector, filtersFromParams, filtersToParams } from './asset-list-query.js';
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
