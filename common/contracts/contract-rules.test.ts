import { describe, expect, it } from 'vitest';
import { OFFICE_HOURS, POLICY } from '../sla/fixtures.test-helpers.js';
import type { Contract } from '../schemas/contracts.js';
import { contractIssues } from './contract-rules.js';

const base = (): Contract => ({
  id: 'c-1',
  contractId: 'c-1',
  code: 'ACME',
  name: 'Acme desktop services',
  customerName: 'Acme A.Ş.',
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
  sites: [
    { id: 's-1', name: 'HQ', address: 'İstanbul', timeZone: 'Europe/Istanbul' },
    { id: 's-2', name: 'Hamburg', address: 'Hamburg', timeZone: 'Europe/Berlin' },
  ],
  slaPolicy: structuredClone(POLICY),
  calendar: { hours: structuredClone(OFFICE_HOURS.hours), holidays: [{ date: '2026-10-29', name: 'Cumhuriyet Bayramı' }] },
  coveredCategories: ['hardware'],
  deliveryModes: ['remote'],
  updatedAt: '2026-11-25T10:00:00.000Z',
});

describe('contractIssues', () => {
  it('accepts the demo contract, split shifts and a 24:00 end', () => {
    const contract = base();
    contract.calendar.hours.sat = [{ start: '09:00', end: '12:00' }, { start: '13:00', end: '24:00' }];
    expect(contractIssues(contract)).toEqual([]);
  });

  it('names an unknown time zone by its site', () => {
    const contract = base();
    contract.sites[1] = { ...contract.sites[1]!, timeZone: 'Europe/Ankara' };
    expect(contractIssues(contract)).toEqual([expect.objectContaining({ path: 'sites.1.timeZone', rule: 'timezone_unknown' })]);
  });

  it('refuses shifts that end before they start or overlap, at the offending entry', () => {
    const contract = base();
    contract.calendar.hours.mon = [{ start: '13:00', end: '18:00' }, { start: '08:30', end: '13:30' }];
    contract.calendar.hours.tue = [{ start: '18:00', end: '08:30' }];
    expect(contractIssues(contract).map((issue) => [issue.path, issue.rule])).toEqual([
      ['calendar.hours.mon.0.start', 'interval_overlap'],
      ['calendar.hours.tue.0.end', 'interval_order'],
    ]);
  });

  it('refuses a holiday listed twice, a response target above resolution and an end before the start', () => {
    const contract = base();
    contract.calendar.holidays = [...contract.calendar.holidays, { date: '2026-10-29', name: 'again' }];
    contract.slaPolicy = { ...contract.slaPolicy, targets: { ...contract.slaPolicy.targets, p2: { responseMinutes: 600, resolutionMinutes: 480 } } };
    contract.endsOn = '2025-12-31';
    expect(contractIssues(contract).map((issue) => issue.path)).toEqual([
      'endsOn',
      'slaPolicy.targets.p2.responseMinutes',
      `calendar.holidays.${contract.calendar.holidays.length - 1}.date`,
    ]);
  });
});
