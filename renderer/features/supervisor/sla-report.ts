import type { SlaSummary } from '../../../common/sla/index.js';
import type { SlaClock, SlaClockName } from '../../../common/sla/types.js';
import type { Ticket } from '../../../common/schemas/tickets.js';

/**
 * Pure aggregation behind the Support page: per-ticket SLA results (from `common/sla`, so offline
 * work counts with its device times), met % per contract and priority, breached and at-risk lists,
 * open work by age and technician. Nothing here reads a database or the clock.
 */

export type ReportTicket = Pick<Ticket, 'id' | 'ref' | 'title' | 'contractId' | 'status' | 'assigneeId' | 'createdAt'>;

export interface TicketSlaRow {
  readonly ticket: ReportTicket;
  readonly priority: number;
  readonly response: SlaClock;
  readonly resolution: SlaClock;
}

/** Half-open interval of instants [from, to), ISO strings. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export type Verdict = 'met' | 'breached';

const OPEN_STATES: ReadonlySet<string> = new Set(['running', 'paused']);

export function slaRows(tickets: readonly ReportTicket[], summaries: ReadonlyMap<string, SlaSummary>): TicketSlaRow[] {
  return tickets.flatMap((ticket) => {
    const summary = summaries.get(ticket.id);
    return summary ? [{ ticket, priority: summary.priority, response: summary.response, resolution: summary.resolution }] : [];
  });
}

const within = (iso: string | null, period: Period): boolean => iso !== null && iso >= period.from && iso < period.to;

/**
 * The verdict a clock reached inside the period: judged (met or breached) when it stopped in it.
 * Running, paused and cancelled clocks have no verdict yet; a live overdue one is in `breachedRows`.
 */
export function verdictIn(clock: SlaClock, period: Period): Verdict | null {
  if (clock.state !== 'met' && clock.state !== 'breached') return null;
  return within(clock.stoppedAt, period) ? clock.state : null;
}

export interface MetRate {
  readonly key: string;
  readonly met: number;
  readonly breached: number;
  /** met / (met + breached) × 100, one decimal; null when nothing was judged. */
  readonly percent: number | null;
}

/** Met % of one clock per group (contract, priority…), over the verdicts reached in the period. */
export function metRates(rows: readonly TicketSlaRow[], clock: SlaClockName, period: Period, keyOf: (row: TicketSlaRow) => string): MetRate[] {
  const groups = new Map<string, { met: number; breached: number }>();
  for (const row of rows) {
    const verdict = verdictIn(row[clock], period);
    if (!verdict) continue;
    const key = keyOf(row);
    const group = groups.get(key) ?? { met: 0, breached: 0 };
    group[verdict] += 1;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .map(([key, { met, breached }]) => ({ key, met, breached, percent: percentOf(met, met + breached) }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

export function percentOf(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}

/** The instant a ticket's first clock went past its target, if any. */
export function firstBreachAt(row: TicketSlaRow): string | null {
  const times = [row.response.breachedAt, row.resolution.breachedAt].filter((at): at is string => at !== null);
  return times.length === 0 ? null : times.sort()[0]!;
}

/**
 * Tickets with a breach in the period, plus every ticket still open and overdue now (live: a
 * paused clock does not move, so it only shows here once it had already run out).
 */
export function breachedRows(rows: readonly TicketSlaRow[], period: Period): TicketSlaRow[] {
  return rows
    .filter((row) => {
      const live = (['response', 'resolution'] as const).some((name) => OPEN_STATES.has(row[name].state) && row[name].level === 'breached');
      return live || within(row.response.breachedAt, period) || within(row.resolution.breachedAt, period);
    })
    .sort((a, b) => (firstBreachAt(a) ?? '').localeCompare(firstBreachAt(b) ?? ''));
}

/**
 * Open tickets past the warning threshold but not yet breached, most used first. Pause-aware
 * because the clocks come from the replay: a waiting ticket keeps its percentage, it does not grow.
 */
export function atRiskRows(rows: readonly TicketSlaRow[]): TicketSlaRow[] {
  return rows
    .filter((row) => {
      const clocks = [row.response, row.resolution].filter((clock) => OPEN_STATES.has(clock.state));
      return clocks.some((clock) => clock.level === 'warning') && !clocks.some((clock) => clock.level === 'breached');
    })
    .sort((a, b) => b.resolution.percentUsed - a.resolution.percentUsed);
}

export const AGE_BUCKETS = ['lt1d', 'd1to3', 'd3to7', 'gt7d'] as const;
export type AgeBucket = (typeof AGE_BUCKETS)[number];

const DAY_MS = 24 * 3600 * 1000;

/** Calendar age since creation: what a customer feels, unlike the business-time SLA. */
export function ageBucketOf(createdAt: string, now: Date): AgeBucket {
  const age = now.getTime() - Date.parse(createdAt);
  if (age < DAY_MS) return 'lt1d';
  if (age < 3 * DAY_MS) return 'd1to3';
  if (age < 7 * DAY_MS) return 'd3to7';
  return 'gt7d';
}

export function openByAge(open: readonly Pick<ReportTicket, 'createdAt'>[], now: Date): Record<AgeBucket, number> {
  const counts: Record<AgeBucket, number> = { lt1d: 0, d1to3: 0, d3to7: 0, gt7d: 0 };
  for (const ticket of open) counts[ageBucketOf(ticket.createdAt, now)] += 1;
  return counts;
}

/** Open tickets per assignee id (`null` for unassigned, listed last among equals), most loaded first. */
export function openByAssignee(open: readonly Pick<ReportTicket, 'assigneeId'>[]): { assigneeId: string | null; count: number }[] {
  const counts = new Map<string | null, number>();
  for (const ticket of open) counts.set(ticket.assigneeId ?? null, (counts.get(ticket.assigneeId ?? null) ?? 0) + 1);
  const rank = (id: string | null) => (id === null ? '\uffff' : id);
  return [...counts.entries()]
    .map(([assigneeId, count]) => ({ assigneeId, count }))
    .sort((a, b) => b.count - a.count || rank(a.assigneeId).localeCompare(rank(b.assigneeId)));
}
