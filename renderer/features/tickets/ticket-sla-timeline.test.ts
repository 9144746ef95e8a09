import { describe, expect, it } from 'vitest';
import { slaSummaryForTicket } from '../../../common/sla/index.js';
import { TICKETS_EN } from './messages-en.js';
import { TICKETS_TR } from './messages-tr.js';
import { describeSlaEntry } from './ticket-sla-timeline.js';

const fill = (messages: Readonly<Record<string, string>>) => (key: string, params?: Record<string, string | number>) =>
  (messages[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params?.[name] ?? `{${name}}`));
const en = fill(TICKETS_EN);
const tr = fill(TICKETS_TR);

const day = [{ start: '09:00', end: '18:00' }];
const CONTRACT = {
  sites: [{ id: 's', name: 'HQ', address: 'Levent', timeZone: 'Europe/Istanbul' }],
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

// P1, Tue 24 Nov 09:00 İstanbul: start 10:00 (response late), waiting for the user 10:30,
// priority P1 → P3 on Wednesday 09:00 while waiting, resumed 09:00, resolved 10:30.
const events = [
  { id: 'e0', at: '2026-11-24T06:00:00.000Z', type: 'ticket.created', data: { status: 'new', priority: 1 } },
  { id: 'e1', at: '2026-11-24T07:00:00.000Z', type: 'ticket.status', data: { from: 'new', to: 'in_progress' } },
  { id: 'e2', at: '2026-11-24T07:30:00.000Z', type: 'ticket.status', data: { from: 'in_progress', to: 'waiting', waitingReason: 'user' } },
  { id: 'e3', at: '2026-11-25T06:00:00.000Z', type: 'ticket.priority', data: { from: 1, to: 3 } },
  { id: 'e4', at: '2026-11-25T06:00:00.000Z', type: 'ticket.status', data: { from: 'waiting', to: 'in_progress' } },
  { id: 'e5', at: '2026-11-25T07:30:00.000Z', type: 'ticket.status', data: { from: 'in_progress', to: 'resolved' } },
];
const ticket = { id: 't', siteId: 's', createdAt: events[0]!.at, priority: 1, status: 'resolved' as const };
const summary = slaSummaryForTicket(ticket, events, CONTRACT, '2026-11-27T09:00:00.000Z');
const byId = new Map(events.map((event) => [event.id, event]));

describe('SLA timeline wording', () => {
  it('explains every entry in English from its kind, clock, numbers and causing event', () => {
    expect(summary.timeline.map((entry) => describeSlaEntry(entry, byId, CONTRACT.slaPolicy, en).text)).toEqual([
      'Response clock started (target 30 min)',
      'Resolution clock started (target 4 h 00 min)',
      'Response warning: 75% of the 30 min target used',
      'Response breached: the 30 min target ran out',
      'Response stopped late: status → In progress (1 h 00 min of 30 min)',
      'Resolution clock paused: waiting for User',
      'Resolution: priority P1 → P3, target now 16 h 00 min, 1 h 30 min kept',
      'Resolution clock resumed: status → In progress',
      'Resolution met: status → Resolved (3 h 00 min of 16 h 00 min)',
    ]);
  });

  it('says the same in Turkish, never the engine’s English message', () => {
    const lines = summary.timeline.map((entry) => describeSlaEntry(entry, byId, CONTRACT.slaPolicy, tr).text);
    expect(lines[0]).toBe('Yanıt saati başladı (hedef 30 dk)');
    expect(lines[5]).toBe('Çözüm saati duraklatıldı: Kullanıcı bekleniyor');
    expect(lines.at(-1)).toBe('Çözüm karşılandı: durum → Çözüldü (3 sa 00 dk / 16 sa 00 dk)');
    for (const [index, line] of lines.entries()) expect(line).not.toBe(summary.timeline[index]!.message);
  });

  it('colours breaches red and verdicts green', () => {
    const colors = summary.timeline.map((entry) => describeSlaEntry(entry, byId, CONTRACT.slaPolicy, en).color);
    expect(colors[3]).toBe('red');
    expect(colors.at(-1)).toBe('green');
  });
});
