import { createRxDatabase } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { contractSchema } from '../../common/schemas/contracts.js';
import { migrateContractToV1 } from '../../common/schemas/contract-migration.js';
import { openDatabase } from './database.js';
import { testStorage } from './test-storage.js';

/** The contracts schema as version 0 had it: holidays were bare dates. */
const CONTRACT_SCHEMA_V0 = (() => {
  const schema = structuredClone(contractSchema) as unknown as { version: number; properties: { calendar: { properties: { holidays: unknown } } } };
  schema.version = 0;
  schema.properties.calendar.properties.holidays = { type: 'array', items: { type: 'string', format: 'date' }, maxItems: 400 };
  return schema;
})();

const V0_CONTRACT = {
  id: 'c-old',
  contractId: 'c-old',
  code: 'OLD',
  name: 'Old contract',
  customerName: 'Old A.Ş.',
  startsOn: '2026-01-01',
  endsOn: null,
  sites: [{ id: 's-1', name: 'HQ', address: '', timeZone: 'Europe/Istanbul' }],
  slaPolicy: {
    warnAtPercent: 75,
    targets: {
      p1: { responseMinutes: 30, resolutionMinutes: 240 },
      p2: { responseMinutes: 60, resolutionMinutes: 480 },
      p3: { responseMinutes: 240, resolutionMinutes: 1440 },
      p4: { responseMinutes: 480, resolutionMinutes: 2880 },
      p5: { responseMinutes: 960, resolutionMinutes: 5760 },
    },
  },
  calendar: { hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: ['2026-01-01', '2026-10-29'] },
  coveredCategories: ['hardware'],
  deliveryModes: ['remote'],
  updatedAt: '2026-01-05T08:00:00.000Z',
};

describe('local replica schema upgrades', () => {
  it('migrates contracts stored with schema 0 when the app opens with schema 1', async () => {
    const name = `db-migrate-${Date.now()}`;
    const storage = testStorage();
    const old = await createRxDatabase({ name, storage, multiInstance: false });
    await old.addCollections({ contracts: { schema: CONTRACT_SCHEMA_V0 as never } });
    await old.collections['contracts']!.insert(V0_CONTRACT);
    await old.close();

    const db = await openDatabase({ name, storage });
    const migrated = (await db.contracts.findOne('c-old').exec())?.toJSON();
    expect(migrated?.calendar.holidays).toEqual([
      { date: '2026-01-01', name: '' },
      { date: '2026-10-29', name: '' },
    ]);
    const { _rev, _meta, _attachments, _deleted, ...body } = migrated as unknown as Record<string, unknown>;
    void [_rev, _meta, _attachments, _deleted];
    expect(body).toEqual(migrateContractToV1(V0_CONTRACT));
    await db.close();
  });
});
