import { describe, expect, it } from 'vitest';
import { asset } from './collection.test-helpers.js';
import { countAssets, countSoftware, softwareVersionRows, topSoftware, topWithOther } from './reports.js';
import { decodeSnapshot, encodeSnapshot, type SoftwareEntry } from './software.js';
import { SoftwareIndex } from './software-index.js';

const sw = (name: string, version: string, publisher: string | null = null): SoftwareEntry => ({ name, version, publisher, installedOn: null });

describe('inventory reports', () => {
  it('counts every dimension in one pass, largest first, "" for nothing recorded', () => {
    const assets = [
      asset({ id: 'a1', contractId: 'c-anka', siteId: 's-1', type: 'notebook', state: 'in_use', manufacturer: 'Lenovo', model: 'T14', os: 'Windows 11 Pro' }),
      asset({ id: 'a2', contractId: 'c-anka', siteId: 's-1', type: 'notebook', state: 'missing', manufacturer: 'Lenovo', model: 'T14', os: 'Windows 11 Pro' }),
      asset({ id: 'a3', contractId: 'c-bogaz', siteId: '', type: 'printer', state: 'in_use', manufacturer: 'HP', model: 'M404', os: '' }),
    ];
    const counts = countAssets(assets);
    expect(counts.total).toBe(3);
    expect(counts.contract).toEqual([{ key: 'c-anka', count: 2 }, { key: 'c-bogaz', count: 1 }]);
    expect(counts.site).toEqual([{ key: 's-1', count: 2 }, { key: '', count: 1 }]);
    expect(counts.state).toEqual([{ key: 'in_use', count: 2 }, { key: 'missing', count: 1 }]);
    expect(counts.model).toEqual([{ key: 'Lenovo T14', count: 2 }, { key: 'HP M404', count: 1 }]);
    expect(counts.os).toEqual([{ key: 'Windows 11 Pro', count: 2 }, { key: '', count: 1 }]);
    expect(topWithOther(counts.model, 1, '…')).toEqual([{ key: 'Lenovo T14', count: 2 }, { key: '…', count: 1 }]);
  });

  it('counts assets per software product and version, once per asset, newest version first on ties', () => {
    const rows = countSoftware([
      [sw('Google Chrome', '131.0.6778.86', 'Google LLC'), sw('7-Zip', '23.01')],
      [sw('google chrome', '131.0.6778.86'), sw('7-Zip', '24.08'), sw('7-Zip', '24.08')],
      [sw('Google Chrome', '120.0.1'), sw('Google Chrome', '131.0.6778.86')],
      [],
    ]);
    expect(rows.map((row) => [row.product, row.count])).toEqual([
      ['Google Chrome', 3],
      ['7-Zip', 2],
    ]);
    expect(rows[0]?.versions).toEqual([
      { version: '131.0.6778.86', count: 3 },
      { version: '120.0.1', count: 1 },
    ]);
    expect(rows[1]?.versions).toEqual([
      { version: '24.08', count: 1 },
      { version: '23.01', count: 1 },
    ]);
    expect(topSoftware(rows, 'GOOGLE llc', 10).map((row) => row.product)).toEqual(['Google Chrome']);
    expect(topSoftware(rows, '', 1).map((row) => row.product)).toEqual(['Google Chrome']);
    expect(softwareVersionRows(rows.slice(1))).toEqual([
      { product: '7-Zip', version: '24.08', count: 1 },
      { product: '7-Zip', version: '23.01', count: 1 },
    ]);
  });

  it('adds up over thousands of assets: every installed entry is counted exactly once', () => {
    const products = Array.from({ length: 400 }, (_, i) => `Product ${i}`);
    // Distinct products per asset (i * 7 mod 400 never repeats for i < 150, 400 and 7 coprime).
    const snapshots = Array.from({ length: 3_000 }, (_, a) => Array.from({ length: 150 }, (_, i) => sw(products[(a + i * 7) % 400] ?? '', `${1 + ((a + i) % 5)}.0`)));
    const assets = Array.from({ length: 3_000 }, (_, i) => asset({ id: `a${i}`, contractId: `c-${i % 3}`, siteId: `s-${i % 9}`, model: `M${i % 40}`, os: `OS ${i % 6}` }));
    const counts = countAssets(assets);
    expect(counts.total).toBe(3_000);
    expect(counts.site).toHaveLength(9);
    const rows = countSoftware(snapshots);
    expect(rows).toHaveLength(400);
    expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(3_000 * 150);
    expect(rows.reduce((sum, row) => sum + row.versions.reduce((s, v) => s + v.count, 0), 0)).toBe(3_000 * 150);
  });
});

describe('SoftwareIndex', () => {
  it('gives the same counts as countSoftware for any subset of snapshots, decoding each snapshot once', () => {
    const lists = Array.from({ length: 40 }, (_, a) =>
      Array.from({ length: 12 }, (_, i) => ({ name: i % 4 === 0 ? 'Google Chrome' : `App ${(a * 3 + i) % 17}`, version: `${(a + i) % 3}.${i % 2}`, publisher: null, source: 'dpkg' as const })),
    );
    const index = new SoftwareIndex();
    lists.forEach((list, i) => index.add(`s${i}`, encodeSnapshot(list, '2026-11-25T10:00:00.000Z', null)));
    index.add('s0', { names: ['ignored'], versions: ['1'] });
    expect(index.size).toBe(40);
    const subset = [3, 7, 8, 20, 39];
    expect(index.count(subset.map((i) => `s${i}`))).toEqual(countSoftware(subset.map((i) => decodeSnapshot(encodeSnapshot(lists[i] ?? [], '2026-11-25T10:00:00.000Z', null)))));
    expect(index.count(lists.map((_, i) => `s${i}`))).toEqual(countSoftware(lists.map((list) => decodeSnapshot(encodeSnapshot(list, '2026-11-25T10:00:00.000Z', null)))));
    expect(index.count(['missing-id'])).toEqual([]);
  });
});
