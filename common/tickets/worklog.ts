import type { TimeKind } from './events.js';

/**
 * A ticket's worklog from its events: time entries (minus voided ones) and photos. Pure, so the
 * ticket screen, the worklog list and tests all add up the same way, whatever order the events
 * synced in (each event counts once, by id).
 */

export interface WorklogEvent {
  readonly id: string;
  readonly type: string;
  readonly at: string;
  readonly authorId: string;
  readonly subjectId?: string;
  readonly data: Readonly<Record<string, unknown>>;
}

export interface TimeEntry {
  readonly id: string;
  readonly ticketId: string | null;
  readonly kind: TimeKind;
  readonly minutes: number;
  readonly date: string;
  readonly note: string;
  readonly authorId: string;
  /** Device time the entry was recorded. */
  readonly at: string;
  /** Set when a `ticket.time_void` took the entry out of the totals. */
  readonly voided: { readonly at: string; readonly authorId: string; readonly reason: string } | null;
}

export interface WorklogTotals {
  readonly travelMinutes: number;
  readonly workMinutes: number;
  readonly totalMinutes: number;
  /** Entries counted (voided ones excluded). */
  readonly entries: number;
  readonly photos: number;
}

const EMPTY: WorklogTotals = { travelMinutes: 0, workMinutes: 0, totalMinutes: 0, entries: 0, photos: 0 };

function isTimeData(data: Readonly<Record<string, unknown>>): data is { kind: TimeKind; minutes: number; date: string; note?: string } {
  return (data['kind'] === 'travel' || data['kind'] === 'work') && Number.isInteger(data['minutes']) && (data['minutes'] as number) > 0 && typeof data['date'] === 'string';
}

/**
 * Who may take an entry out of the totals: its own author, or someone in `supervisors` (user ids
 * the staff directory lists as supervisor or admin). A void by anyone else is ignored when read:
 * the server cannot check it at push time (the entry and the void may arrive in either order), so
 * every device applies the same rule to the same data instead.
 */
export interface VoidRule {
  readonly supervisors?: ReadonlySet<string>;
}

function mayVoid(voidAuthor: string, entryAuthor: string, rule: VoidRule): boolean {
  return voidAuthor === entryAuthor || (rule.supervisors?.has(voidAuthor) ?? false);
}

/** Time entries newest day first (then newest recorded), with their void if any. */
export function timeEntries(events: readonly WorklogEvent[], rule: VoidRule = {}): TimeEntry[] {
  const seen = new Set<string>();
  const unique = events.filter((event) => (seen.has(event.id) ? false : (seen.add(event.id), true)));
  const authors = new Map(unique.filter((event) => event.type === 'ticket.time').map((event) => [event.id, event.authorId]));
  const voids = new Map<string, TimeEntry['voided']>();
  // The earliest allowed void of an entry counts (any later one changes nothing).
  for (const event of [...unique].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1))) {
    if (event.type !== 'ticket.time_void') continue;
    const entryId = event.data['entryId'];
    if (typeof entryId !== 'string' || voids.has(entryId)) continue;
    const entryAuthor = authors.get(entryId);
    if (entryAuthor === undefined || !mayVoid(event.authorId, entryAuthor, rule)) continue;
    voids.set(entryId, { at: event.at, authorId: event.authorId, reason: typeof event.data['reason'] === 'string' ? event.data['reason'] : '' });
  }
  const entries: TimeEntry[] = [];
  for (const event of unique) {
    if (event.type !== 'ticket.time' || !isTimeData(event.data)) continue;
    entries.push({
      id: event.id,
      ticketId: event.subjectId ?? null,
      kind: event.data.kind,
      minutes: event.data.minutes,
      date: event.data.date,
      note: typeof event.data.note === 'string' ? event.data.note : '',
      authorId: event.authorId,
      at: event.at,
      voided: voids.get(event.id) ?? null,
    });
  }
  return entries.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.id < b.id ? -1 : 1));
}

/** Travel and work minutes and the photo count of a set of events. */
export function worklogTotals(events: readonly WorklogEvent[], rule: VoidRule = {}): WorklogTotals {
  const photos = new Set(events.filter((event) => event.type === 'ticket.photo').map((event) => event.id)).size;
  let travelMinutes = 0;
  let workMinutes = 0;
  let entries = 0;
  for (const entry of timeEntries(events, rule)) {
    if (entry.voided) continue;
    entries += 1;
    if (entry.kind === 'travel') travelMinutes += entry.minutes;
    else workMinutes += entry.minutes;
  }
  return entries === 0 && photos === 0 ? EMPTY : { travelMinutes, workMinutes, totalMinutes: travelMinutes + workMinutes, entries, photos };
}

/** Totals per ticket, for a list of many tickets' events. */
export function worklogTotalsByTicket(events: readonly WorklogEvent[], rule: VoidRule = {}): Map<string, WorklogTotals> {
  const byTicket = new Map<string, WorklogEvent[]>();
  for (const event of events) {
    if (!event.subjectId) continue;
    const list = byTicket.get(event.subjectId);
    if (list) list.push(event);
    else byTicket.set(event.subjectId, [event]);
  }
  return new Map([...byTicket].map(([ticketId, list]) => [ticketId, worklogTotals(list, rule)]));
}

/** "2 h 05 min" style parts, for any language: whole hours and the remaining minutes. */
export function splitMinutes(minutes: number): { hours: number; minutes: number } {
  const whole = Math.max(0, Math.round(minutes));
  return { hours: Math.floor(whole / 60), minutes: whole % 60 };
}

export interface TimeEntryDraft {
  readonly kind: string;
  readonly hours: number | string;
  readonly minutes: number | string;
  readonly date: string;
  readonly note: string;
}

export type TimeEntryProblem = 'kind' | 'duration_missing' | 'duration_too_long' | 'date_invalid' | 'date_future' | 'note_too_long';

/** What is wrong with a time entry form, field by field; `today` is the technician's local date. */
export function checkTimeEntry(draft: TimeEntryDraft, today: string): { field: 'kind' | 'duration' | 'date' | 'note'; problem: TimeEntryProblem } | null {
  if (draft.kind !== 'travel' && draft.kind !== 'work') return { field: 'kind', problem: 'kind' };
  const hours = Number(draft.hours || 0);
  const minutes = Number(draft.minutes || 0);
  if (!Number.isInteger(hours) || !Number.isInteger(minutes) || hours < 0 || minutes < 0) return { field: 'duration', problem: 'duration_missing' };
  const total = hours * 60 + minutes;
  if (total <= 0) return { field: 'duration', problem: 'duration_missing' };
  if (total > 24 * 60) return { field: 'duration', problem: 'duration_too_long' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date) || Number.isNaN(Date.parse(`${draft.date}T00:00:00Z`)) || new Date(`${draft.date}T00:00:00Z`).toISOString().slice(0, 10) !== draft.date) {
    return { field: 'date', problem: 'date_invalid' };
  }
  if (draft.date > today) return { field: 'date', problem: 'date_future' };
  if (draft.note.length > 500) return { field: 'note', problem: 'note_too_long' };
  return null;
}

export interface WorklogReportRow {
  readonly ticketId: string;
  readonly travelMinutes: number;
  readonly workMinutes: number;
  readonly totalMinutes: number;
  readonly entries: number;
}

export interface WorklogReport {
  readonly rows: readonly WorklogReportRow[];
  readonly totals: { readonly travelMinutes: number; readonly workMinutes: number; readonly totalMinutes: number; readonly entries: number };
}

/**
 * Time per ticket for days `fromDate`–`toDate` (inclusive, YYYY-MM-DD, the day the time was spent),
 * of one author or everyone; voided entries left out. Rows by total time, longest first.
 */
export function worklogReport(events: readonly WorklogEvent[], filter: { fromDate: string; toDate: string; authorId: string | null }, rule: VoidRule = {}): WorklogReport {
  const byTicket = new Map<string, { travelMinutes: number; workMinutes: number; entries: number }>();
  for (const entry of timeEntries(events, rule)) {
    if (entry.voided || entry.ticketId === null) continue;
    if (entry.date < filter.fromDate || entry.date > filter.toDate) continue;
    if (filter.authorId !== null && entry.authorId !== filter.authorId) continue;
    const row = byTicket.get(entry.ticketId) ?? { travelMinutes: 0, workMinutes: 0, entries: 0 };
    if (entry.kind === 'travel') row.travelMinutes += entry.minutes;
    else row.workMinutes += entry.minutes;
    row.entries += 1;
    byTicket.set(entry.ticketId, row);
  }
  const rows = [...byTicket].map(([ticketId, row]) => ({ ticketId, ...row, totalMinutes: row.travelMinutes + row.workMinutes }));
  rows.sort((a, b) => b.totalMinutes - a.totalMinutes || (a.ticketId < b.ticketId ? -1 : 1));
  const sum = (pick: (row: WorklogReportRow) => number) => rows.reduce((total, row) => total + pick(row), 0);
  return {
    rows,
    totals: { travelMinutes: sum((row) => row.travelMinutes), workMinutes: sum((row) => row.workMinutes), totalMinutes: sum((row) => row.totalMinutes), entries: sum((row) => row.entries) },
  };
}
