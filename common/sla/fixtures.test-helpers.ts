import type { BusinessCalendar, SlaPolicy } from '../schemas/contracts.js';
import { computeSla } from './clock.js';
import type { SlaEvent, SlaResult } from './types.js';

/** Shared test data for the SLA tests (not shipped: only `*.test.ts` import it). */

const day = [{ start: '08:30', end: '18:00' }];
const allDay = [{ start: '00:00', end: '24:00' }];

export const OFFICE_HOURS: BusinessCalendar = {
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: [], sun: [] },
  holidays: [],
};

export const EVERY_DAY_OFFICE_HOURS: BusinessCalendar = {
  hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day },
  holidays: [],
};

export const ROUND_THE_CLOCK: BusinessCalendar = {
  hours: { mon: allDay, tue: allDay, wed: allDay, thu: allDay, fri: allDay, sat: allDay, sun: allDay },
  holidays: [],
};

/** Response / resolution minutes per priority; warning at 75 %. */
export const POLICY: SlaPolicy = {
  warnAtPercent: 75,
  targets: {
    p1: { responseMinutes: 30, resolutionMinutes: 240 },
    p2: { responseMinutes: 60, resolutionMinutes: 480 },
    p3: { responseMinutes: 120, resolutionMinutes: 960 },
    p4: { responseMinutes: 240, resolutionMinutes: 1920 },
    p5: { responseMinutes: 480, resolutionMinutes: 2880 },
  },
};

/** Istanbul is UTC+3 all year, so `ist('2026-11-23 09:00')` is 06:00Z. */
export function ist(local: string): string {
  return new Date(`${local.replace(' ', 'T')}:00+03:00`).toISOString();
}

let counter = 0;
function nextId(): string {
  counter += 1;
  return `ev-${String(counter).padStart(4, '0')}`;
}

export const created = (at: string, priority = 3, status = 'new', id = nextId()): SlaEvent => ({
  id,
  at,
  type: 'ticket.created',
  data: { status, priority },
});

export const status = (at: string, from: string, to: string, waitingReason: string | null = null, id = nextId()): SlaEvent => ({
  id,
  at,
  type: 'ticket.status',
  data: { from, to, waitingReason },
});

export const priority = (at: string, from: number, to: number, id = nextId()): SlaEvent => ({
  id,
  at,
  type: 'ticket.priority',
  data: { from, to },
});

export const note = (at: string, visibility: 'internal' | 'customer', id = nextId()): SlaEvent => ({
  id,
  at,
  type: 'ticket.note',
  data: { text: 'x', visibility },
});

export const assigned = (at: string, to: string, id = nextId()): SlaEvent => ({
  id,
  at,
  type: 'ticket.assigned',
  data: { from: null, to },
});

/**
 * Istanbul (UTC+3, no DST) with Mon–Fri 08:30–18:00, so clock expectations are plain arithmetic
 * on local times. 2026-11-23 is a Monday.
 */
export function slaInIstanbul(events: readonly SlaEvent[], now: string): SlaResult {
  const result = computeSla({ events, policy: POLICY, calendar: OFFICE_HOURS, timeZone: 'Europe/Istanbul', now });
  if (result === null) throw new Error('expected a result');
  return result;
}

export const timelineKinds = (result: SlaResult, clock: 'response' | 'resolution') =>
  result.timeline.filter((entry) => entry.clock === clock).map((entry) => entry.kind);
