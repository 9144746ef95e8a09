import { newId } from '../../../common/domain/ids.js';
import { AUDIT_SUBJECT_TYPE, type AuditEventType } from '../../../common/inventory/audit-events.js';
import { buildAuditReport, expectedAssets, scanData, type AuditStart } from '../../../common/inventory/audit.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { validateDocument } from '../../../common/validation/validate.js';
import type { DeskDatabase } from '../../db/database.js';

/** Everything an audit command needs besides its arguments; `now` is the device time of the fact. */
export interface AuditContext {
  readonly db: DeskDatabase;
  readonly userId: string;
  readonly deviceId: string;
  readonly now: Date;
}

/**
 * A scanner burst stores several scans in one millisecond; replay orders by (`at`, id) and the id
 * is random, so equal times would shuffle the scans (and could pick the wrong "first" of a
 * duplicate). Each event of this device gets a time at least 1 ms after the previous one.
 */
let lastStamp = 0;
function strictlyLater(now: Date): string {
  lastStamp = Math.max(now.getTime(), lastStamp + 1);
  return new Date(lastStamp).toISOString();
}

function auditEvent(ctx: AuditContext, contractId: string, auditId: string, type: AuditEventType, data: object): DomainEvent {
  const event: DomainEvent = {
    id: newId(),
    contractId,
    subjectType: AUDIT_SUBJECT_TYPE,
    subjectId: auditId,
    type,
    at: strictlyLater(ctx.now),
    authorId: ctx.userId,
    deviceId: ctx.deviceId.slice(0, 64),
    data: { ...data },
  };
  // The same check the server runs: a bad event is refused here, not after a day offline.
  const result = validateDocument('events', event);
  if (!result.ok) throw new Error(`${result.issue.path}: ${result.issue.message}`);
  return event;
}

async function assetsOf(db: DeskDatabase, contractId: string): Promise<Asset[]> {
  const docs = await db.assets.find({ selector: { contractId }, sort: [{ contractId: 'asc' }, { tag: 'asc' }] }).exec();
  return docs.map((doc) => doc.toMutableJSON());
}

/** Starts an audit: the expected list is taken from this replica now and kept in the event. Returns the audit id. */
export async function startAudit(ctx: AuditContext, contractId: string, siteId: string, room: string | null): Promise<string> {
  const assets = await assetsOf(ctx.db, contractId);
  const start: AuditStart = { siteId, room, expected: expectedAssets(assets, siteId, room) };
  const auditId = newId();
  await ctx.db.events.insert(auditEvent(ctx, contractId, auditId, 'audit.started', start));
  return auditId;
}

/** One scan, with what this replica knows about the tag; `byTag` is the contract's assets by normalised tag. */
export async function recordScan(
  ctx: AuditContext,
  audit: { id: string; contractId: string },
  rawTag: string,
  source: 'scanner' | 'keyboard' | 'paste',
  byTag: ReadonlyMap<string, Pick<Asset, 'id' | 'siteId' | 'room'>>,
): Promise<DomainEvent> {
  const event = auditEvent(ctx, audit.contractId, audit.id, 'audit.scan', scanData(rawTag, source, byTag));
  await ctx.db.events.insert(event);
  return event;
}

/** Closes the audit with the counts and missing list derived from its events. */
export async function closeAudit(
  ctx: AuditContext,
  audit: { id: string; contractId: string; start: AuditStart },
  scans: readonly DomainEvent[],
): Promise<void> {
  const report = buildAuditReport(audit.start, scans);
  const data = { counts: report.counts, missingAssetIds: report.missing.map((asset) => asset.assetId) };
  await ctx.db.events.insert(auditEvent(ctx, audit.contractId, audit.id, 'audit.closed', data));
}
