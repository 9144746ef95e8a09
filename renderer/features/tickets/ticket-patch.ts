import type { TicketStatus } from '../../../common/domain/vocabulary.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { ticketEvent, type CommandContext } from './command-support.js';

/** Header fields people may edit after creation (contract, ref and status are not among them). */
export const EDITABLE_FIELDS = [
  'title',
  'description',
  'category',
  'type',
  'channel',
  'urgency',
  'impact',
  'deliveryMode',
  'siteId',
  'requesterId',
  'assigneeId',
  'outOfScopeReason',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** Loose like the form's values; the schema check decides what is valid. */
export type TicketPatch = {
  readonly [K in EditableField]?: K extends 'urgency' | 'impact' ? number : string | null;
};

function same(a: unknown, b: unknown): boolean {
  return (a ?? null) === (b ?? null);
}

/** The fields whose value the patch actually changes (empty strings count as "none"). */
export function changedFields(ticket: Ticket, patch: TicketPatch): EditableField[] {
  return EDITABLE_FIELDS.filter((field) => {
    if (!(field in patch)) return false;
    const value = patch[field];
    const normalised = typeof value === 'string' && field !== 'title' && field !== 'description' ? value || null : value;
    const current = ticket[field];
    return typeof normalised === 'string' && typeof current === 'string'
      ? normalised.trim() !== current.trim()
      : !same(normalised, current);
  });
}

/**
 * Mirrors createTicket's rule: choosing an assignee on a new ticket makes it assigned, removing
 * the assignee of an assigned ticket makes it new again. Other states keep their status.
 */
export function assignmentStatus(before: Ticket, after: Ticket): TicketStatus | null {
  if (before.status === 'new' && !before.assigneeId && after.assigneeId) return 'assigned';
  if (before.status === 'assigned' && before.assigneeId && !after.assigneeId) return 'new';
  return null;
}

/** The immutable facts an edit produces: assignment, priority and status changes. */
export function patchEvents(ctx: CommandContext, before: Ticket, after: Ticket): DomainEvent[] {
  const events: DomainEvent[] = [];
  if (before.assigneeId !== after.assigneeId) {
    events.push(ticketEvent(ctx, after, 'ticket.assigned', { from: before.assigneeId, to: after.assigneeId }));
  }
  if (before.priority !== after.priority) {
    events.push(ticketEvent(ctx, after, 'ticket.priority', { from: before.priority, to: after.priority }));
  }
  if (before.status !== after.status) {
    events.push(
      ticketEvent(ctx, after, 'ticket.status', { from: before.status, to: after.status, waitingReason: after.waitingReason }),
    );
  }
  return events;
}
