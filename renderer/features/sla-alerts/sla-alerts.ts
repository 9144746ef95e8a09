import { SLA_CLOCKS, type SlaClockName, type SlaSummary } from '../../../common/sla/index.js';
import type { Ticket } from '../../../common/schemas/tickets.js';

/**
 * When to tell a technician that one of their tickets reached the SLA warning or breached, pure so
 * it is tested without timers or a browser.
 *
 * - Once per ticket, clock and threshold: the key `sla:<ticket>:<clock>:<warning|breach>` is
 *   remembered (per user, on this device) and never fires again, whatever re-renders.
 * - Crossings that already happened when the app opens (or while the first sync brings tickets in)
 *   are not announced one by one: they are summed up once ("3 of your tickets need attention").
 * - A breach supersedes the warning of the same clock: a clock that crossed both while the app was
 *   closed or asleep gives one breach message, and its warning can never come afterwards.
 * - More than `maxIndividual` at once become one summary too (a morning with many at-risk tickets
 *   must not bury the screen).
 * - Keys of tickets that are no longer the user's open tickets are forgotten, so a ticket assigned
 *   back to them later is announced again.
 */

export type AlertLevel = 'warning' | 'breach';

export interface AlertCandidate {
  readonly key: string;
  readonly ticketId: string;
  readonly ref: string;
  readonly title: string;
  readonly clock: SlaClockName;
  readonly level: AlertLevel;
  readonly percentUsed: number;
  /** When the clock is due (warning) or went past its target (breach). */
  readonly at: string | null;
}

export interface AlertMemory {
  readonly seen: ReadonlySet<string>;
}

export interface AlertDecision {
  /** One notification each. */
  readonly individual: readonly AlertCandidate[];
  /** One notification for all of these together (empty: none). */
  readonly summary: readonly AlertCandidate[];
  readonly memory: AlertMemory;
}

export const alertKey = (ticketId: string, clock: SlaClockName, level: AlertLevel) => `sla:${ticketId}:${clock}:${level}`;

/** The thresholds each ticket's running (or paused) clocks are past right now. */
export function currentAlerts(items: readonly { readonly ticket: Pick<Ticket, 'id' | 'ref' | 'title'>; readonly summary: SlaSummary }[]): AlertCandidate[] {
  const candidates: AlertCandidate[] = [];
  for (const { ticket, summary } of items) {
    for (const clock of SLA_CLOCKS) {
      const state = summary[clock];
      // A finished clock (met, breached at resolve, cancelled) needs nobody's attention any more.
      if (state.state !== 'running' && state.state !== 'paused') continue;
      if (state.level === 'ok') continue;
      const level: AlertLevel = state.level === 'breached' ? 'breach' : 'warning';
      candidates.push({
        key: alertKey(ticket.id, clock, level),
        ticketId: ticket.id,
        ref: ticket.ref,
        title: ticket.title,
        clock,
        level,
        percentUsed: state.percentUsed,
        at: level === 'breach' ? state.breachedAt : state.dueAt,
      });
    }
  }
  return candidates;
}

export interface DecideOptions {
  /** True for the first look after the app opened, and while the first sync is still running. */
  readonly baseline: boolean;
  /** The user's open tickets now: keys of any other ticket are forgotten. */
  readonly openTicketIds: ReadonlySet<string>;
  readonly maxIndividual?: number;
}

export function decideAlerts(memory: AlertMemory, candidates: readonly AlertCandidate[], options: DecideOptions): AlertDecision {
  const fresh = candidates.filter((candidate) => !memory.seen.has(candidate.key));
  const seen = new Set<string>();
  for (const key of [...memory.seen, ...fresh.map((candidate) => candidate.key)]) {
    // sla:<ticket id, which may hold ':'>:<clock>:<level>
    const ticketId = key.split(':').slice(1, -2).join(':');
    if (!options.openTicketIds.has(ticketId)) continue;
    seen.add(key);
    // A breach makes its clock's warning old news.
    if (key.endsWith(':breach')) seen.add(`${key.slice(0, -':breach'.length)}:warning`);
  }
  const many = fresh.length > (options.maxIndividual ?? 3);
  if (options.baseline || many) return { individual: [], summary: fresh, memory: { seen } };
  return { individual: fresh, summary: [], memory: { seen } };
}

const STORAGE_PREFIX = 'deskops.slaAlerts.';
const MAX_REMEMBERED = 2000;

/** What this user was already told on this device (survives reloads and restarts). */
export function loadAlertMemory(userId: string, storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): AlertMemory {
  try {
    const raw = storage?.getItem(`${STORAGE_PREFIX}${userId}`);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return { seen: new Set(Array.isArray(parsed) ? parsed.filter((key): key is string => typeof key === 'string') : []) };
  } catch {
    return { seen: new Set() };
  }
}

export function saveAlertMemory(userId: string, memory: AlertMemory, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(`${STORAGE_PREFIX}${userId}`, JSON.stringify([...memory.seen].slice(-MAX_REMEMBERED)));
  } catch {
    // Storage full or blocked: at worst a warning is shown again after a restart.
  }
}
