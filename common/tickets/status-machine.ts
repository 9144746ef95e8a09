import type { TicketStatus, WaitingReason } from '../domain/vocabulary.js';

/**
 * Ticket lifecycle: New → Assigned → In progress ⇄ Waiting → Resolved → Closed; Cancelled.
 * Reopen is Resolved → In progress. Closed and Cancelled are final.
 * Checked in the UI (which buttons exist), in the client write path and on the server.
 */
const TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  new: ['assigned', 'in_progress', 'cancelled'],
  assigned: ['new', 'in_progress', 'waiting', 'cancelled'],
  in_progress: ['assigned', 'waiting', 'resolved', 'cancelled'],
  waiting: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['closed', 'in_progress'],
  closed: [],
  cancelled: [],
};

export function allowedTransitions(from: TicketStatus): readonly TicketStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return from === to || TRANSITIONS[from].includes(to);
}

/**
 * Whether `to` follows `from` through allowed steps. A device offline between two syncs pushes only
 * the ticket's latest state (assigned → in progress → waiting → resolved arrives as assigned →
 * resolved); every step was checked where it was made and is in the event log, so the server checks
 * reachability. Nothing leaves a final status.
 */
export function canReach(from: TicketStatus, to: TicketStatus): boolean {
  const seen = new Set<TicketStatus>([from]);
  const queue: TicketStatus[] = [from];
  for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
    if (next === to) return true;
    for (const step of TRANSITIONS[next] ?? []) {
      if (!seen.has(step)) {
        seen.add(step);
        queue.push(step);
      }
    }
  }
  return false;
}

export function isFinal(status: TicketStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export function isReopen(from: TicketStatus, to: TicketStatus): boolean {
  return from === 'resolved' && to === 'in_progress';
}

/**
 * How far along the lifecycle a status is; the three-way merge keeps the further one when both
 * sides changed the status.
 */
export const STATUS_RANK: Readonly<Record<TicketStatus, number>> = {
  new: 0,
  assigned: 1,
  in_progress: 2,
  waiting: 2,
  resolved: 3,
  closed: 4,
  cancelled: 4,
};

export interface StatusChange {
  readonly from: TicketStatus;
  readonly to: TicketStatus;
  readonly waitingReason: WaitingReason | null;
}

export type TransitionProblem = 'not_allowed' | 'waiting_reason_required' | 'waiting_reason_unexpected';

/** Validates a status change including its waiting reason; `null` when it is fine. */
export function checkStatusChange(change: StatusChange): TransitionProblem | null {
  if (!canTransition(change.from, change.to)) return 'not_allowed';
  if (change.to === 'waiting' && change.waitingReason === null) return 'waiting_reason_required';
  if (change.to !== 'waiting' && change.waitingReason !== null) return 'waiting_reason_unexpected';
  return null;
}
