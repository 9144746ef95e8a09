import type { BusinessCalendar } from '../schemas/contracts.js';
import { WEEKDAYS, type Weekday } from '../domain/vocabulary.js';
import { instantsOfLocalDay, localDayAt, localDayOf, weekdayOf, type LocalDay } from './zone.js';

/**
 * Business-time arithmetic in a contract calendar and a site's IANA zone. Work is done per local
 * day over that day's working intervals (never minute by minute), so a target of weeks costs a
 * few hundred cheap steps. Everything is in epoch milliseconds inside; the public wrappers at the
 * bottom speak ISO strings and minutes.
 */

const MINUTE_MS = 60_000;
/** `addBusiness` gives up after this many local days: a calendar without any hours never ends. */
const HORIZON_DAYS = 366 * 20;

/** `Date#getUTCDay` order → the calendar's weekday keys. */
const WEEKDAY_BY_DAY: readonly Weekday[] = ['sun', ...WEEKDAYS.slice(0, 6)];

interface Interval {
  readonly start: number;
  readonly end: number;
}

export interface PreparedCalendar {
  /** Business ms in [fromMs, toMs); 0 when toMs ≤ fromMs. */
  businessMsBetween(fromMs: number, toMs: number): number;
  /** The instant after `businessMs` of business time from `fromMs`; null if never (no hours). */
  addBusinessMs(fromMs: number, businessMs: number): number | null;
}

function minuteOfDay(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** Sorted, merged minute-of-day intervals: overlapping entries must not count time twice. */
function weeklyMinutes(calendar: BusinessCalendar): ReadonlyMap<Weekday, readonly Interval[]> {
  const result = new Map<Weekday, readonly Interval[]>();
  for (const weekday of WEEKDAYS) {
    const raw = (calendar.hours[weekday] ?? [])
      .map((entry) => ({ start: minuteOfDay(entry.start), end: minuteOfDay(entry.end) }))
      .filter((entry) => entry.end > entry.start)
      .sort((a, b) => a.start - b.start);
    const merged: Interval[] = [];
    for (const entry of raw) {
      const last = merged.at(-1);
      if (last && entry.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, entry.end) };
      else merged.push(entry);
    }
    result.set(weekday, merged);
  }
  return result;
}

/**
 * Parses the calendar once and caches each local day's working intervals as instants, because the
 * clock replay asks about the same few days again and again.
 */
export function prepareCalendar(calendar: BusinessCalendar, timeZone: string): PreparedCalendar {
  const weekly = weeklyMinutes(calendar);
  const holidays = new Set(calendar.holidays.map((holiday) => localDayOf(holiday.date)));
  const hasHours = [...weekly.values()].some((intervals) => intervals.length > 0);
  const dayCache = new Map<LocalDay, readonly Interval[]>();

  function intervalsOn(day: LocalDay): readonly Interval[] {
    const cached = dayCache.get(day);
    if (cached) return cached;
    const minutes = holidays.has(day) ? [] : (weekly.get(WEEKDAY_BY_DAY[weekdayOf(day)] ?? 'mon') ?? []);
    const boundaries = instantsOfLocalDay(day, minutes.flatMap((entry) => [entry.start, entry.end]), timeZone);
    const instants: Interval[] = [];
    for (let i = 0; i + 1 < boundaries.length; i += 2) {
      const start = boundaries[i] ?? 0;
      const end = boundaries[i + 1] ?? 0;
      // A gap can swallow a whole interval (02:00–02:30 on a spring-forward night): it is empty.
      if (end > start) instants.push({ start, end });
    }
    dayCache.set(day, instants);
    return instants;
  }

  return {
    businessMsBetween(fromMs, toMs) {
      if (!(toMs > fromMs)) return 0;
      // One day of slack either side: a day's intervals may spill past local midnight at DST edges.
      const last = localDayAt(toMs, timeZone) + 1;
      let total = 0;
      for (let day = localDayAt(fromMs, timeZone) - 1; day <= last; day += 1) {
        for (const entry of intervalsOn(day)) {
          const start = Math.max(entry.start, fromMs);
          const end = Math.min(entry.end, toMs);
          if (end > start) total += end - start;
        }
      }
      return total;
    },

    addBusinessMs(fromMs, businessMs) {
      if (!hasHours) return null;
      let remaining = Math.max(0, businessMs);
      const first = localDayAt(fromMs, timeZone) - 1;
      for (let day = first; day < first + HORIZON_DAYS; day += 1) {
        for (const entry of intervalsOn(day)) {
          if (entry.end <= fromMs) continue;
          const start = Math.max(entry.start, fromMs);
          // `<=`: a due time exactly at closing is that closing, not the next morning's opening.
          if (remaining <= entry.end - start) return start + remaining;
          remaining -= entry.end - start;
        }
      }
      return null;
    },
  };
}

function parseInstant(iso: string, name: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${name} is not an ISO date-time: ${iso}`);
  return ms;
}

/**
 * Business minutes between two instants (exact, may be fractional when the instants carry
 * seconds); 0 when `endISO` is not after `startISO`. Holidays are local dates in `timeZone`.
 */
export function businessMinutesBetween(startISO: string, endISO: string, calendar: BusinessCalendar, timeZone: string): number {
  const start = parseInstant(startISO, 'startISO');
  const end = parseInstant(endISO, 'endISO');
  return prepareCalendar(calendar, timeZone).businessMsBetween(start, end) / MINUTE_MS;
}

/**
 * The due instant (UTC ISO) after `minutes` of business time from `startISO`. Outside working
 * hours the clock starts at the next opening, so 0 minutes gives that opening. Returns null only
 * for a calendar with no working hours at all (or none within twenty years because of holidays).
 */
export function addBusinessMinutes(startISO: string, minutes: number, calendar: BusinessCalendar, timeZone: string): string | null {
  const start = parseInstant(startISO, 'startISO');
  const due = prepareCalendar(calendar, timeZone).addBusinessMs(start, Math.round(minutes * MINUTE_MS));
  return due === null ? null : new Date(due).toISOString();
}
