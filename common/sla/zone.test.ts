import { describe, expect, it } from 'vitest';
import { instantOfLocal, isValidTimeZone, localDateAt, localDayAt, localDayOf, offsetMsAt, wallTimeAt, weekdayOf, type LocalDate } from './zone.js';
import { seededRandom } from './random.test-helpers.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const local = (iso: string): LocalDate => {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year ?? 0, month: month ?? 0, day: day ?? 0 };
};
const instant = (date: string, hhmm: string, zone: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(instantOfLocal(local(date), (h ?? 0) * 60 + (m ?? 0), zone)).toISOString();
};

describe('zone helper', () => {
  it('reads offsets: Berlin CET/CEST, Istanbul +3 all year, New York −5/−4', () => {
    expect(offsetMsAt(at('2026-01-15T12:00:00Z'), 'Europe/Berlin')).toBe(1 * HOUR);
    expect(offsetMsAt(at('2026-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(offsetMsAt(at('2026-01-15T12:00:00Z'), 'Europe/Istanbul')).toBe(3 * HOUR);
    expect(offsetMsAt(at('2026-07-15T12:00:00Z'), 'Europe/Istanbul')).toBe(3 * HOUR);
    expect(offsetMsAt(at('2026-01-15T12:00:00Z'), 'America/New_York')).toBe(-5 * HOUR);
    expect(offsetMsAt(at('2026-07-15T12:00:00.999Z'), 'America/New_York')).toBe(-4 * HOUR);
  });

  it('reads wall time on both sides of the Berlin spring-forward instant', () => {
    expect(wallTimeAt(at('2026-03-29T00:59:59Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, hour: 1, minute: 59, second: 59 });
    expect(wallTimeAt(at('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29, hour: 3, minute: 0, second: 0 });
    expect(localDateAt(at('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toEqual({ year: 2026, month: 3, day: 29 });
  });

  it('turns local midnight and 24:00 into instants 23 h / 25 h apart on Berlin DST days', () => {
    expect(instant('2026-03-29', '00:00', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(instantOfLocal(local('2026-03-29'), 1440, 'Europe/Berlin')).toBe(at('2026-03-29T22:00:00Z'));
    expect(instant('2026-10-25', '00:00', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
    expect(instantOfLocal(local('2026-10-25'), 1440, 'Europe/Berlin')).toBe(at('2026-10-25T23:00:00Z'));
  });

  it('maps a time in a DST gap to the jump and a repeated time to its first pass', () => {
    expect(instant('2026-03-29', '02:30', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z'); // = 03:00 CEST
    expect(instant('2026-03-29', '02:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(instant('2026-03-29', '03:00', 'Europe/Berlin')).toBe('2026-03-29T01:00:00.000Z');
    expect(instant('2026-10-25', '02:30', 'Europe/Berlin')).toBe('2026-10-25T00:30:00.000Z'); // first 02:30, CEST
    expect(instant('2026-03-08', '02:30', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z'); // = 03:00 EDT
    expect(instant('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z'); // first 01:30, EDT
    expect(instant('2026-10-04', '02:30', 'Australia/Sydney')).toBe('2026-10-03T16:00:00.000Z'); // = 03:00 AEDT
    expect(instant('2026-04-05', '02:30', 'Australia/Sydney')).toBe('2026-04-04T15:30:00.000Z'); // first 02:30, AEDT
  });

  it('knows real zones from unknown ones', () => {
    expect(isValidTimeZone('Europe/Istanbul')).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });

  it('numbers local days and their weekdays without Date objects', () => {
    expect(localDayOf('1970-01-01')).toBe(0);
    expect(localDayOf('2028-03-01') - localDayOf('2028-02-28')).toBe(2); // leap day
    expect(weekdayOf(localDayOf('2026-10-29'))).toBe(4); // Thursday
    expect(weekdayOf(localDayOf('1969-12-28'))).toBe(0); // a Sunday before day 0
    expect(localDayOf('29.10.2026')).toBeNaN();
    // 23:30Z on 28 March is already Sunday 29 March in Berlin.
    expect(localDayAt(at('2026-03-28T23:30:00Z'), 'Europe/Berlin')).toBe(localDayOf('2026-03-29'));
  });

  it('reads offsets exactly at a change even though they are memoised per 15 minutes', () => {
    // Lord Howe Island moves by 30 minutes; Nepal is UTC+5:45.
    expect(offsetMsAt(at('2026-04-04T14:59:59Z'), 'Australia/Lord_Howe')).toBe(11 * HOUR);
    expect(offsetMsAt(at('2026-04-04T15:00:00Z'), 'Australia/Lord_Howe')).toBe(10.5 * HOUR);
    expect(offsetMsAt(at('2026-03-29T00:59:59.500Z'), 'Europe/Berlin')).toBe(1 * HOUR);
    expect(offsetMsAt(at('2026-03-29T01:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(offsetMsAt(at('2026-06-01T00:07:00Z'), 'Asia/Kathmandu')).toBe(5.75 * HOUR);
  });

  it('round-trips wall time → instant → wall time for 2 000 random minutes in six zones', () => {
    const random = seededRandom(20261025);
    const zones = ['Europe/Berlin', 'Europe/Istanbul', 'America/New_York', 'Australia/Sydney', 'Asia/Kolkata', 'America/Sao_Paulo'];
    for (let i = 0; i < 2000; i += 1) {
      const zone = zones[i % zones.length] ?? 'UTC';
      const original = at('2020-01-01T00:00:00Z') + Math.floor(random() * 10 * 365 * 24 * 60) * 60_000;
      const wall = wallTimeAt(original, zone);
      const back = instantOfLocal(wall, wall.hour * 60 + wall.minute, zone);
      // Same wall reading; never later than the original (a repeated hour maps to its first pass).
      expect(wallTimeAt(back, zone)).toEqual(wall);
      expect(back).toBeLessThanOrEqual(original);
      expect(original - back === 0 || original - back === HOUR).toBe(true);
    }
  });
});
