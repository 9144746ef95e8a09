import { describe, expect, it } from 'vitest';
import type { Contract } from '../../../common/schemas/contracts.js';
import { CONTRACT } from '../tickets/ticket-test-db.js';
import { applyForm, changedSections, formFromContract, formProblems, overlappingSections, type ContractForm } from './contract-form.js';

const NOW = '2026-11-26T07:00:00.000Z';
const contract = (): Contract => structuredClone(CONTRACT);
const edit = (form: ContractForm, patch: Partial<ContractForm>): ContractForm => ({ ...form, ...patch });

describe('contract form', () => {
  it('round-trips a contract unchanged: nothing to save, no problems', () => {
    const current = contract();
    const base = formFromContract(current);
    expect(changedSections(base, base)).toEqual([]);
    expect(applyForm(current, base, base, NOW)).toBe(current);
    expect(formProblems(current, base, base).size).toBe(0);
  });

  it('a new P1 target becomes policy revision 2 effective at the save; the rest stays', () => {
    const current = contract();
    const base = formFromContract(current);
    const form = edit(base, { targets: { ...base.targets, p1: { responseMinutes: 15, resolutionMinutes: '180' } } });
    expect(changedSections(base, form)).toEqual(['policy']);
    const next = applyForm(current, base, form, NOW);
    expect(next.slaPolicy).toMatchObject({ revision: 2, effectiveFrom: NOW, targets: { p1: { responseMinutes: 15, resolutionMinutes: 180 } } });
    expect(next.slaPolicy.previous?.[0]).toMatchObject({ revision: 1, targets: { p1: { responseMinutes: 30, resolutionMinutes: 240 } } });
    expect(next.calendar).toEqual(current.calendar);
    expect(next.updatedAt).toBe(NOW);
  });

  it('keeps a colleague’s change to another section that synced in while editing, and names overlaps', () => {
    const original = contract();
    const base = formFromContract(original);
    const mine = edit(base, { holidays: [{ date: '2026-12-31', name: 'Yıl sonu' }] });
    const theirs: Contract = { ...original, name: 'Renamed by a colleague' };
    const next = applyForm(theirs, base, mine, NOW);
    expect(next.name).toBe('Renamed by a colleague');
    expect(next.calendar.holidays).toEqual([{ date: '2026-12-31', name: 'Yıl sonu' }]);
    expect(overlappingSections(base, theirs, mine)).toEqual([]);
    expect(overlappingSections(base, theirs, edit(mine, { name: 'Mine' }))).toEqual(['general']);
  });

  it('shows what a person must fix under the right field, in their words', () => {
    const current = contract();
    const base = formFromContract(current);
    const form = edit(base, {
      name: ' ',
      warnAtPercent: 100,
      targets: { ...base.targets, p2: { responseMinutes: '', resolutionMinutes: 12.5 } },
      holidays: [{ date: '2026-10-29', name: '' }],
      deliveryModes: [],
    });
    const problems = formProblems(current, base, form);
    expect(Object.fromEntries(problems)).toEqual({
      name: { key: 'contracts.error.required' },
      deliveryModes: { key: 'contracts.error.deliveryModes' },
      'slaPolicy.warnAtPercent': { key: 'contracts.error.range', params: { min: 1, max: 99 } },
      'slaPolicy.targets.p2.responseMinutes': { key: 'contracts.error.integer' },
      'slaPolicy.targets.p2.resolutionMinutes': { key: 'contracts.error.integer' },
      'calendar.holidays.0.name': { key: 'contracts.error.required' },
    });
  });

  it('lets holidays migrated without a name be saved as they are, but not new unnamed ones', () => {
    const current: Contract = { ...contract(), calendar: { ...contract().calendar, holidays: [{ date: '2026-10-29', name: '' }] } };
    const base = formFromContract(current);
    const policyOnly = edit(base, { warnAtPercent: 80 });
    expect(formProblems(current, base, policyOnly).size).toBe(0);
    const added = edit(base, { holidays: [...base.holidays, { date: '2026-12-31', name: ' ' }] });
    expect(Object.fromEntries(formProblems(current, base, added))).toEqual({ 'calendar.holidays.1.name': { key: 'contracts.error.required' } });
  });

  it('applies the shared contract rules (the server’s) at the form’s own positions', () => {
    const current = contract();
    const base = formFromContract(current);
    const form = edit(base, {
      sites: [...base.sites, { id: 's-new', name: 'Hamburg', address: '', timeZone: 'Europe/Hamburg' }],
      hours: { ...base.hours, sat: [{ start: '12:00', end: '10:00' }] },
      holidays: [{ date: '2026-10-29', name: 'Cumhuriyet Bayramı' }, { date: '2026-10-29', name: 'again' }],
      targets: { ...base.targets, p3: { responseMinutes: 2000, resolutionMinutes: 960 } },
    });
    expect(Object.fromEntries(formProblems(current, base, form))).toEqual({
      'sites.2.timeZone': { key: 'contracts.rule.timezone_unknown' },
      'slaPolicy.targets.p3.responseMinutes': { key: 'contracts.rule.response_after_resolution' },
      'calendar.hours.sat.0.end': { key: 'contracts.rule.interval_order' },
      'calendar.holidays.1.date': { key: 'contracts.rule.holiday_duplicate' },
    });
  });

  it('reads an end of 00:00 as midnight (24:00), with split shifts', () => {
    const current = contract();
    const base = formFromContract(current);
    const form = edit(base, { hours: { ...base.hours, sat: [{ start: '09:00', end: '13:00' }, { start: '18:00', end: '00:00' }] } });
    expect(formProblems(current, base, form).size).toBe(0);
    expect(applyForm(current, base, form, NOW).calendar.hours.sat).toEqual([
      { start: '09:00', end: '13:00' },
      { start: '18:00', end: '24:00' },
    ]);
  });
});
