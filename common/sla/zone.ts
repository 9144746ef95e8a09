/**
 * A tiny IANA time-zone helper on top of `Intl.DateTimeFormat`, so the SLA engine needs no date
 * library in the renderer bundle. Instants are epoch milliseconds; local wall times are plain
 * calendar fields read as if they were UTC (a "local epoch"), which keeps the arithmetic integer.
 */

export interface LocalDate {
  readonly year: number;
  /** 1 … 12 */
  readonly month: number;
  readonly day: number;
}

export interface WallTime extends LocalDate {
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

// Building a formatter is far slower than using one; the engine replays many instants per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    // `hourCycle: 'h23'` because some engines print midnight as "24" with `hour12: false`.
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the runtime knows the IANA zone (an unknown zone makes `Intl` throw a RangeError). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock reading in `timeZone` at an instant (seconds precision). */
export function wallTimeAt(epochMs: number, timeZone: string): WallTime {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 1970,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

function exactOffsetMs(epochMs: number, timeZone: string): number {
  const wall = wallTimeAt(epochMs, timeZone);
  const localEpoch = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  // The formatter drops milliseconds, so compare against the instant truncated to the second.
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return localEpoch - wholeSecond;
}

/**
 * Offsets memoised per zone and 15-minute bucket. `formatToParts` costs ~10 µs and a ticket list
 * re-evaluates the same days every minute, so this turns the engine's main cost into map lookups.
 * Safe because an offset at an instant is a fixed fact of the runtime's tz data, and because a
 * bucket whose two ends agree cannot hold a change (no zone changes twice within 15 minutes);
 * a bucket whose ends differ is read exactly.
 */
const BUCKET_MS = 15 * MINUTE_MS;
const MAX_BUCKETS_PER_ZONE = 200_000;
const bucketOffsets = new Map<string, Map<number, number>>();

function bucketStartOffset(bucket: number, timeZone: string, cache: Map<number, number>): number {
  let offset = cache.get(bucket);
  if (offset === undefined) {
    offset = exactOffsetMs(bucket * BUCKET_MS, timeZone);
    if (cache.size >= MAX_BUCKETS_PER_ZONE) cache.clear();
    cache.set(bucket, offset);
  }
  return offset;
}

/** Offset of local time from UTC at an instant, in ms (Berlin in summer: +7 200 000). */
export function offsetMsAt(epochMs: number, timeZone: string): number {
  let cache = bucketOffsets.get(timeZone);
  if (!cache) {
    formatterFor(timeZone); // throws the RangeError for an unknown zone before anything is cached
    cache = new Map();
    bucketOffsets.set(timeZone, cache);
  }
  const bucket = Math.floor(epochMs / BUCKET_MS);
  const start = bucketStartOffset(bucket, timeZone, cache);
  return start === bucketStartOffset(bucket + 1, timeZone, cache) ? start : exactOffsetMs(epochMs, timeZone);
}

/** The local calendar date at an instant. */
export function localDateAt(epochMs: number, timeZone: string): LocalDate {
  const local = new Date(epochMs + offsetMsAt(epochMs, timeZone));
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** Days since 1970-01-01 of a local date: integer day arithmetic without Date objects. */
export type LocalDay = number;

/** The local date at an instant, as a day number. */
export function localDayAt(epochMs: number, timeZone: string): LocalDay {
  return Math.floor((epochMs + offsetMsAt(epochMs, timeZone)) / DAY_MS);
}

/** 'YYYY-MM-DD' → day number; NaN for anything else (a malformed holiday then matches no day). */
export function localDayOf(isoDate: string): LocalDay {
  return /^\d{4}-\d{2}-\d{2}$/.test(isoDate) ? Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS : Number.NaN;
}

/** 0 = Sunday … 6 = Saturday, like `Date#getUTCDay` (1970-01-01 was a Thursday). */
export function weekdayOf(day: LocalDay): number {
  return (((day + 4) % 7) + 7) % 7;
}

/**
 * The first instant at which the wall clock in `timeZone` reads the local time `localEpoch`
 * (local date and time written as if UTC) or later. That one rule settles DST for working-hour
 * boundaries:
 * - a time in a gap (02:30 on Berlin's spring-forward night never shows) maps to the jump itself
 *   (03:00 CEST): an office "opening at 02:30" is open once the clock has passed 02:30, and an
 *   interval lying wholly inside the gap is empty;
 * - a time that shows twice (02:30 on the fall-back night) maps to its first pass, so an interval
 *   straddling the repeated hour counts both real hours.
 * Offsets are sampled a day either side, which assumes a zone changes offset at most once in
 * three days (true of every zone in use since 2011).
 */
function instantOfLocalEpoch(localEpoch: number, timeZone: string): number {
  const offsetBefore = offsetMsAt(localEpoch - DAY_MS, timeZone);
  const offsetAfter = offsetMsAt(localEpoch + DAY_MS, timeZone);
  if (offsetBefore === offsetAfter) return localEpoch - offsetBefore;
  const candidates = [localEpoch - offsetBefore, localEpoch - offsetAfter];
  const valid = candidates.filter((instant) => instant + offsetMsAt(instant, timeZone) === localEpoch);
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: the jump lies in (localEpoch − offsetAfter, localEpoch − offsetBefore]; find it by
  // bisection (only boundaries that fall inside a gap ever get here).
  let before = localEpoch - offsetAfter;
  let after = localEpoch - offsetBefore;
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (offsetMsAt(middle, timeZone) === offsetBefore) before = middle;
    else after = middle;
  }
  return after;
}

/**
 * The instant a local date and minute of day (0 … 1440; 1440 is the next midnight, so a '24:00'
 * closing time needs no special case) first shows on the wall clock; see `instantOfLocalEpoch`.
 */
export function instantOfLocal(date: LocalDate, minuteOfDay: number, timeZone: string): number {
  return instantOfLocalEpoch(Date.UTC(date.year, date.month - 1, date.day) + minuteOfDay * MINUTE_MS, timeZone);
}

/**
 * `instantOfLocal` for several minutes of one local day. On the 363 days a year without an offset
 * change one offset serves the whole day. The samples (the day before, two days after) bracket
 * every instant of the day for any offset between −12 h and +14 h.
 */
export function instantsOfLocalDay(day: LocalDay, minutesOfDay: readonly number[], timeZone: string): number[] {
  const midnight = day * DAY_MS;
  const offset = offsetMsAt(midnight - DAY_MS, timeZone);
  if (offset === offsetMsAt(midnight + 2 * DAY_MS, timeZone)) return minutesOfDay.map((minute) => midnight + minute * MINUTE_MS - offset);
  return minutesOfDay.map((minute) => instantOfLocalEpoch(midnight + minute * MINUTE_MS, timeZone));
}
