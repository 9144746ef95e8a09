import { describe, expect, it } from 'vitest';
import { slaSummaryForTicket, type SlaSummary } from '../../../common/sla/index.js';
import { atRiskRows, breachedRows, metRates, openByAge, openByAssignee, slaRows, type ReportTicket } from './sla-report.js';

/** Mon–Fri 09:00–18:00 in İstanbul (UTC+3 all year): 540 business minutes a day. */
const day = [{ start: '09:00', end: '18:00' }];
const CONTRACT = {
  sites: [{ id: 's-ist', name: 'HQ', address: 'Levent', timeZone: 'Europe/Istanbul' }],
  calendar: { hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, holidays: [] },
  slaPolicy: {
    warnAtPercent: 75,
    targets: {
      p1: { responseMinutes: 30, resolutionMinutes: 240 },
      p2: { responseMinutes: 60, resolutionMinutes: 480 },
      p3: { responseMinutes: 120, resolutionMinutes: 960 },
      p4: { responseMinutes: 240, resolutionMinutes: 1920 },
      p5: { responseMinutes: 480, resolutionMinutes: 3840 },
    },
  },
};

/** Friday 27 Nov 2026, 12:00 in İstanbul. */
const NOW = '2026-11-27T09:00:00.000Z';
/** Monday 23 Nov 00:00 to Saturday 28 Nov 00:00, İstanbul. */
const WEEK = { from: '2026-11-22T21:00:00.000Z', to: '2026-11-27T21:00:00.000Z' };

type Step = readonly [at: string, to: string, waitingReason?: string];

function ticket(id: string, contractId: string, priority: number, createdAt: string, steps: readonly Step[], assigneeId: string | null = 'u-1') {
  const last = steps.at(-1)?.[1] ?? 'new';
  const header: ReportTicket & { siteId: string; priority: number } = { id, ref: `REF-${id}`, title: `Ticket ${id}`, contractId, status: last as ReportTicket['status'], assigneeId, createdAt, siteId: 's-ist', priority };
  const events = [
    { id: `${id}-0`, at: createdAt, type: 'ticket.created', data: { status: 'new', priority } },
    ...steps.map(([at, to, waitingReason], index) => ({ id: `${id}-${index + 1}`, at, type: 'ticket.status', data: { to, ...(waitingReason ? { waitingReason } : {}) } })),
  ];
  return { header, summary: slaSummaryForTicket(header, events, CONTRACT, NOW) };
}

// Hand-computed in business minutes (İstanbul local times in comments).
const TICKETS = [
  // A/P3: Mon 10:00 → start 10:30 → resolved 16:00: resolution 360 of 960, met; response 30 of 120, met.
  ticket('t1', 'A', 3, '2026-11-23T07:00:00.000Z', [['2026-11-23T07:30:00.000Z', 'in_progress'], ['2026-11-23T13:00:00.000Z', 'resolved']]),
  // A/P1: Mon 15:00 → start 15:10 → resolved Tue 11:00: 180 + 120 = 300 of 240, breached Tue 10:00.
  ticket('t2', 'A', 1, '2026-11-23T12:00:00.000Z', [['2026-11-23T12:10:00.000Z', 'in_progress'], ['2026-11-24T08:00:00.000Z', 'resolved']]),
  // B/P1: Tue 09:00 → start 10:00 (response 60 of 30: breached 09:30) → waiting (user) 10:30 →
  // resume Wed 09:00 → resolved 10:30: resolution 90 + 90 = 180 of 240, met despite a night and a pause.
  ticket('t3', 'B', 1, '2026-11-24T06:00:00.000Z', [
    ['2026-11-24T07:00:00.000Z', 'in_progress'],
    ['2026-11-24T07:30:00.000Z', 'waiting', 'user'],
    ['2026-11-25T06:00:00.000Z', 'in_progress'],
    ['2026-11-25T07:30:00.000Z', 'resolved'],
  ]),
  // B/P3: Mon 09:00, in progress since 09:05, open at Fri 12:00: 4 × 540 + 180 = 2340 of 960,
  // breached Tue 16:00 (540 + 420).
  ticket('t4', 'B', 3, '2026-11-23T06:00:00.000Z', [['2026-11-23T06:05:00.000Z', 'in_progress']], 'u-2'),
  // A/P3: Thu 09:00, in progress: 540 + 180 = 720 of 960 = 75 % → at risk.
  ticket('t5', 'A', 3, '2026-11-26T06:00:00.000Z', [['2026-11-26T06:10:00.000Z', 'in_progress']]),
  // A/P3: Thu 09:00, waiting (vendor) since Thu 17:00: 480 of 960, paused, not at risk.
  ticket('t6', 'A', 3, '2026-11-26T06:00:00.000Z', [['2026-11-26T06:30:00.000Z', 'in_progress'], ['2026-11-26T14:00:00.000Z', 'waiting', 'vendor']], null),
];
const summaries = new Map<string, SlaSummary>(TICKETS.map(({ header, summary }) => [header.id, summary]));
const rows = slaRows(TICKETS.map(({ header }) => header), summaries);

describe('SLA report aggregation', () => {
  it('computes the per-ticket clocks the expectations below rely on', () => {
    const byId = new Map(rows.map((row) => [row.ticket.id, row]));
    expect(byId.get('t1')?.resolution).toMatchObject({ state: 'met', elapsedBusinessMinutes: 360 });
    expect(byId.get('t2')?.resolution).toMatchObject({ state: 'breached', elapsedBusinessMinutes: 300, breachedAt: '2026-11-24T07:00:00.000Z' });
    expect(byId.get('t3')?.response).toMatchObject({ state: 'breached', elapsedBusinessMinutes: 60, breachedAt: '2026-11-24T06:30:00.000Z' });
    expect(byId.get('t3')?.resolution).toMatchObject({ state: 'met', elapsedBusinessMinutes: 180 });
    expect(byId.get('t4')?.resolution).toMatchObject({ state: 'running', level: 'breached', elapsedBusinessMinutes: 2340, breachedAt: '2026-11-24T13:00:00.000Z' });
    expect(byId.get('t5')?.resolution).toMatchObject({ state: 'running', level: 'warning', elapsedBusinessMinutes: 720, percentUsed: 75 });
    expect(byId.get('t6')?.resolution).toMatchObject({ state: 'paused', level: 'ok', elapsedBusinessMinutes: 480 });
  });

  it('gives met % per contract and per priority over verdicts reached in the period', () => {
    expect(metRates(rows, 'resolution', WEEK, (row) => row.ticket.contractId)).toEqual([
      { key: 'A', met: 1, breached: 1, percent: 50 },
      { key: 'B', met: 1, breached: 0, percent: 100 },
    ]);
    expect(metRates(rows, 'resolution', WEEK, (row) => `P${row.priority}`)).toEqual([
      { key: 'P1', met: 1, breached: 1, percent: 50 },
      { key: 'P3', met: 1, breached: 0, percent: 100 },
    ]);
    // Response: A met four times (t1, t2, t5, t6); B met once (t4) and breached once (t3).
    expect(metRates(rows, 'response', WEEK, (row) => row.ticket.contractId)).toEqual([
      { key: 'A', met: 4, breached: 0, percent: 100 },
      { key: 'B', met: 1, breached: 1, percent: 50 },
    ]);
  });

  it('counts a verdict only in the period it was reached', () => {
    // Monday only: t1 met that day; t2 was resolved on Tuesday.
    const monday = { from: '2026-11-22T21:00:00.000Z', to: '2026-11-23T21:00:00.000Z' };
    expect(metRates(rows, 'resolution', monday, (row) => row.ticket.contractId)).toEqual([{ key: 'A', met: 1, breached: 0, percent: 100 }]);
    const lastWeek = { from: '2026-11-15T21:00:00.000Z', to: '2026-11-22T21:00:00.000Z' };
    expect(metRates(rows, 'resolution', lastWeek, (row) => row.ticket.contractId)).toEqual([]);
  });

  it('lists breaches in the period and live overdue tickets, earliest breach first', () => {
    expect(breachedRows(rows, WEEK).map((row) => row.ticket.id)).toEqual(['t3', 't2', 't4']);
    // A later period still lists t4: it is open and overdue now.
    expect(breachedRows(rows, { from: '2026-12-01T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z' }).map((row) => row.ticket.id)).toEqual(['t4']);
  });

  it('lists at-risk tickets, pause-aware', () => {
    expect(atRiskRows(rows).map((row) => row.ticket.id)).toEqual(['t5']);
  });

  it('buckets open tickets by calendar age and by assignee', () => {
    const open = rows.filter((row) => ['running', 'paused'].includes(row.resolution.state)).map((row) => row.ticket);
    expect(open.map((ticket) => ticket.id)).toEqual(['t4', 't5', 't6']);
    // t4 is 4 days 3 h old; t5 and t6 1 day 3 h.
    expect(openByAge(open, new Date(NOW))).toEqual({ lt1d: 0, d1to3: 2, d3to7: 1, gt7d: 0 });
    expect(openByAssignee(open)).toEqual([
      { assigneeId: 'u-1', count: 1 },
      { assigneeId: 'u-2', count: 1 },
      { assigneeId: null, count: 1 },
    ]);
  });
});
