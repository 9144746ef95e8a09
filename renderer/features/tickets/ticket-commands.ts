import { newId, newTicketRef } from '../../../common/domain/ids.js';
import type { TicketStatus, WaitingReason } from '../../../common/domain/vocabulary.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import { checkStatusChange } from '../../../common/tickets/status-machine.js';
import {
  CommandAbort,
  checkEvents,
  checkTicket,
  cleanText,
  failure,
  insertEvents,
  success,
  ticketEvent,
  unwrapAbort,
  type CommandContext,
  type CommandResult,
} from './command-support.js';
import { assignmentStatus, changedFields, patchEvents, type TicketPatch } from './ticket-patch.js';
import { checkLevels, checkReferences, priorityFor } from './ticket-references.js';

export type { CommandContext, CommandError, CommandResult } from './command-support.js';
export type { TicketPatch } from './ticket-patch.js';

/** What the create form collects; loose types on purpose — the schema decides what is valid. */
export interface TicketDraft {
  readonly contractId: string;
  readonly siteId: string | null;
  readonly requesterId: string | null;
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly type: string;
  readonly channel: string;
  readonly urgency: number | null;
  readonly impact: number | null;
  readonly deliveryMode: string;
  readonly assigneeId: string | null;
  readonly outOfScopeReason: string | null;
  readonly assetIds?: readonly string[];
}

export type NoteVisibility = 'internal' | 'customer';

/** Creates the header (status `new`, or `assigned` when someone is chosen) and its `ticket.created` event. */
export async function createTicket(ctx: CommandContext, draft: TicketDraft): Promise<CommandResult<Ticket>> {
  const refs = await checkReferences(ctx.db, draft.contractId, draft);
  if (!refs.ok) return refs;
  const levels = checkLevels({ urgency: draft.urgency ?? 0, impact: draft.impact ?? 0 });
  if (levels) return levels;
  const at = ctx.now.toISOString();
  const urgency = draft.urgency ?? 0;
  const impact = draft.impact ?? 0;
  const candidate = {
    id: newId(),
    contractId: draft.contractId,
    ref: newTicketRef(refs.contract.code, ctx.now),
    title: cleanText(draft.title),
    description: cleanText(draft.description),
    requesterId: draft.requesterId || null,
    siteId: draft.siteId || null,
    assetIds: [...(draft.assetIds ?? [])],
    category: draft.category,
    type: draft.type,
    channel: draft.channel,
    urgency,
    impact,
    priority: priorityFor(urgency, impact),
    deliveryMode: draft.deliveryMode,
    status: draft.assigneeId ? 'assigned' : 'new',
    waitingReason: null,
    assigneeId: draft.assigneeId || null,
    outOfScopeReason: draft.outOfScopeReason || null,
    createdAt: at,
    createdBy: ctx.user.id,
    updatedAt: at,
  };
  const invalid = checkTicket(candidate);
  if (invalid) return invalid;
  const ticket = candidate as Ticket;
  const created = ticketEvent(ctx, ticket, 'ticket.created', { status: ticket.status, priority: ticket.priority });
  const badEvent = checkEvents([created]);
  if (badEvent) return badEvent;
  await ctx.db.tickets.insert(ticket);
  const stored = await insertEvents(ctx.db, [created]);
  return stored.ok ? success(ticket) : stored;
}

/** Edits header fields; priority follows urgency × impact, and priority/assignee changes become events. */
export async function updateTicket(ctx: CommandContext, id: string, patch: TicketPatch): Promise<CommandResult<Ticket>> {
  const doc = await ctx.db.tickets.findOne(id).exec();
  if (!doc) return failure('NOT_FOUND', '', 'ticket not found');
  const levels = checkLevels(patch);
  if (levels) return levels;
  const refs = await checkReferences(ctx.db, doc.contractId, patch);
  if (!refs.ok) return refs;
  if (changedFields(doc.toMutableJSON(), patch).length === 0) return success(doc.toMutableJSON());
  let events: DomainEvent[] = [];
  try {
    const saved = await doc.incrementalModify((current) => {
      const before = current as Ticket;
      const merged = { ...before, ...normalisePatch(patch), updatedAt: ctx.now.toISOString() };
      const next: Ticket = { ...merged, priority: priorityFor(merged.urgency, merged.impact) };
      const status = assignmentStatus(before, next);
      const final: Ticket = status ? { ...next, status, waitingReason: null } : next;
      const invalid = checkTicket(final);
      if (invalid) throw new CommandAbort(invalid);
      events = patchEvents(ctx, before, final);
      const badEvent = checkEvents(events);
      if (badEvent) throw new CommandAbort(badEvent);
      return final;
    });
    const stored = await insertEvents(ctx.db, events);
    return stored.ok ? success(saved.toMutableJSON()) : stored;
  } catch (error) {
    return unwrapAbort(error);
  }
}

function normalisePatch(patch: TicketPatch): Partial<Ticket> {
  const next: Record<string, unknown> = { ...patch };
  if (typeof patch.title === 'string') next.title = cleanText(patch.title);
  if (typeof patch.description === 'string') next.description = cleanText(patch.description);
  for (const key of ['siteId', 'requesterId', 'assigneeId', 'outOfScopeReason'] as const) {
    if (key in patch) next[key] = patch[key] || null;
  }
  return next;
}

/**
 * Moves the ticket through its lifecycle. The transition is checked against the latest stored
 * state (not what the screen showed), and the immutable `ticket.status` event records from → to
 * with the device time, so the SLA clock can be derived even when the work happened offline.
 */
export async function changeStatus(
  ctx: CommandContext,
  id: string,
  to: TicketStatus,
  waitingReason: WaitingReason | null,
  comment?: string,
): Promise<CommandResult<Ticket>> {
  const doc = await ctx.db.tickets.findOne(id).exec();
  if (!doc) return failure('NOT_FOUND', '', 'ticket not found');
  const note = comment?.trim() ?? '';
  let event: DomainEvent | null = null;
  try {
    const saved = await doc.incrementalModify((current) => {
      const before = current as Ticket;
      const problem = checkStatusChange({ from: before.status, to, waitingReason });
      if (problem === 'waiting_reason_required' || problem === 'waiting_reason_unexpected') {
        throw new CommandAbort(failure('VALIDATION_FAILED', 'waitingReason', problem));
      }
      // Same status is only a change when the waiting reason changes (e.g. user → parts).
      const unchanged = before.status === to && (to !== 'waiting' || before.waitingReason === waitingReason);
      if (problem === 'not_allowed' || unchanged) {
        throw new CommandAbort(failure('TRANSITION_NOT_ALLOWED', 'status', `${before.status} → ${to} is not allowed`));
      }
      const next: Ticket = { ...before, status: to, waitingReason, updatedAt: ctx.now.toISOString() };
      const invalid = checkTicket(next);
      if (invalid) throw new CommandAbort(invalid);
      const data = { from: before.status, to, waitingReason, ...(note ? { comment: note } : {}) };
      event = ticketEvent(ctx, next, 'ticket.status', data);
      const badEvent = checkEvents([event]);
      if (badEvent) throw new CommandAbort(badEvent);
      return next;
    });
    const stored = await insertEvents(ctx.db, event ? [event] : []);
    return stored.ok ? success(saved.toMutableJSON()) : stored;
  } catch (error) {
    return unwrapAbort(error);
  }
}

/** Appends a note as its own immutable event; the ticket header is not touched, so notes never conflict. */
export async function addNote(
  ctx: CommandContext,
  id: string,
  text: string,
  visibility: NoteVisibility,
): Promise<CommandResult<DomainEvent>> {
  const doc = await ctx.db.tickets.findOne(id).exec();
  if (!doc) return failure('NOT_FOUND', '', 'ticket not found');
  const event = ticketEvent(ctx, doc, 'ticket.note', { text: text.trim(), visibility });
  const invalid = checkEvents([event]);
  if (invalid) return invalid;
  const stored = await insertEvents(ctx.db, [event]);
  return stored.ok ? success(event) : stored;
}
