import { describe, expect, it } from 'vitest';
import { validateDocument } from '../validation/validate.js';
import { checkTimeEntry, splitMinutes, timeEntries, worklogReport, worklogTotals, worklogTotalsByTicket, type WorklogEvent } from './worklog.js';

let n = 0;
const event = (type: string, data: Record<string, unknown>, extra: Partial<WorklogEvent> = {}): WorklogEvent => ({
  id: `e-${++n}`,
  type,
  at: `2026-11-2${n % 9}T10:00:00.000Z`,
  authorId: 'u-tech',
  subjectId: 't-1',
  data,
  ...extra,
});
const time = (kind: 'travel' | 'work', minutes: number, date = '2026-11-24', extra: Partial<WorklogEvent> = {}) => event('ticket.time', { kind, minutes, date }, extra);

describe('worklog totals', () => {
  it('adds travel and work apart, counts photos, and ignores other events', () => {
    const events = [time('travel', 45), time('work', 90), time('work', 30), event('ticket.photo', { sha256: 'a'.repeat(64), mime: 'image/png', size: 10, source: 'file' }), event('ticket.note', { text: 'x', visibility: 'internal' })];
    expect(worklogTotals(events)).toEqual({ travelMinutes: 45, workMinutes: 120, totalMinutes: 165, entries: 3, photos: 1 });
  });

  it('counts an entry once however often it synced, and never a voided one', () => {
    const entry = time('work', 60);
    const wrong = time('work', 600);
    const voided = event('ticket.time_void', { entryId: wrong.id, reason: 'typed 600 instead of 60' });
    const totals = worklogTotals([entry, entry, wrong, voided, voided]);
    expect(totals).toMatchObject({ workMinutes: 60, entries: 1 });
    const listed = timeEntries([entry, wrong, voided]);
    expect(listed.find((item) => item.id === wrong.id)?.voided).toMatchObject({ reason: 'typed 600 instead of 60', authorId: 'u-tech' });
  });

  it("ignores a void by someone other than the entry's author, unless a supervisor made it", () => {
    const entry = time('work', 60);
    const byColleague = event('ticket.time_void', { entryId: entry.id }, { authorId: 'u-tech2' });
    expect(worklogTotals([entry, byColleague])).toMatchObject({ workMinutes: 60 });
    expect(worklogTotals([entry, byColleague], { supervisors: new Set(['u-tech2']) })).toMatchObject({ workMinutes: 0, entries: 0 });
  });

  it('gives the same totals in any order (events arrive from several devices)', () => {
    const events = [time('travel', 20, '2026-11-23'), time('work', 35, '2026-11-24'), time('work', 50, '2026-11-22')];
    const voided = event('ticket.time_void', { entryId: events[1]!.id });
    const orders = [[...events, voided], [voided, ...events].reverse(), [events[2]!, voided, events[0]!, events[1]!]];
    const results = orders.map((order) => worklogTotals(order));
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    expect(results[0]).toMatchObject({ travelMinutes: 20, workMinutes: 50 });
    expect(timeEntries(orders[1]!).map((entry) => entry.date)).toEqual(['2026-11-24', '2026-11-23', '2026-11-22']);
  });

  it('splits totals per ticket', () => {
    const byTicket = worklogTotalsByTicket([time('work', 10, '2026-11-24', { subjectId: 'a' }), time('travel', 15, '2026-11-24', { subjectId: 'b' }), time('work', 5, '2026-11-24', { subjectId: 'a' })]);
    expect(byTicket.get('a')).toMatchObject({ workMinutes: 15, travelMinutes: 0 });
    expect(byTicket.get('b')).toMatchObject({ workMinutes: 0, travelMinutes: 15 });
  });

  it('splits minutes into hours and minutes', () => {
    expect(splitMinutes(125)).toEqual({ hours: 2, minutes: 5 });
    expect(splitMinutes(0)).toEqual({ hours: 0, minutes: 0 });
  });
});

describe('worklog report', () => {
  it('sums one person’s days per ticket, leaving out other days, other people and voided entries', () => {
    const mine = (ticket: string, kind: 'travel' | 'work', minutes: number, date: string) => time(kind, minutes, date, { subjectId: ticket });
    const voidedEntry = mine('a', 'work', 500, '2026-11-24');
    const events = [
      mine('a', 'travel', 30, '2026-11-23'),
      mine('a', 'work', 90, '2026-11-24'),
      mine('b', 'work', 200, '2026-11-25'),
      mine('b', 'work', 60, '2026-11-16'),
      time('work', 45, '2026-11-24', { subjectId: 'a', authorId: 'u-tech2' }),
      voidedEntry,
      event('ticket.time_void', { entryId: voidedEntry.id }),
    ];
    const report = worklogReport(events, { fromDate: '2026-11-23', toDate: '2026-11-29', authorId: 'u-tech' });
    expect(report.rows).toEqual([
      { ticketId: 'b', travelMinutes: 0, workMinutes: 200, totalMinutes: 200, entries: 1 },
      { ticketId: 'a', travelMinutes: 30, workMinutes: 90, totalMinutes: 120, entries: 2 },
    ]);
    expect(report.totals).toEqual({ travelMinutes: 30, workMinutes: 290, totalMinutes: 320, entries: 3 });
    expect(worklogReport(events, { fromDate: '2026-11-23', toDate: '2026-11-29', authorId: null }).totals.totalMinutes).toBe(365);
  });
});

describe('time entry form', () => {
  const ok = { kind: 'work', hours: 1, minutes: 30, date: '2026-11-24', note: '' };
  it('accepts a normal entry and names the field of a bad one', () => {
    expect(checkTimeEntry(ok, '2026-11-24')).toBeNull();
    expect(checkTimeEntry({ ...ok, kind: '' }, '2026-11-24')).toEqual({ field: 'kind', problem: 'kind' });
    expect(checkTimeEntry({ ...ok, hours: 0, minutes: 0 }, '2026-11-24')).toEqual({ field: 'duration', problem: 'duration_missing' });
    expect(checkTimeEntry({ ...ok, hours: 24, minutes: 1 }, '2026-11-24')).toEqual({ field: 'duration', problem: 'duration_too_long' });
    expect(checkTimeEntry({ ...ok, hours: '1.5' }, '2026-11-24')).toEqual({ field: 'duration', problem: 'duration_missing' });
    expect(checkTimeEntry({ ...ok, date: '2026-02-30' }, '2026-11-24')).toEqual({ field: 'date', problem: 'date_invalid' });
    expect(checkTimeEntry({ ...ok, date: '2026-11-25' }, '2026-11-24')).toEqual({ field: 'date', problem: 'date_future' });
  });
});

describe('worklog events against the shared schema', () => {
  const base = { id: 'e-x', contractId: 'c-anka', subjectType: 'ticket', subjectId: 't-1', at: '2026-11-24T10:00:00.000Z', authorId: 'u-tech', deviceId: 'd' };
  it('accepts time entries and photos as the server will, and refuses a bad one with its path', () => {
    expect(validateDocument('events', { ...base, type: 'ticket.time', data: { kind: 'travel', minutes: 45, date: '2026-11-24', note: 'Tuzla' } })).toEqual({ ok: true });
    expect(validateDocument('events', { ...base, type: 'ticket.photo', data: { sha256: 'f'.repeat(64), mime: 'image/jpeg', size: 1000, source: 'camera', width: 640, height: 480 } })).toEqual({ ok: true });
    expect(validateDocument('events', { ...base, type: 'ticket.time', data: { kind: 'work', minutes: 2000, date: '2026-11-24' } })).toMatchObject({ ok: false, issue: { path: 'data.minutes' } });
    expect(validateDocument('events', { ...base, type: 'ticket.photo', data: { sha256: 'nothex', mime: 'image/jpeg', size: 1, source: 'file' } })).toMatchObject({ ok: false, issue: { path: 'data.sha256' } });
    expect(validateDocument('events', { ...base, type: 'ticket.photo', data: { sha256: 'f'.repeat(64), mime: 'image/gif', size: 1, source: 'file' } })).toMatchObject({ ok: false, issue: { path: 'data.mime' } });
  });
});
