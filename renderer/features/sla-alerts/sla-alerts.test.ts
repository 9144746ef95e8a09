import { describe, expect, it } from 'vitest';
import { slaSummaryForTicket } from '../../../common/sla/index.js';
import type { Contract } from '../../../common/schemas/contracts.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { alertKey, currentAlerts, decideAlerts, loadAlertMemory, saveAlertMemory, type AlertCandidate, type AlertMemory } from './sla-alerts.js';

const day = [{ start: '08:30', end: '18:00' }];
const CONTRACT: Pick<Contract, 'sites' | 'slaPolicy' | 'calendar'> = {
  sites: [{ id: 's', name: 'HQ', address: '', timeZone: 'Europe/Istanbul' }],
  calendar: { hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] }, holidays: [] },
  slaPolicy: {
    warnAtPercent: 75,
    targets: {
      p1: { responseMinutes: 30, resolutionMinutes: 240 },
      p2: { responseMinutes: 60, resolutionMinutes: 480 },
      p3: { responseMinutes: 120, resolutionMinutes: 960 },
      p4: { responseMinutes: 240, resolutionMinutes: 1920 },
      p5: { responseMinutes: 480, resolutionMinutes: 2880 },
    },
  },
};
/** Istanbul wall time on Tuesday 24 Nov 2026 (UTC+3). */
const ist = (time: string) => new Date(`2026-11-24T${time}:00+03:00`).toISOString();

const ticket = (id: string): Pick<Ticket, 'id' | 'ref' | 'title' | 'siteId' | 'createdAt' | 'priority' | 'status'> => ({
  id,
  ref: `ANKA-${id}`,
  title: `Ticket ${id}`,
  siteId: 's',
  createdAt: ist('10:00'),
  priority: 1,
  status: 'assigned',
});
const created = (id: string) => ({ id: `${id}-c`, subjectId: id, at: ist('10:00'), type: 'ticket.created', data: { status: 'assigned', priority: 1 } });

/** The app's loop: the alerts of one P1 ticket (response 30 min) evaluated at `time`. */
function alertsAt(ids: readonly string[], time: string): AlertCandidate[] {
  return currentAlerts(ids.map((id) => ({ ticket: ticket(id), summary: slaSummaryForTicket(ticket(id), [created(id)], CONTRACT, ist(time)) })));
}

function run(memory: AlertMemory, ids: readonly string[], time: string, baseline = false) {
  return decideAlerts(memory, alertsAt(ids, time), { baseline, openTicketIds: new Set(ids) });
}

describe('SLA alert scheduling', () => {
  it('fires the response warning once when it is crossed, never again on later looks, then the breach once', () => {
    let memory: AlertMemory = { seen: new Set() };
    const steps: [string, string[]][] = [];
    for (const time of ['10:00', '10:10', '10:20', '10:23', '10:24', '10:29', '10:31', '10:45']) {
      const decision = run(memory, ['t1'], time, time === '10:00');
      memory = decision.memory;
      steps.push([time, decision.individual.map((alert) => `${alert.clock}:${alert.level}`)]);
    }
    // 75 % of 30 min = 22.5 min → warning at 10:22:30; breach after 10:30.
    expect(steps).toEqual([
      ['10:00', []],
      ['10:10', []],
      ['10:20', []],
      ['10:23', ['response:warning']],
      ['10:24', []],
      ['10:29', []],
      ['10:31', ['response:breach']],
      ['10:45', []],
    ]);
  });

  it('sums up, once, what was already past when the app opened; nothing of it fires later', () => {
    const opened = run({ seen: new Set() }, ['a', 'b'], '10:25', true);
    expect(opened.individual).toEqual([]);
    expect(opened.summary.map((alert) => alert.key)).toEqual([alertKey('a', 'response', 'warning'), alertKey('b', 'response', 'warning')]);
    const next = run(opened.memory, ['a', 'b'], '10:26');
    expect(next.individual).toEqual([]);
    expect(next.summary).toEqual([]);
  });

  it('gives one breach, not a warning and a breach, for a clock that crossed both while asleep', () => {
    const morning = run({ seen: new Set() }, ['t1'], '10:05', true);
    const woke = run(morning.memory, ['t1'], '10:40');
    expect(woke.individual.map((alert) => alert.key)).toEqual([alertKey('t1', 'response', 'breach')]);
    expect(woke.memory.seen.has(alertKey('t1', 'response', 'warning'))).toBe(true);
  });

  it('sums up a burst of more than three new crossings in one notification', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const before = run({ seen: new Set() }, ids, '10:05', true);
    const burst = run(before.memory, ids, '10:23');
    expect(burst.individual).toEqual([]);
    expect(burst.summary).toHaveLength(4);
  });

  it('forgets tickets that are no longer mine, so one assigned back is announced again', () => {
    const first = run({ seen: new Set() }, ['t1'], '10:05', true);
    const warned = run(first.memory, ['t1'], '10:23');
    expect(warned.individual).toHaveLength(1);
    const reassigned = decideAlerts(warned.memory, [], { baseline: false, openTicketIds: new Set() });
    expect(reassigned.memory.seen.size).toBe(0);
    const back = run(reassigned.memory, ['t1'], '10:24');
    expect(back.individual.map((alert) => alert.key)).toEqual([alertKey('t1', 'response', 'warning')]);
  });

  it('keeps what was told across restarts (per user)', () => {
    const storage = new Map<string, string>();
    const fake = { getItem: (key: string) => storage.get(key) ?? null, setItem: (key: string, value: string) => void storage.set(key, value) };
    saveAlertMemory('u-tech', { seen: new Set([alertKey('x:1', 'resolution', 'warning')]) }, fake);
    expect([...loadAlertMemory('u-tech', fake).seen]).toEqual(['sla:x:1:resolution:warning']);
    expect(loadAlertMemory('u-other', fake).seen.size).toBe(0);
    storage.set('deskops.slaAlerts.u-bad', '{not json');
    expect(loadAlertMemory('u-bad', fake).seen.size).toBe(0);
    // A ticket id with ':' in it is still pruned by its own id.
    const kept = decideAlerts(loadAlertMemory('u-tech', fake), [], { baseline: false, openTicketIds: new Set(['x:1']) });
    expect(kept.memory.seen.size).toBe(1);
  });
});
