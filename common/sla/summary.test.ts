import { describe, expect, it } from 'vitest';
import type { Contract } from '../schemas/contracts.js';
import type { Ticket } from '../schemas/tickets.js';
import { OFFICE_HOURS, POLICY, created, priority, status } from './fixtures.test-helpers.js';
import { slaSummaryForTicket, slaTimeZoneFor } from './summary.js';

const site = (id: string, timeZone: string) => ({ id, name: id, address: '', timeZone });
const contract = (sites: ReturnType<typeof site>[]): Pick<Contract, 'sites' | 'slaPolicy' | 'calendar'> => ({ sites, slaPolicy: POLICY, calendar: OFFICE_HOURS });
const ticket = (siteId: string | null): Pick<Ticket, 'id' | 'siteId' | 'createdAt' | 'priority' | 'status'> => ({
  id: 't-1',
  siteId,
  createdAt: '2026-11-23T06:00:00.000Z',
  priority: 2,
  status: 'in_progress',
});

describe('slaSummaryForTicket', () => {
  const sites = [site('ank', 'Europe/Istanbul'), site('ber', 'Europe/Berlin')];

  it("uses the ticket's site zone, else the contract's first site, else UTC", () => {
    expect(slaTimeZoneFor(ticket('ber'), { sites })).toEqual({ timeZone: 'Europe/Berlin', source: 'site' });
    expect(slaTimeZoneFor(ticket(null), { sites })).toEqual({ timeZone: 'Europe/Istanbul', source: 'contract' });
    expect(slaTimeZoneFor(ticket('gone'), { sites })).toEqual({ timeZone: 'Europe/Istanbul', source: 'contract' });
    expect(slaTimeZoneFor(ticket('x'), { sites: [site('x', 'Not/AZone')] })).toEqual({ timeZone: 'UTC', source: 'utc' });
    expect(slaTimeZoneFor(ticket(null), { sites: [] })).toEqual({ timeZone: 'UTC', source: 'utc' });
  });

  it('computes in the site zone: 09:00 Istanbul is 07:00 Berlin, before the 08:30 opening', () => {
    const events = [{ ...created('2026-11-23T06:00:00Z', 3), subjectId: 't-1' }, { ...status('2026-11-23T08:00:00Z', 'new', 'in_progress'), subjectId: 't-1' }];
    const inIstanbul = slaSummaryForTicket(ticket('ank'), events, contract(sites), '2026-11-23T09:00:00Z');
    const inBerlin = slaSummaryForTicket(ticket('ber'), events, contract(sites), '2026-11-23T09:00:00Z');
    expect(inIstanbul.response.elapsedBusinessMinutes).toBe(120); // 09:00–11:00 local
    expect(inBerlin.response.elapsedBusinessMinutes).toBe(30); // 08:30–09:00 local
    expect(inBerlin.timeZone).toBe('Europe/Berlin');
  });

  it('takes the target of the priority the log ends at, and skips other tickets’ events', () => {
    const events = [
      { ...created('2026-11-23T06:00:00Z', 3), subjectId: 't-1' },
      { ...priority('2026-11-23T07:00:00Z', 3, 1), subjectId: 't-1' },
      { ...priority('2026-11-23T07:30:00Z', 1, 5), subjectId: 't-other' },
    ];
    const summary = slaSummaryForTicket(ticket('ank'), events, contract(sites), '2026-11-23T08:00:00Z');
    expect(summary.priority).toBe(1);
    expect(summary.target).toEqual({ responseMinutes: 30, resolutionMinutes: 240 });
    expect(summary.resolution.targetMinutes).toBe(240);
  });

  it('falls back to the header for a ticket imported without a creation event', () => {
    const summary = slaSummaryForTicket(ticket('ank'), [], contract(sites), '2026-11-23T08:00:00Z');
    // Header: created 09:00 Istanbul, P2, already in progress → response met at creation.
    expect(summary.createdAt).toBe('2026-11-23T06:00:00.000Z');
    expect(summary.response).toMatchObject({ state: 'met', elapsedBusinessMinutes: 0, targetMinutes: 60 });
    expect(summary.resolution).toMatchObject({ state: 'running', elapsedBusinessMinutes: 120, targetMinutes: 480 });
  });
});
