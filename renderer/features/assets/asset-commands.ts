import { newId } from '../../../common/domain/ids.js';
import type { AssetType } from '../../../common/domain/vocabulary.js';
import type { ErrorBody, ErrorCode, Result } from '../../../common/errors.js';
import { applyChanges, blankAsset, diffAsset, type CollectedField, type FieldChange } from '../../../common/inventory/diff.js';
import type { MatchResult } from '../../../common/inventory/match.js';
import { markFound, stateBeforeMissing } from '../../../common/inventory/asset-changes.js';
import { decodeSnapshot, encodeSnapshot, type SoftwareEntry } from '../../../common/inventory/software.js';
import type { CollectedInventory } from '../../../common/ipc/types.js';
import type { Asset } from '../../../common/schemas/assets.js';
import type { DomainEvent } from '../../../common/schemas/events.js';
import { validateDocument } from '../../../common/validation/validate.js';
import type { DeskDatabase } from '../../db/database.js';

export interface AssetCommandContext {
  readonly db: DeskDatabase;
  readonly user: { readonly id: string };
  readonly deviceId: string;
  readonly now: Date;
}

export interface AssetCommandError extends ErrorBody {
  /** The form field to show the message under ('' = the whole screen). */
  readonly path: string;
}
export type AssetCommandResult<T> = Result<T, AssetCommandError>;

function failure(code: ErrorCode, path: string, message: string): { ok: false; error: AssetCommandError } {
  return { ok: false, error: { code, path, message } };
}

export type CollectionTarget =
  | { readonly kind: 'existing'; readonly assetId: string }
  | { readonly kind: 'new'; readonly contractId: string; readonly tag: string; readonly type: AssetType };

export interface ApplyCollectionInput {
  readonly collection: CollectedInventory;
  readonly source: 'bridge' | 'file';
  readonly match: MatchResult;
  readonly target: CollectionTarget;
  /** The diff rows the person ticked; locked fields are never applied whatever is here. */
  readonly accepted: readonly CollectedField[];
}

function collectedEvent(ctx: AssetCommandContext, asset: Asset, input: ApplyCollectionInput, created: boolean, changes: FieldChange[], applied: FieldChange[]): DomainEvent {
  const appliedFields = new Set(applied.map((change) => change.field));
  return {
    id: newId(),
    contractId: asset.contractId,
    subjectType: 'asset',
    subjectId: asset.id,
    type: 'asset.collected',
    at: ctx.now.toISOString(),
    authorId: ctx.user.id,
    deviceId: ctx.deviceId,
    data: {
      created,
      rule: input.match.rule,
      confidence: input.match.confidence,
      source: input.source,
      collectedAt: input.collection.collectedAt,
      collectorVersion: input.collection.collectorVersion,
      hostname: input.collection.summary.hostname.slice(0, 255),
      softwareCount: input.collection.software.length,
      changes: applied.map(({ field, from, to }) => ({ field, from, to })),
      kept: changes.filter((change) => !appliedFields.has(change.field)).map((change) => change.field),
    },
  };
}

/** bulkInsert reports failures instead of throwing; a failed write must not look like success. */
async function insertEvents(db: DeskDatabase, events: DomainEvent[]): Promise<void> {
  const { error } = await db.events.bulkInsert(events);
  if (error.length > 0) throw new Error(`events not written: ${error.map((entry) => entry.documentId).join(', ')}`);
}

function check(collection: 'assets' | 'events', doc: unknown): { ok: false; error: AssetCommandError } | null {
  const result = validateDocument(collection, doc);
  return result.ok ? null : failure('VALIDATION_FAILED', result.issue.path, result.issue.message);
}

/** The last software snapshot of an asset, decoded (none when it has none or it is not synced here yet). */
async function previousSoftware(db: DeskDatabase, asset: Asset): Promise<SoftwareEntry[] | null> {
  const id = asset.software?.snapshotId;
  if (!id) return null;
  const event = await db.events.findOne(id).exec();
  return event ? decodeSnapshot(event.data) : null;
}

/** The extra facts an applied collection implies: the software snapshot, and a missing asset coming back. */
async function followUps(ctx: AssetCommandContext, before: Asset, after: Asset, input: ApplyCollectionInput, applied: readonly FieldChange[], collected: DomainEvent) {
  let asset = after;
  const events: DomainEvent[] = [];
  const stamp = (offsetMs: number) => ({ id: newId(), at: new Date(ctx.now.getTime() + offsetMs).toISOString(), authorId: ctx.user.id, deviceId: ctx.deviceId });
  if (applied.some((change) => change.field === 'software')) {
    const data = encodeSnapshot(input.collection.software, input.collection.collectedAt, await previousSoftware(ctx.db, before));
    const snapshot: DomainEvent = { ...collected, id: newId(), type: 'asset.software', data: { ...data } };
    asset = { ...asset, software: { count: data.count, fingerprint: data.fingerprint, snapshotId: snapshot.id, collectedAt: data.collectedAt } };
    events.push(snapshot);
  }
  if (asset.state === 'missing') {
    const history = await ctx.db.events.find({ selector: { subjectId: asset.id }, sort: [{ subjectId: 'asc' }, { at: 'asc' }] }).exec();
    const cause = { kind: 'collection' as const, refId: collected.id, label: input.collection.summary.hostname };
    const found = markFound(asset, stateBeforeMissing(history.map((doc) => doc.toMutableJSON())), cause, stamp(1));
    if (found) {
      asset = { ...found.asset, updatedAt: ctx.now.toISOString() };
      events.push(found.event);
    }
  }
  return { asset, events };
}

/**
 * Applies what a person accepted from a collection: to the chosen asset (the diff is recomputed
 * against the latest stored state, so a change synced in meanwhile is not overwritten blindly), or
 * to a new asset. Either way an immutable `asset.collected` event records what was applied and
 * what was kept, so the asset's history shows every collection; an accepted software list is an
 * `asset.software` snapshot event, and a missing asset that is collected comes back with an
 * `asset.state` event naming the collection.
 */
export async function applyCollection(ctx: AssetCommandContext, input: ApplyCollectionInput): Promise<AssetCommandResult<{ asset: Asset; event: DomainEvent }>> {
  const accepted = new Set(input.accepted);
  if (input.target.kind === 'new') {
    const tag = input.target.tag.trim();
    if (!tag) return failure('VALIDATION_FAILED', 'tag', 'tag required');
    const clash = await ctx.db.assets.findOne({ selector: { contractId: input.target.contractId, tag } }).exec();
    if (clash) return failure('VALIDATION_FAILED', 'tag', 'tag already used');
    const blank = blankAsset({ id: newId(), contractId: input.target.contractId, tag, type: input.target.type }, ctx.now);
    const changes = diffAsset(blank, input.collection);
    const { asset: applied, applied: appliedChanges } = applyChanges(blank, changes, accepted, ctx.now);
    const event = collectedEvent(ctx, applied, input, true, changes, appliedChanges);
    const { asset, events } = await followUps(ctx, blank, applied, input, appliedChanges, event);
    const invalid = check('assets', asset) ?? check('events', event) ?? events.map((extra) => check('events', extra)).find(Boolean) ?? null;
    if (invalid) return invalid;
    await ctx.db.assets.insert(asset);
    await insertEvents(ctx.db, [event, ...events]);
    return { ok: true, value: { asset, event } };
  }

  const doc = await ctx.db.assets.findOne(input.target.assetId).exec();
  if (!doc) return failure('NOT_FOUND', '', 'asset not found');
  const before = doc.toMutableJSON();
  const changes = diffAsset(before, input.collection);
  const { asset: applied, applied: appliedChanges } = applyChanges(before, changes, accepted, ctx.now);
  const event = collectedEvent(ctx, applied, input, false, changes, appliedChanges);
  const { asset, events } = await followUps(ctx, before, applied, input, appliedChanges, event);
  const invalid = check('assets', asset) ?? check('events', event) ?? events.map((extra) => check('events', extra)).find(Boolean) ?? null;
  if (invalid) return invalid;
  // Only the top-level fields this collection changed: other edits to the record stay untouched.
  const keys = new Set<keyof Asset>(appliedChanges.map((change) => change.field.split('.')[0] as keyof Asset));
  if (asset.state !== before.state) keys.add('state');
  if (keys.size > 0) {
    const patch: Record<string, unknown> = { updatedAt: asset.updatedAt };
    for (const key of keys) patch[key] = asset[key];
    await doc.incrementalPatch(patch);
  }
  await insertEvents(ctx.db, [event, ...events]);
  return { ok: true, value: { asset, event } };
}
