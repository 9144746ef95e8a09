import type { TicketStatus, WaitingReason } from '../../../common/domain/vocabulary.js';
import { restorePatch, type ConflictRecord } from '../../../common/sync/merge/conflict-record.js';
import { validateDocument } from '../../../common/validation/validate.js';
import { failure, success, type CommandContext, type CommandResult } from '../tickets/command-support.js';
import { changeStatus, updateTicket } from '../tickets/ticket-commands.js';

export type ConflictAction = 'restored' | 'dismissed';

/** Marks the record as decided; the server accepts this change from supervisors and admins only. */
async function resolve(ctx: CommandContext, record: ConflictRecord, action: ConflictAction): Promise<CommandResult<null>> {
  const doc = await ctx.db.conflicts.findOne(record.id).exec();
  if (!doc) return failure('NOT_FOUND', '', 'conflict record not found');
  await doc.incrementalPatch({ resolution: { action, by: ctx.user.id, at: ctx.now.toISOString() } });
  return success(null);
}

export function dismissConflict(ctx: CommandContext, record: ConflictRecord): Promise<CommandResult<null>> {
  return resolve(ctx, record, 'dismissed');
}

/**
 * Puts the overruled value back as an ordinary local edit, so it syncs like any other change and
 * may itself meet a conflict. Tickets go through the ticket commands: a status change is checked
 * against the lifecycle and writes its `ticket.status` event, priority follows urgency × impact.
 */
export async function restoreConflict(ctx: CommandContext, record: ConflictRecord): Promise<CommandResult<null>> {
  const patch = restorePatch(record);
  const applied = record.documentCollection === 'tickets' ? await restoreTicket(ctx, record.documentId, patch) : await restoreOther(ctx, record, patch);
  if (!applied.ok) return applied;
  return resolve(ctx, record, 'restored');
}

async function restoreTicket(ctx: CommandContext, id: string, patch: Record<string, unknown>): Promise<CommandResult<unknown>> {
  if ('_deleted' in patch) return restoreDeletion(ctx, 'tickets', id, patch);
  const { status, waitingReason, ...rest } = patch;
  const current = await ctx.db.tickets.findOne(id).exec();
  if (!current) return failure('NOT_FOUND', '', 'ticket not found on this device');
  if (typeof status === 'string' && (status !== current.status || (waitingReason ?? null) !== current.waitingReason)) {
    const changed = await changeStatus(ctx, id, status as TicketStatus, (waitingReason ?? null) as WaitingReason | null);
    if (!changed.ok) return changed;
  }
  // Priority is derived from urgency × impact by updateTicket, never patched directly.
  const { priority: _derived, ...editable } = rest;
  if (Object.keys(editable).length === 0) return success(null);
  return updateTicket(ctx, id, editable);
}

async function restoreOther(ctx: CommandContext, record: ConflictRecord, patch: Record<string, unknown>): Promise<CommandResult<unknown>> {
  const collection = record.documentCollection;
  if ('_deleted' in patch) return restoreDeletion(ctx, collection, record.documentId, patch);
  const doc = await ctx.db[collection].findOne(record.documentId).exec();
  if (!doc) return failure('NOT_FOUND', '', `${collection} document not found on this device`);
  const next = { ...doc.toMutableJSON(), ...patch, updatedAt: ctx.now.toISOString() };
  const result = validateDocument(collection, next);
  if (!result.ok) return failure('VALIDATION_FAILED', result.issue.path, result.issue.message);
  // The collection union makes `incrementalPatch` uncallable with one object type; the value was validated above.
  await (doc as unknown as { incrementalPatch: (value: Record<string, unknown>) => Promise<unknown> }).incrementalPatch({ ...patch, updatedAt: next.updatedAt });
  return success(null);
}

/** An overruled delete can be repeated; an overruled edit of a now-deleted document cannot come back from here. */
async function restoreDeletion(ctx: CommandContext, collection: ConflictRecord['documentCollection'], id: string, patch: Record<string, unknown>): Promise<CommandResult<unknown>> {
  if (patch['_deleted'] !== true) return failure('VALIDATION_FAILED', '_deleted', 'a deleted document cannot be brought back from here');
  const doc = await ctx.db[collection].findOne(id).exec();
  if (doc) await doc.remove();
  return success(null);
}
