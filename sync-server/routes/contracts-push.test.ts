import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviseSlaPolicy } from '../../common/sla/policy-revisions.js';
import type { Contract } from '../../common/schemas/contracts.js';
import type { DemoUsername } from '../demo/accounts.js';
import type { RunningServer } from '../start.js';
import { push, type Doc } from '../testing/http-client.js';
import { signInAll, storedSeq, storedWire } from '../testing/session.js';
import { startServerOn, storeKinds } from '../testing/store-matrix.js';

/** Contracts are edited by supervisors and admins, checked with the editor's own rules. */
describe.each(storeKinds())('%s store', (kind) => {
  let server: RunningServer;
  let token: Record<DemoUsername, string>;
  beforeAll(async () => {
    server = await startServerOn(kind);
    token = await signInAll(server, ['tech', 'sup']);
  });
  afterAll(async () => server.close());

  const stored = async () => (await storedWire(server, 'contracts', 'c-anka')) as unknown as Contract & Doc;

  it('takes a supervisor’s new SLA revision and named holidays', async () => {
    const base = await stored();
    const next: Contract = {
      ...base,
      slaPolicy: reviseSlaPolicy(base.slaPolicy, { ...base.slaPolicy, warnAtPercent: 80 }, '2026-11-24T07:00:00.000Z'),
      calendar: { ...base.calendar, holidays: [...base.calendar.holidays, { date: '2026-12-31', name: 'Yıl sonu' }] },
      updatedAt: '2026-11-24T07:00:00.000Z',
    };
    const answer = await push(server.url, token.sup, 'contracts', [{ assumedMasterState: base, newDocumentState: next }]);
    expect(answer.status).toBe(200);
    expect((await stored()).slaPolicy).toMatchObject({ revision: 2, warnAtPercent: 80, previous: [{ revision: 1, warnAtPercent: 75 }] });
  });

  it('refuses a technician (403) and writes nothing', async () => {
    const base = await stored();
    const seq = await storedSeq(server, 'contracts', 'c-anka');
    const answer = await push(server.url, token.tech, 'contracts', [{ assumedMasterState: base, newDocumentState: { ...base, name: 'Mine now' } }]);
    expect(answer.status).toBe(403);
    expect(answer.body).toMatchObject({ code: 'ROLE_FORBIDDEN' });
    expect(await storedSeq(server, 'contracts', 'c-anka')).toBe(seq);
  });

  it('refuses a time zone the server does not know, naming the site field, and writes nothing', async () => {
    const base = await stored();
    const seq = await storedSeq(server, 'contracts', 'c-anka');
    const sites = base.sites.map((site, index) => (index === 2 ? { ...site, timeZone: 'Europe/Hamburg' } : site));
    const answer = await push(server.url, token.sup, 'contracts', [{ assumedMasterState: base, newDocumentState: { ...base, sites } }]);
    expect(answer.status).toBe(422);
    expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', docId: 'c-anka', path: 'sites.2.timeZone' });
    expect(await storedSeq(server, 'contracts', 'c-anka')).toBe(seq);
  });

  it('refuses overlapping shifts and unnamed-date duplicates with their paths', async () => {
    const base = await stored();
    const overlap = { ...base, calendar: { ...base.calendar, hours: { ...base.calendar.hours, mon: [{ start: '08:00', end: '13:00' }, { start: '12:00', end: '18:00' }] } } };
    expect((await push(server.url, token.sup, 'contracts', [{ assumedMasterState: base, newDocumentState: overlap }])).body).toMatchObject({ path: 'calendar.hours.mon.1.start' });
    const holidays = [...base.calendar.holidays, { date: '2026-10-29', name: 'again' }];
    const duplicate = { ...base, calendar: { ...base.calendar, holidays } };
    expect((await push(server.url, token.sup, 'contracts', [{ assumedMasterState: base, newDocumentState: duplicate }])).body).toMatchObject({
      path: `calendar.holidays.${holidays.length - 1}.date`,
    });
  });
});
