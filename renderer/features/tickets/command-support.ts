import { newId } from '../../../common/domain/ids.js';
import type { ErrorBody, ErrorCode, Result } from '../../../common/errors.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import type { Ticket } from '../../../common/schemas/tickets.js';
import type { SessionUser } from '../../../common/sync/protocol.js';
import type { TicketStatus, WaitingReason } from '../../../common/domain/vocabulary.js';
import type { BlobMimeType } from '../../../common/blobs/blob-protocol.js';
import type { PhotoSource, TicketEventType, TimeKind } from '../../../common/tickets/events.js';
import { validateDocument } from '../../../common/validation/validate.js';
import type { DeskDatabase } from '../../db/database.js';

/** Everything a ticket command needs besides its own arguments; `now` is the device time of the fact. */
export interface CommandContext {
  readonly db: DeskDatabase;
  readonly user: Pick<SessionUser, 'id'>;
  readonly deviceId: string;
  readonly now: Date;
}

/** The `data` of each ticket event, as `common/tickets/events.ts` validates it. */
export interface TicketEventDataMap {
  'ticket.created': { status: TicketStatus; priority: number };
  'ticket.status': { from: TicketStatus; to: TicketStatus; waitingReason: WaitingReason | null; comment?: string };
  'ticket.note': { text: string; visibility: 'internal' | 'customer' };
  'ticket.assigned': { from: string | null; to: string | null };
  'ticket.priority': { from: number; to: number };
  'ticket.time': { kind: TimeKind; minutes: number; date: string; note?: string };
  'ticket.time_void': { entryId: string; reason?: string };
  'ticket.photo': { sha256: string; mime: BlobMimeType; size: number; width?: number; height?: number; caption?: string; source: PhotoSource };
}
export type TicketEventData<K extends TicketEventType> = TicketEventDataMap[K];

/** A command's failure: `path` names the form field to show the message under ('' = whole form). */
export interface CommandError extends ErrorBody {
  readonly path: string;
}

export type CommandResult<T> = Result<T, CommandError>;

export function failure(code: ErrorCode, path: string, message: string): { ok: false; error: CommandError } {
  return { ok: false, error: { code, path, message } };
}

export function success<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/**
 * Thrown inside an `incrementalModify` callback to abort the write: RxDB rejects the modify
 * without storing anything, and the command turns it back into a Result.
 */
export class CommandAbort extends Error {
  constructor(readonly failure: { ok: false; error: CommandError }) {
    super(failure.error.message);
  }
}

export function unwrapAbort(error: unknown): { ok: false; error: CommandError } {
  if (error instanceof CommandAbort) return error.failure;
  // RxDB wraps errors thrown in modify callbacks in some versions; look one level down.
  const inner = (error as { parameters?: { error?: unknown } } | null)?.parameters?.error;
  if (inner instanceof CommandAbort) return inner.failure;
  return failure('INTERNAL', '', error instanceof Error ? error.message : String(error));
}

/** Validates a would-be ticket; the failure carries the offending field's path. */
export function checkTicket(ticket: unknown): { ok: false; error: CommandError } | null {
  const result = validateDocument('tickets', ticket);
  return result.ok ? null : failure('VALIDATION_FAILED', result.issue.path, result.issue.message);
}

export function ticketEvent<K extends TicketEventType>(
  ctx: CommandContext,
  ticket: Pick<Ticket, 'id' | 'contractId'>,
  type: K,
  data: TicketEventData<K>,
): DomainEvent {
  return {
    id: newId(),
    contractId: ticket.contractId,
    subjectType: 'ticket',
    subjectId: ticket.id,
    type,
    at: ctx.now.toISOString(),
    authorId: ctx.user.id,
    deviceId: ctx.deviceId,
    data: { ...data },
  };
}

/** Validates events before anything is written, so one bad event never leaves half a change. */
export function checkEvents(events: readonly DomainEvent[]): { ok: false; error: CommandError } | null {
  for (const event of events) {
    const result = validateDocument('events', event);
    if (!result.ok) return failure('VALIDATION_FAILED', result.issue.path, result.issue.message);
  }
  return null;
}

export async function insertEvents(db: DeskDatabase, events: readonly DomainEvent[]): Promise<CommandResult<true>> {
  if (events.length === 0) return success(true);
  const { error } = await db.events.bulkInsert([...events]);
  const first = error[0];
  if (first) return failure('INTERNAL', '', `event not stored (${first.status})`);
  return success(true);
}

/** Title and description are free text: trailing blanks from a form are never meaningful. */
export function cleanText(value: string): string {
  return value.trim();
}
