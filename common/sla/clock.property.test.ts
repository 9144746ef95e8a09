import { describe, expect, it } from 'vitest';
import { WAITING_REASONS, type TicketStatus } from '../domain/vocabulary.js';
import { allowedTransitions } from '../tickets/status-machine.js';
import type { BusinessCalendar } from '../schemas/contracts.js';
import { computeSla } from './clock.js';
import { EVERY_DAY_OFFICE_HOURS, OFFICE_HOURS, POLICY, ROUND_THE_CLOCK } from './fixtures.test-helpers.js';
import { randomInt, seededRandom, shuffled } from './random.test-helpers.js';
import type { SlaEvent, SlaResult } from './types.js';

/**
 * Seeded properties over random ticket histories (Europe/Berlin, start dates all over 2026 so
 * both DST switches are crossed). A failure prints the seed's ticket; rerun with the same seed.
 */

const MINUTE = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();
const RUNNING: readonly TicketStatus[] = ['new', 'assigned', 'in_progress'];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** A plausible offline history: mostly valid transitions, with ties, early device times and bad `from`s. */
function randomHistory(random: () => number): SlaEvent[] {
  const id = () => `e-${randomInt(random, 0, 36 ** 6).toString(36)}`;
  let at = Date.parse('2026-01-01T00:00:00Z') + randomInt(random, 0, 360 * 24 * 60) * MINUTE;
  const createdAt = at;
  let status: TicketStatus = 'new';
  let priority = randomInt(random, 1, 5);
  const events: SlaEvent[] = [{ id: id(), at: iso(at), type: 'ticket.created', data: { status, priority } }];
  const count = randomInt(random, 3, 16);
  for (let i = 0; i < count; i += 1) {
    // 15 % ties (same device time: the id decides), otherwise up to three days later.
    at += random() < 0.15 ? 0 : randomInt(random, 1, 3 * 24 * 60) * MINUTE;
    // 8 % from a device whose clock was behind: dated before the creation.
    const when = iso(random() < 0.08 ? createdAt - randomInt(random, 1, 600) * MINUTE : at);
    const roll = random();
    if (roll < 0.6) {
      const next = allowedTransitions(status);
      if (next.length === 0) break;
      const to = pick(random, next);
      const from = random() < 0.1 ? pick(random, ['new', 'closed', 'waiting'] as const) : status;
      events.push({ id: id(), at: when, type: 'ticket.status', data: { from, to, waitingReason: to === 'waiting' ? pick(random, WAITING_REASONS) : null } });
      status = to;
    } else if (roll < 0.75) {
      const to = randomInt(random, 1, 5);
      events.push({ id: id(), at: when, type: 'ticket.priority', data: { from: priority, to } });
      priority = to;
    } else if (roll < 0.9) {
      events.push({ id: id(), at: when, type: 'ticket.note', data: { text: 'n', visibility: pick(random, ['internal', 'customer'] as const) } });
    } else {
      events.push({ id: id(), at: when, type: 'ticket.assigned', data: { from: null, to: 'tech' } });
    }
  }
  return events;
}

const run = (events: readonly SlaEvent[], now: number, calendar: BusinessCalendar = OFFICE_HOURS): SlaResult => {
  const result = computeSla({ events, policy: POLICY, calendar, timeZone: 'Europe/Berlin', now: iso(now) });
  if (result === null) throw new Error('history without creation');
  return result;
};

const lastTime = (events: readonly SlaEvent[]) => Math.max(...events.map((event) => Date.parse(event.at)));

describe('computeSla properties (seeded)', () => {
  it('gives a deep-equal result for 200 shuffles of the event array (five histories)', () => {
    const random = seededRandom(7_2026);
    for (let ticket = 0; ticket < 5; ticket += 1) {
      const events = randomHistory(random);
      const now = lastTime(events) + randomInt(random, 0, 5 * 24 * 60) * MINUTE;
      const expected = run(events, now);
      for (let i = 0; i < 200; i += 1) expect(run(shuffled(events, random), now)).toEqual(expected);
    }
  });

  it('keeps elapsed business time within wall-clock time and monotonic in `now`', () => {
    const random = seededRandom(31_337);
    for (let ticket = 0; ticket < 40; ticket += 1) {
      const events = randomHistory(random);
      const createdAt = Date.parse(events[0]?.at ?? '');
      let previous: SlaResult | null = null;
      for (let now = createdAt - 24 * 60 * MINUTE; now < lastTime(events) + 10 * 24 * 60 * MINUTE; now += randomInt(random, 1, 36 * 60) * MINUTE) {
        const result = run(events, now, ticket % 2 === 0 ? OFFICE_HOURS : EVERY_DAY_OFFICE_HOURS);
        const wallMinutes = (Date.parse(result.evaluatedAt) - Date.parse(result.createdAt)) / MINUTE;
        for (const clock of [result.response, result.resolution]) {
          expect(clock.elapsedBusinessMinutes).toBeLessThanOrEqual(wallMinutes);
          expect(clock.level === 'breached').toBe(clock.breachedAt !== null);
          if (clock.state === 'met') expect(clock.elapsedBusinessMinutes).toBeLessThanOrEqual(clock.targetMinutes);
          if (clock.state === 'running' && clock.breachedAt === null) expect(Date.parse(clock.dueAt ?? '')).toBeGreaterThanOrEqual(Date.parse(result.evaluatedAt));
        }
        if (previous) {
          expect(result.response.elapsedBusinessMinutes).toBeGreaterThanOrEqual(previous.response.elapsedBusinessMinutes);
          expect(result.resolution.elapsedBusinessMinutes).toBeGreaterThanOrEqual(previous.resolution.elapsedBusinessMinutes);
        }
        const times = result.timeline.map((entry) => Date.parse(entry.at));
        expect(times).toEqual([...times].sort((a, b) => a - b));
        previous = result;
      }
    }
  });

  it('on a 24/7 calendar, equals an independent sum of the time spent in running statuses', () => {
    const random = seededRandom(99);
    for (let ticket = 0; ticket < 60; ticket += 1) {
      const events = randomHistory(random);
      const now = lastTime(events) + randomInt(random, 0, 3 * 24 * 60) * MINUTE;
      const result = run(events, now, ROUND_THE_CLOCK);
      // Oracle: sort by (time, id), clamp to creation, add up time in new/assigned/in_progress.
      const [creation, ...rest] = events;
      const start = Date.parse(creation?.at ?? '');
      const statusChanges = rest
        .filter((event) => event.type === 'ticket.status')
        .map((event) => ({ at: Math.max(start, Date.parse(event.at)), id: event.id, to: event.data.to as TicketStatus }))
        .sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      let status: TicketStatus = 'new';
      let since = start;
      let runningMs = 0;
      for (const change of [...statusChanges, { at: Date.parse(result.evaluatedAt), id: '', to: 'closed' as const }]) {
        if (RUNNING.includes(status)) runningMs += change.at - since;
        status = change.to;
        since = change.at;
      }
      expect(result.resolution.elapsedBusinessMinutes).toBe(Math.floor(runningMs / MINUTE));
    }
  });
});
