import { describe, expect, it } from 'vitest';
import type { SlaPolicy } from '../schemas/contracts.js';
import { OFFICE_HOURS, POLICY, created, ist, status } from './fixtures.test-helpers.js';
import { policyForTicket, policyRevisions, reviseSlaPolicy } from './policy-revisions.js';
import { slaSummaryForTicket } from './summary.js';

const tighter = { ...POLICY.targets, p3: { responseMinutes: 60, resolutionMinutes: 480 } };

describe('SLA policy revisions', () => {
  it('a saved change keeps the old terms as revision 1 and takes effect at the save', () => {
    const revised = reviseSlaPolicy(POLICY, { warnAtPercent: 80, targets: tighter }, '2026-11-24T07:00:00.000Z');
    expect(revised).toMatchObject({ revision: 2, effectiveFrom: '2026-11-24T07:00:00.000Z', warnAtPercent: 80 });
    expect(revised.previous).toEqual([{ revision: 1, supersededAt: '2026-11-24T07:00:00.000Z', warnAtPercent: 75, targets: POLICY.targets }]);
    // Saving the same terms again is no change at all (no empty revision).
    expect(reviseSlaPolicy(revised, { warnAtPercent: 80, targets: tighter }, '2026-11-25T07:00:00.000Z')).toBe(revised);
  });

  it('never lets a later revision start before the current one (a device clock behind)', () => {
    const second = reviseSlaPolicy(POLICY, { warnAtPercent: 80, targets: tighter }, '2026-11-24T07:00:00.000Z');
    const third = reviseSlaPolicy(second, { warnAtPercent: 90, targets: tighter }, '2026-11-20T07:00:00.000Z');
    expect(third.effectiveFrom).toBe('2026-11-24T07:00:00.001Z');
    expect(policyRevisions(third).map((revision) => revision.revision)).toEqual([1, 2, 3]);
  });

  it('picks the revision in force when the ticket was opened, whatever order the list is in', () => {
    const second = reviseSlaPolicy(POLICY, { warnAtPercent: 80, targets: tighter }, '2026-11-24T07:00:00.000Z');
    const third = reviseSlaPolicy(second, { warnAtPercent: 90, targets: tighter }, '2026-11-26T07:00:00.000Z');
    const shuffled: SlaPolicy = { ...third, previous: [...(third.previous ?? [])].reverse() };
    for (const policy of [third, shuffled]) {
      expect(policyForTicket(policy, '2026-11-23T10:00:00.000Z').applied.revision).toBe(1);
      expect(policyForTicket(policy, '2026-11-24T07:00:00.000Z').applied.revision).toBe(2);
      expect(policyForTicket(policy, '2026-11-25T10:00:00.000Z').applied.revision).toBe(2);
      expect(policyForTicket(policy, '2026-11-27T10:00:00.000Z')).toMatchObject({ applied: { revision: 3 }, latest: { revision: 3 } });
    }
  });

  it('a ticket opened before every recorded revision is judged by the oldest one', () => {
    const fresh: SlaPolicy = { ...POLICY, revision: 1, effectiveFrom: '2026-11-24T00:00:00.000Z' };
    expect(policyForTicket(fresh, '2026-11-20T00:00:00.000Z')).toMatchObject({ applied: { revision: 1 }, beforeFirstRevision: true });
  });
});

describe('slaSummaryForTicket under a revised policy', () => {
  const contract = (slaPolicy: SlaPolicy) => ({ sites: [{ id: 's', name: 's', address: '', timeZone: 'Europe/Istanbul' }], slaPolicy, calendar: OFFICE_HOURS });
  const ticket = (id: string, createdAt: string) => ({ id, siteId: 's', createdAt, priority: 3, status: 'new' as const });
  // Revision 2 (P3 resolution 480 min instead of 960) takes effect Tuesday 12:00 Istanbul.
  const revised = reviseSlaPolicy(POLICY, { warnAtPercent: 75, targets: tighter }, ist('2026-11-24 12:00'));

  it('keeps judging a ticket opened before the change by the old targets, and a newer one by the new', () => {
    const before = [{ ...created(ist('2026-11-24 09:00'), 3), subjectId: 'a' }, { ...status(ist('2026-11-24 09:30'), 'new', 'in_progress'), subjectId: 'a' }];
    const after = [{ ...created(ist('2026-11-24 13:00'), 3), subjectId: 'b' }, { ...status(ist('2026-11-24 13:30'), 'new', 'in_progress'), subjectId: 'b' }];
    const now = ist('2026-11-25 12:00');
    const old = slaSummaryForTicket(ticket('a', ist('2026-11-24 09:00')), before, contract(revised), now);
    const fresh = slaSummaryForTicket(ticket('b', ist('2026-11-24 13:00')), after, contract(revised), now);
    expect(old.resolution.targetMinutes).toBe(960);
    expect(old.policy).toMatchObject({ applied: { revision: 1 }, latest: { revision: 2 } });
    expect(fresh.resolution.targetMinutes).toBe(480);
    expect(fresh.target).toEqual({ responseMinutes: 60, resolutionMinutes: 480 });
    // 13:00–18:00 + 08:30–12:00 = 510 of 480 min: breached under revision 2 only.
    expect(fresh.resolution.level).toBe('breached');
    // 09:00–18:00 + 08:30–12:00 = 750 of 960 min: at risk (78 %), not breached, under revision 1.
    expect(old.resolution).toMatchObject({ elapsedBusinessMinutes: 750, level: 'warning' });
  });

  it('uses the creation event, not the header, to decide when the ticket was opened', () => {
    // The header says 13:00 (after the change), the log says 11:00 (before): the log decides.
    const events = [{ ...created(ist('2026-11-24 11:00'), 3), subjectId: 'c' }];
    const summary = slaSummaryForTicket(ticket('c', ist('2026-11-24 13:00')), events, contract(revised), ist('2026-11-24 14:00'));
    expect(summary.policy.applied.revision).toBe(1);
  });
});
