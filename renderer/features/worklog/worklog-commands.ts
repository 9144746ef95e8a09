import type { DomainEvent } from '../../../common/schemas/events.js';
import { checkTimeEntry, type TimeEntryDraft } from '../../../common/tickets/worklog.js';
import type { BlobRepository } from '../../blobs/blob-repository.js';
import { checkEvents, failure, insertEvents, success, ticketEvent, type CommandContext, type CommandResult } from '../tickets/command-support.js';
import type { PreparedPhoto } from './photo-prepare.js';

/** The technician's local calendar date (the day a time entry is for defaults to it). */
export function localDate(now: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

async function ticketOf(ctx: CommandContext, ticketId: string) {
  return ctx.db.tickets.findOne(ticketId).exec();
}

/** Appends a time entry (travel or work) as an immutable `ticket.time` event. */
export async function addTimeEntry(ctx: CommandContext, ticketId: string, draft: TimeEntryDraft): Promise<CommandResult<DomainEvent>> {
  const ticket = await ticketOf(ctx, ticketId);
  if (!ticket) return failure('NOT_FOUND', '', 'ticket not found');
  const problem = checkTimeEntry(draft, localDate(ctx.now));
  if (problem) return failure('VALIDATION_FAILED', problem.field, problem.problem);
  const minutes = Number(draft.hours || 0) * 60 + Number(draft.minutes || 0);
  const note = draft.note.trim();
  const event = ticketEvent(ctx, ticket, 'ticket.time', {
    kind: draft.kind === 'travel' ? 'travel' : 'work',
    minutes,
    date: draft.date,
    ...(note ? { note } : {}),
  });
  const invalid = checkEvents([event]);
  if (invalid) return invalid;
  const stored = await insertEvents(ctx.db, [event]);
  return stored.ok ? success(event) : stored;
}

/** Takes an entry out of the totals with a `ticket.time_void` event; the entry stays in the log. */
export async function voidTimeEntry(ctx: CommandContext, ticketId: string, entryId: string, reason: string): Promise<CommandResult<DomainEvent>> {
  const ticket = await ticketOf(ctx, ticketId);
  if (!ticket) return failure('NOT_FOUND', '', 'ticket not found');
  const entry = await ctx.db.events.findOne(entryId).exec();
  if (!entry || entry.type !== 'ticket.time' || entry.subjectId !== ticketId) return failure('NOT_FOUND', 'entryId', 'time entry not found');
  const trimmed = reason.trim();
  const event = ticketEvent(ctx, ticket, 'ticket.time_void', { entryId, ...(trimmed ? { reason: trimmed } : {}) });
  const invalid = checkEvents([event]);
  if (invalid) return invalid;
  const stored = await insertEvents(ctx.db, [event]);
  return stored.ok ? success(event) : stored;
}

/**
 * Keeps the photo's bytes on this device (queued for upload) and appends its `ticket.photo`
 * event. The bytes are stored first: an event must never point at bytes nobody has.
 */
export async function addPhoto(
  ctx: CommandContext,
  blobs: BlobRepository,
  ticketId: string,
  photo: PreparedPhoto,
  options: { caption: string; source: 'camera' | 'file' },
): Promise<CommandResult<DomainEvent>> {
  const ticket = await ticketOf(ctx, ticketId);
  if (!ticket) return failure('NOT_FOUND', '', 'ticket not found');
  const caption = options.caption.trim();
  const event = ticketEvent(ctx, ticket, 'ticket.photo', {
    sha256: photo.sha256,
    mime: photo.mime,
    size: photo.size,
    ...(photo.width !== null && photo.height !== null ? { width: photo.width, height: photo.height } : {}),
    ...(caption ? { caption } : {}),
    source: options.source,
  });
  const invalid = checkEvents([event]);
  if (invalid) return invalid;
  await blobs.add({ contractId: ticket.contractId, sha256: photo.sha256, mime: photo.mime, size: photo.size, bytes: photo.bytes, state: 'pending' }, ctx.now.getTime());
  const stored = await insertEvents(ctx.db, [event]);
  return stored.ok ? success(event) : stored;
}
