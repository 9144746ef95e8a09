import { PRIORITIES, TICKET_STATUSES, type Priority, type TicketStatus } from '../domain/vocabulary.js';
import type { SlaEvent, SlaOrigin } from './types.js';

/**
 * Turns a ticket's raw event log into a deterministic replay: sorted by device time then id, one
 * copy per id, times before creation moved to creation, unreadable facts kept only as notes.
 * Nothing here throws on bad data: a log merged from offline devices is whatever it is.
 */

export type ReplayStep =
  | { readonly kind: 'status'; readonly to: TicketStatus; readonly waitingReason: string | null }
  | { readonly kind: 'priority'; readonly to: Priority }
  | { readonly kind: 'customer_note' }
  | { readonly kind: 'ignored'; readonly reason: string };

export interface ReplayEvent {
  readonly id: string;
  readonly type: string;
  /** Effective time: the device time, or the creation time if the device time was earlier. */
  readonly atMs: number;
  /** The device time as written when it is not the effective time. */
  readonly deviceAt: string | null;
  readonly step: ReplayStep;
}

export interface ReplayLog {
  readonly createdAtMs: number;
  readonly creationEventId: string | null;
  readonly initialStatus: TicketStatus;
  readonly initialPriority: Priority;
  readonly events: readonly ReplayEvent[];
}

/** Used when neither the created event nor the origin gives a usable priority. */
const FALLBACK_PRIORITY: Priority = 3;

function asStatus(value: unknown): TicketStatus | null {
  return TICKET_STATUSES.find((status) => status === value) ?? null;
}

function asPriority(value: unknown): Priority | null {
  return PRIORITIES.find((priority) => priority === value) ?? null;
}

function stepOf(event: SlaEvent): ReplayStep | null {
  switch (event.type) {
    case 'ticket.status': {
      // Replay trusts `to` only: `from` written offline may disagree with the merged history.
      const to = asStatus(event.data.to);
      if (to === null) return { kind: 'ignored', reason: `status event without a known target status (${String(event.data.to)})` };
      const reason = event.data.waitingReason;
      return { kind: 'status', to, waitingReason: typeof reason === 'string' ? reason : null };
    }
    case 'ticket.priority': {
      const to = asPriority(event.data.to);
      return to === null ? { kind: 'ignored', reason: `priority event without a priority 1–5 (${String(event.data.to)})` } : { kind: 'priority', to };
    }
    case 'ticket.note':
      return event.data.visibility === 'customer' ? { kind: 'customer_note' } : null;
    default:
      // Assignment, internal notes, time entries and unknown types do not move an SLA clock.
      return null;
  }
}

/** A total order, so the replay never depends on the order events arrived in. */
function compareEvents(a: SlaEvent, b: SlaEvent, atA: number, atB: number): number {
  if (atA !== atB) return atA < atB ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  if (a.type !== b.type) return a.type < b.type ? -1 : 1;
  const dataA = JSON.stringify(a.data);
  const dataB = JSON.stringify(b.data);
  return dataA === dataB ? 0 : dataA < dataB ? -1 : 1;
}

/** Null when the log has no creation event and no origin was given: the clocks cannot start. */
export function buildReplayLog(events: readonly SlaEvent[], origin: SlaOrigin | undefined): ReplayLog | null {
  // Unreadable times sort first and are then moved to creation, where they become notes.
  const timed = events.map((event) => {
    const at = Date.parse(event.at);
    return { event, at: Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at };
  });
  timed.sort((a, b) => compareEvents(a.event, b.event, a.at, b.at));

  const seen = new Set<string>();
  const unique = timed.filter(({ event }) => (seen.has(event.id) ? false : (seen.add(event.id), true)));

  const creation = unique.find(({ event, at }) => event.type === 'ticket.created' && Number.isFinite(at));
  const originAt = origin ? Date.parse(origin.at) : Number.NaN;
  if (!creation && Number.isNaN(originAt)) return null;

  const createdAtMs = creation ? creation.at : originAt;
  const initialStatus = asStatus(creation?.event.data.status) ?? origin?.status ?? 'new';
  const initialPriority = asPriority(creation?.event.data.priority) ?? origin?.priority ?? FALLBACK_PRIORITY;

  const replay: ReplayEvent[] = [];
  for (const { event, at } of unique) {
    if (event === creation?.event) continue;
    const readable = Number.isFinite(at);
    const step: ReplayStep | null = !readable
      ? { kind: 'ignored', reason: `unreadable device time "${event.at}"` }
      : event.type === 'ticket.created'
        ? { kind: 'ignored', reason: 'second creation event; the first one counts' }
        : stepOf(event);
    if (step === null) continue;
    const atMs = readable ? Math.max(at, createdAtMs) : createdAtMs;
    replay.push({ id: event.id, type: event.type, atMs, deviceAt: atMs === at ? null : event.at, step });
  }

  return {
    createdAtMs,
    creationEventId: creation?.event.id ?? null,
    initialStatus,
    initialPriority,
    events: replay,
  };
}
