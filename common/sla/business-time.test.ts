import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../schemas/contracts.js';
import { addBusinessMinutes, businessMinutesBetween, prepareCalendar } from './business-time.js';
import { EVERY_DAY_OFFICE_HOURS, OFFICE_HOURS, ROUND_THE_CLOCK, ist } from './fixtures.test-helpers.js';
import { randomInt, seededRandom } from './random.test-helpers.js';

const BERLIN = 'Europe/Berlin';
const ISTANBUL = 'Europe/Istanbul';

describe('business time, office hours Mon–Fri 08:30–18:00', () => {
  it('skips the weekend: Friday 17:00 + 120 min → Monday 09:30', () => {
    // Berlin in November is UTC+1.
    expect(addBusinessMinutes('2026-11-20T16:00:00Z', 120, OFFICE_HOURS, BERLIN)).toBe('2026-11-23T08:30:00.000Z');
    expect(businessMinutesBetween('2026-11-20T16:00:00Z', '2026-11-23T08:30:00Z', OFFICE_HOURS, BERLIN)).toBe(120);
  });

  it('ends at closing time when the minutes run out exactly there, not at the next opening', () => {
    expect(addBusinessMinutes('2026-11-20T16:00:00Z', 60, OFFICE_HOURS, BERLIN)).toBe('2026-11-20T17:00:00.000Z');
  });

  it('starts the clock at the next opening when started outside hours', () => {
    // Monday 07:00 + 30 → 09:00; Saturday noon + 0 → Monday 08:30.
    expect(addBusinessMinutes('2026-11-23T06:00:00Z', 30, OFFICE_HOURS, BERLIN)).toBe('2026-11-23T08:00:00.000Z');
    expect(addBusinessMinutes('2026-11-21T11:00:00Z', 0, OFFICE_HOURS, BERLIN)).toBe('2026-11-23T07:30:00.000Z');
    expect(businessMinutesBetween('2026-11-21T11:00:00Z', '2026-11-23T07:30:00Z', OFFICE_HOURS, BERLIN)).toBe(0);
  });

  it('skips holidays given as local dates: Republic Day 2026-10-29 in Istanbul', () => {
    const withHoliday: BusinessCalendar = { ...OFFICE_HOURS, holidays: [{ date: '2026-10-29', name: 'Cumhuriyet Bayramı' }] };
    // Wednesday 17:00 + 120: 60 min on Wednesday, Thursday off, 60 min from Friday 08:30.
    expect(addBusinessMinutes(ist('2026-10-28 17:00'), 120, withHoliday, ISTANBUL)).toBe(ist('2026-10-30 09:30'));
    expect(addBusinessMinutes(ist('2026-10-28 17:00'), 120, OFFICE_HOURS, ISTANBUL)).toBe(ist('2026-10-29 09:30'));
    expect(businessMinutesBetween(ist('2026-10-28 17:00'), ist('2026-10-30 10:00'), withHoliday, ISTANBUL)).toBe(150);
  });

  it('uses UTC+3 in Istanbul all year (no DST since 2016)', () => {
    expect(addBusinessMinutes('2026-01-14T21:00:00Z', 0, OFFICE_HOURS, ISTANBUL)).toBe('2026-01-15T05:30:00.000Z');
    expect(addBusinessMinutes('2026-07-14T21:00:00Z', 0, OFFICE_HOURS, ISTANBUL)).toBe('2026-07-15T05:30:00.000Z');
    // Sundays on which Berlin changes clocks are ordinary 570-minute days in Istanbul.
    for (const day of ['2026-03-29', '2026-10-25']) {
      expect(businessMinutesBetween(ist(`${day} 00:00`), ist(`${day} 23:59`), EVERY_DAY_OFFICE_HOURS, ISTANBUL)).toBe(570);
    }
  });

  it('counts fractions of a minute exactly', () => {
    expect(businessMinutesBetween('2026-11-23T08:00:00Z', '2026-11-23T08:00:30Z', OFFICE_HOURS, BERLIN)).toBe(0.5);
  });

  it('crosses a week-long target day by day: 2850 min is one full week, 2851 one minute more', () => {
    // Monday 08:30 CET.
    expect(addBusinessMinutes('2026-11-23T07:30:00Z', 2850, OFFICE_HOURS, BERLIN)).toBe('2026-11-27T17:00:00.000Z');
    expect(addBusinessMinutes('2026-11-23T07:30:00Z', 2851, OFFICE_HOURS, BERLIN)).toBe('2026-11-30T07:31:00.000Z');
  });

  it('handles the largest target (a year of business minutes) and round-trips it', () => {
    const due = addBusinessMinutes('2026-01-05T07:30:00Z', 525_600, OFFICE_HOURS, BERLIN);
    expect(due).not.toBeNull();
    expect(businessMinutesBetween('2026-01-05T07:30:00Z', due ?? '', OFFICE_HOURS, BERLIN)).toBe(525_600);
  });
});

describe('business time across DST in Europe/Berlin', () => {
  const onlyDay = (day: string): BusinessCalendar => ({
    ...ROUND_THE_CLOCK,
    holidays: ['2026-03-27', '2026-03-28', '2026-03-30', '2026-03-31', '2026-10-23', '2026-10-24', '2026-10-26', '2026-10-27']
      .filter((d) => d !== day)
      .map((date) => ({ date, name: '' })),
  });

  it('counts 23 h on 2026-03-29 and 25 h on 2026-10-25 with hours 00:00–24:00', () => {
    expect(businessMinutesBetween('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', ROUND_THE_CLOCK, BERLIN)).toBe(1380);
    expect(businessMinutesBetween('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', ROUND_THE_CLOCK, BERLIN)).toBe(1500);
    // The same from a wide window in which only the DST day is a working day.
    expect(businessMinutesBetween('2026-03-26T23:00:00Z', '2026-03-31T22:00:00Z', onlyDay('2026-03-29'), BERLIN)).toBe(1380);
    expect(businessMinutesBetween('2026-10-22T22:00:00Z', '2026-10-27T23:00:00Z', onlyDay('2026-10-25'), BERLIN)).toBe(1500);
  });

  it('adds across the transition in real time with a 24/7 calendar', () => {
    expect(addBusinessMinutes('2026-03-28T23:00:00Z', 1380, ROUND_THE_CLOCK, BERLIN)).toBe('2026-03-29T22:00:00.000Z');
    expect(addBusinessMinutes('2026-10-24T22:00:00Z', 1500, ROUND_THE_CLOCK, BERLIN)).toBe('2026-10-25T23:00:00.000Z');
  });

  it('keeps 08:30–18:00 in local time on DST Sundays (570 min, opening moves by an hour in UTC)', () => {
    // Saturday 17:00 CET + 120 → Sunday 09:30 CEST; Saturday 17:00 CEST + 120 → Sunday 09:30 CET.
    expect(addBusinessMinutes('2026-03-28T16:00:00Z', 120, EVERY_DAY_OFFICE_HOURS, BERLIN)).toBe('2026-03-29T07:30:00.000Z');
    expect(addBusinessMinutes('2026-10-24T15:00:00Z', 120, EVERY_DAY_OFFICE_HOURS, BERLIN)).toBe('2026-10-25T08:30:00.000Z');
    expect(businessMinutesBetween('2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', EVERY_DAY_OFFICE_HOURS, BERLIN)).toBe(570);
    expect(businessMinutesBetween('2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', EVERY_DAY_OFFICE_HOURS, BERLIN)).toBe(570);
  });

  it('counts real time for hours straddling the switch: 01:00–04:00 is 2 h in March, 4 h in October', () => {
    const night: BusinessCalendar = { hours: { ...ROUND_THE_CLOCK.hours, sun: [{ start: '01:00', end: '04:00' }] }, holidays: [] };
    const sundayOnly: BusinessCalendar = { hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: night.hours.sun }, holidays: [] };
    expect(businessMinutesBetween('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', sundayOnly, BERLIN)).toBe(120);
    expect(businessMinutesBetween('2026-10-24T12:00:00Z', '2026-10-25T12:00:00Z', sundayOnly, BERLIN)).toBe(240);
    // 02:00–02:30 never shows on the spring-forward night: an empty interval. 02:30–05:00 opens
    // at the jump (03:00 CEST) and runs 2 h.
    const lost: BusinessCalendar = { hours: { ...sundayOnly.hours, sun: [{ start: '02:00', end: '02:30' }] }, holidays: [] };
    expect(businessMinutesBetween('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', lost, BERLIN)).toBe(0);
    const late: BusinessCalendar = { hours: { ...sundayOnly.hours, sun: [{ start: '02:30', end: '05:00' }] }, holidays: [] };
    expect(businessMinutesBetween('2026-03-28T12:00:00Z', '2026-03-29T12:00:00Z', late, BERLIN)).toBe(120);
  });
});

describe('business time edge cases', () => {
  it('merges overlapping intervals instead of counting them twice', () => {
    const overlapping: BusinessCalendar = { ...OFFICE_HOURS, hours: { ...OFFICE_HOURS.hours, mon: [{ start: '11:00', end: '13:00' }, { start: '08:00', end: '12:00' }] } };
    expect(businessMinutesBetween('2026-11-22T23:00:00Z', '2026-11-23T23:00:00Z', overlapping, BERLIN)).toBe(300);
  });

  it('returns 0 for an empty or reversed range and null when the calendar has no hours', () => {
    const closed: BusinessCalendar = { hours: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] }, holidays: [] };
    expect(businessMinutesBetween('2026-11-23T12:00:00Z', '2026-11-23T10:00:00Z', OFFICE_HOURS, BERLIN)).toBe(0);
    expect(businessMinutesBetween('2026-11-23T10:00:00Z', '2026-12-23T10:00:00Z', closed, BERLIN)).toBe(0);
    expect(addBusinessMinutes('2026-11-23T10:00:00Z', 60, closed, BERLIN)).toBeNull();
  });

  it('refuses unreadable instants with a RangeError', () => {
    expect(() => businessMinutesBetween('yesterday', '2026-11-23T10:00:00Z', OFFICE_HOURS, BERLIN)).toThrow(RangeError);
  });

  it('property: add then measure gives the minutes back, and ranges add up (seeded, DST zones)', () => {
    const random = seededRandom(424242);
    const zones = [BERLIN, 'America/New_York', ISTANBUL, 'Australia/Sydney'];
    const calendars = [OFFICE_HOURS, EVERY_DAY_OFFICE_HOURS, ROUND_THE_CLOCK];
    const start2026 = Date.parse('2026-01-01T00:00:00Z');
    for (let i = 0; i < 300; i += 1) {
      const zone = zones[i % zones.length] ?? 'UTC';
      const calendar = prepareCalendar(calendars[i % calendars.length] ?? OFFICE_HOURS, zone);
      const a = start2026 + randomInt(random, 0, 364 * 24 * 60) * 60_000;
      const minutes = randomInt(random, 0, 6000);
      const due = calendar.addBusinessMs(a, minutes * 60_000) ?? Number.NaN;
      expect(calendar.businessMsBetween(a, due)).toBe(minutes * 60_000);
      const b = a + randomInt(random, 0, 20 * 24 * 60) * 60_000;
      const c = b + randomInt(random, 0, 20 * 24 * 60) * 60_000;
      const ab = calendar.businessMsBetween(a, b);
      expect(ab + calendar.businessMsBetween(b, c)).toBe(calendar.businessMsBetween(a, c));
      expect(ab).toBeLessThanOrEqual(b - a);
    }
  });
});
