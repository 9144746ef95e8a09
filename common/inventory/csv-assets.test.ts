import { describe, expect, it } from 'vitest';
import type { Asset } from '../schemas/assets.js';
import { assetsToCsv, planAssetImport, type AssetImportContext } from './csv-assets.js';

const contracts = [
  { id: 'c-anka', code: 'ANKA', sites: [{ id: 's-anka-tuzla', name: 'Tuzla Depo', address: '', timeZone: 'Europe/Istanbul' }] },
  { id: 'c-bogaz', code: 'BOGAZ', sites: [{ id: 's-bogaz-maslak', name: 'Maslak', address: '', timeZone: 'Europe/Istanbul' }] },
];
let counter = 0;
const ctx: AssetImportContext = {
  contracts,
  existing: [{ contractId: 'c-anka', tag: 'ANKA-1003' }],
  now: new Date('2026-11-25T12:00:00Z'),
  newId: () => `id-${++counter}`,
};

describe('planAssetImport', () => {
  it('reads a ; file with BOM, Turkish headers, site by name, and builds valid assets', () => {
    const text = '\uFEFFEtiket;Tür;Sözleşme;Lokasyon;Oda;Model\r\nanka-nb-0042;notebook;ANKA;Tuzla Depo;"Kat 1; A3";ThinkPad T14\r\n';
    const plan = planAssetImport(text, ctx);
    expect(plan.issues).toEqual([]);
    expect(plan.delimiter).toBe(';');
    expect(plan.valid).toHaveLength(1);
    expect(plan.valid[0]).toMatchObject({ tag: 'ANKA-NB-0042', contractId: 'c-anka', siteId: 's-anka-tuzla', room: 'Kat 1; A3', state: 'in_stock_available', model: 'ThinkPad T14' });
  });

  it('refuses bad rows naming the row and the field, and keeps only the good rows as valid', () => {
    const text = [
      'tag,type,contract,site,state',
      'ANKA-2001,notebook,ANKA,s-anka-tuzla,in_use', // row 2: fine
      'ANKA-2002,laptop,ANKA,,', // row 3: type not in the vocabulary
      'ANKA-2003,desktop,NOPE,,', // row 4: unknown contract
      'ANKA-2004,desktop,ANKA,Kadıköy,', // row 5: site of another contract
      'ANKA-1003,monitor,ANKA,,', // row 6: tag exists already
      'anka-2001,monitor,ANKA,,', // row 7: same tag as row 2
      ',monitor,ANKA,,', // row 8: tag empty
      'ANKA-2001,monitor,BOGAZ,,in_use', // row 9: same tag, other contract: fine
      'ANKA-2009,dock,ANKA,,lost', // row 10: state not in the vocabulary
    ].join('\n');
    const plan = planAssetImport(text, ctx);
    expect(plan.rowCount).toBe(9);
    expect(plan.valid.map((asset) => [asset.tag, asset.contractId])).toEqual([
      ['ANKA-2001', 'c-anka'],
      ['ANKA-2001', 'c-bogaz'],
    ]);
    expect(plan.issues.map((issue) => [issue.row, issue.field])).toEqual([
      [3, 'type'],
      [4, 'contract'],
      [5, 'site'],
      [6, 'tag'],
      [7, 'tag'],
      [8, 'tag'],
      [10, 'state'],
    ]);
    expect(plan.issues.find((issue) => issue.row === 7)?.message).toContain('row 2');
  });

  it('names a missing required column on the header row and plans nothing', () => {
    const plan = planAssetImport('tag,model\nANKA-1,X\n', ctx);
    expect(plan.valid).toEqual([]);
    expect(plan.issues).toEqual([
      { row: 1, field: 'type', message: 'column "type" is missing' },
      { row: 1, field: 'contract', message: 'column "contract" is missing' },
    ]);
  });

  it('counts rows by physical line when a quoted field spans lines', () => {
    const plan = planAssetImport('tag,type,contract,model\nANKA-3001,dock,ANKA,"two\nlines"\nANKA-3002,nope,ANKA,x\n', ctx);
    expect(plan.issues).toMatchObject([{ row: 4, field: 'type' }]);
  });
});

describe('assetsToCsv', () => {
  it('exports contract codes and site names, and its output imports again as the same assets', () => {
    const asset: Asset = {
      id: 'a1', contractId: 'c-anka', tag: 'ANKA-4001', serial: 'SN1', type: 'monitor', manufacturer: 'Dell', model: 'P2423D, 24"',
      siteId: 's-anka-tuzla', room: 'Kat 2', assignedPersonId: null, state: 'in_use', hostname: '', os: '', hardware: {}, lockedFields: [], updatedAt: '2026-11-25T12:00:00.000Z',
    };
    const text = assetsToCsv([asset], new Map(contracts.map((c) => [c.id, c])));
    expect(text.split('\r\n')[1]).toBe('ANKA-4001,SN1,monitor,Dell,"P2423D, 24""",ANKA,Tuzla Depo,Kat 2,in_use,,');
    const plan = planAssetImport(text, { ...ctx, existing: [] });
    expect(plan.issues).toEqual([]);
    const { id: _id, ...rest } = plan.valid[0] as Asset;
    const { id: _original, ...expected } = asset;
    expect(rest).toEqual(expected);
  });
});
