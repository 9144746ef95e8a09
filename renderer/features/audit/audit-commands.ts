import { newId } from '../../../common/domain/ids.js';
import { AUDIT_SUBJECT_TYPE, type AuditEventType } from '../../../common/inventory/audit-events.js';
import { markFound, markMissing, moveTo, stateBeforeMissing, type AssetChange, type ChangeCause } from '../../../common/inventory/asset-changes.js';
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

/** Writes an asset's state change or move and its event (the asset document as patched by `change`). */
async function writeChange(db: DeskDatabase, change: AssetChange): Promise<void> {
  const result = validateDocument('events', change.event);
  if (!result.ok) throw new Error(`${result.issue.path}: ${result.issue.message}`);
  const doc = await db.assets.findOne(change.asset.id).exec();
  if (!doc) return;
  await doc.incrementalPatch({ state: change.asset.state, siteId: change.asset.siteId, room: change.asset.room, updatedAt: change.asset.updatedAt });
  await db.events.insert(change.event);
}

function stamp(ctx: AuditContext) {
  return { id: newId(), at: strictlyLater(ctx.now), authorId: ctx.userId, deviceId: ctx.deviceId };
}

/**
 * One scan, with what this replica knows about the tag; `byTag` is the contract's assets by
 * normalised tag. A `missing` asset that is scanned comes back at once (offline too) to the
 * state it had before, with an `asset.state` event naming the audit.
 */
export async function recordScan(
  ctx: AuditContext,
  audit: { id: string; contractId: string; label?: string },
  rawTag: string,
  source: 'scanner' | 'keyboard' | 'paste',
  byTag: ReadonlyMap<string, Pick<Asset, 'id' | 'siteId' | 'room'>>,
): Promise<DomainEvent> {
  const event = auditEvent(ctx, audit.contractId, audit.id, 'audit.scan', scanData(rawTag, source, byTag));
  await ctx.db.events.insert(event);
  const assetId = (event.data as { assetId: string | null }).assetId;
  const asset = assetId ? (await ctx.db.assets.findOne(assetId).exec())?.toMutableJSON() : undefined;
  if (asset?.state === 'missing') {
    const history = await ctx.db.events.find({ selector: { subjectId: asset.id }, sort: [{ subjectId: 'asc' }, { at: 'asc' }] }).exec();
    const cause: ChangeCause = { kind: 'audit_scan', refId: audit.id, label: audit.label ?? audit.id };
    const found = markFound(asset, stateBeforeMissing(history.map((doc) => doc.toMutableJSON())), cause, stamp(ctx));
    if (found) await writeChange(ctx.db, found);
  }
  return event;
}

export interface CloseOptions {
  /** Words for the assets' history, e.g. "ANKA · Tuzla Depo / Kat 1 · 25.11.2026". */
  readonly label: string;
  /** Found-elsewhere assets whose location the person accepted to correct to the audit's place. */
  readonly moveAssetIds: readonly string[];
}

/**
 * Closes the audit with the counts and missing list derived from its events. Every expected
 * asset that was never scanned becomes `missing` with an `asset.state` event naming the audit
 * (already missing or retired ones are left as they are). Found-elsewhere assets are moved to the
 * audited place only when the person ticked them (Snipe-IT's "update location" is also opt-in:
 * a scan in the wrong room is as often a passer-by as a relocation).
 */
export async function closeAudit(
  ctx: AuditContext,
  audit: { id: string; contractId: string; start: AuditStart },
  scans: readonly DomainEvent[],
  options: CloseOptions = { label: '', moveAssetIds: [] },
): Promise<{ missing: number; moved: number }> {
  const report = buildAuditReport(audit.start, scans);
  const elsewhere = new Set(report.scans.filter((scan) => scan.result === 'found_elsewhere' && scan.assetId).map((scan) => scan.assetId as string));
  const moveIds = options.moveAssetIds.filter((id) => elsewhere.has(id));
  const data = { counts: report.counts, missingAssetIds: report.missing.map((asset) => asset.assetId), movedAssetIds: moveIds };
  await ctx.db.events.insert(auditEvent(ctx, audit.contractId, audit.id, 'audit.closed', data));

  const cause: ChangeCause = { kind: 'audit', refId: audit.id, label: options.label || audit.id };
  const docs = await ctx.db.assets.findByIds([...report.missing.map((asset) => asset.assetId), ...moveIds]).exec();
  let missing = 0;
  for (const expected of report.missing) {
    const asset = docs.get(expected.assetId)?.toMutableJSON();
    const change = asset ? markMissing(asset, cause, stamp(ctx)) : null;
    if (change) {
      await writeChange(ctx.db, change);
      missing += 1;
    }
  }
  let moved = 0;
  for (const id of moveIds) {
    const asset = docs.get(id)?.toMutableJSON();
    const change = asset ? moveTo(asset, { siteId: audit.start.siteId, room: audit.start.room }, cause, stamp(ctx)) : null;
    if (change) {
      await writeChange(ctx.db, change);
      moved += 1;
    }
  }
  return { missing, moved };
}
