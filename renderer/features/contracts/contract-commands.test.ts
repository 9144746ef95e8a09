import { afterEach, describe, expect, it } from 'vitest';
import type { DeskDatabase } from '../../db/database.js';
import { openTestDatabase, T0 } from '../tickets/ticket-test-db.js';
import { saveContract } from './contract-commands.js';
import { formFromContract } from './contract-form.js';

const open: DeskDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.close();
});

async function database() {
  const db = await openTestDatabase();
  open.push(db);
  const stored = (await db.contracts.findOne('c-acme').exec())!.toMutableJSON();
  return { db, base: formFromContract(stored) };
}

describe('saveContract', () => {
  it('writes a supervisor’s holidays and new targets to the local replica', async () => {
    const { db, base } = await database();
    const form = { ...base, holidays: [{ date: '2026-12-31', name: 'Yıl sonu' }], warnAtPercent: 80 };
    const result = await saveContract({ db, role: 'supervisor', now: T0 }, 'c-acme', base, form);
    expect(result.ok).toBe(true);
    const stored = (await db.contracts.findOne('c-acme').exec())!.toMutableJSON();
    expect(stored.calendar.holidays).toEqual([{ date: '2026-12-31', name: 'Yıl sonu' }]);
    expect(stored.slaPolicy).toMatchObject({ revision: 2, warnAtPercent: 80, effectiveFrom: T0.toISOString() });
  });

  it('refuses a technician and a form with problems, and writes nothing', async () => {
    const { db, base } = await database();
    const before = (await db.contracts.findOne('c-acme').exec())!.toMutableJSON();
    expect(await saveContract({ db, role: 'technician', now: T0 }, 'c-acme', base, { ...base, name: 'Mine' })).toMatchObject({ ok: false, error: { code: 'ROLE_FORBIDDEN' } });
    const bad = await saveContract({ db, role: 'admin', now: T0 }, 'c-acme', base, { ...base, sites: [{ ...base.sites[0]!, timeZone: 'Mars/Olympus' }, ...base.sites.slice(1)] });
    expect(bad.ok).toBe(false);
    expect('problems' in bad && Object.fromEntries(bad.problems)).toEqual({ 'sites.0.timeZone': { key: 'contracts.rule.timezone_unknown' } });
    expect((await db.contracts.findOne('c-acme').exec())!.toMutableJSON()).toEqual(before);
  });
});
