import type { AssetState } from '../domain/vocabulary.js';
import type { Asset } from '../schemas/assets.js';
import type { DomainEvent } from '../schemas/events.js';
import type { AssetChangeCause } from './events.js';

/**
 * State changes and moves that something else causes (an audit, a collection), pure: each
 * returns the patched asset and the immutable event that explains it, or null when there is
 * nothing to change. The callers write both in the local replica.
 */
export interface ChangeCause {
  readonly kind: AssetChangeCause;
  /** The audit id, or the `asset.collected` event id. */
  readonly refId: string;
  readonly label: string;
}

export interface EventStamp {
  readonly id: string;
  readonly at: string;
  readonly authorId: string;
  readonly deviceId: string;
}

export interface AssetChange {
  readonly asset: Asset;
  readonly event: DomainEvent;
}

function assetEvent(asset: Asset, stamp: EventStamp, type: 'asset.state' | 'asset.moved', data: object): DomainEvent {
  return {
    id: stamp.id,
    contractId: asset.contractId,
    subjectType: 'asset',
    subjectId: asset.id,
    type,
    at: stamp.at,
    authorId: stamp.authorId,
    deviceId: stamp.deviceId.slice(0, 64),
    data: { ...data },
  };
}

function cutCause(cause: ChangeCause): ChangeCause {
  return { kind: cause.kind, refId: cause.refId, label: cause.label.slice(0, 200) };
}

/** States an audit does not turn into `missing`: already missing, or gone on purpose. */
export function canGoMissing(state: string): boolean {
  return state !== 'missing' && !state.startsWith('retired');
}

/** Expected by an audit, never scanned: `missing`, with the audit named in the event. */
export function markMissing(asset: Asset, cause: ChangeCause, stamp: EventStamp): AssetChange | null {
  if (!canGoMissing(asset.state)) return null;
  const next: Asset = { ...asset, state: 'missing', updatedAt: stamp.at };
  return { asset: next, event: assetEvent(asset, stamp, 'asset.state', { from: asset.state, to: 'missing', cause: cutCause(cause) }) };
}

/**
 * A missing asset seen again (scanned in an audit, or collected): back to the state it had when
 * it went missing (`before`, from its last `asset.state` event), `in_use` when that is unknown.
 */
export function markFound(asset: Asset, before: AssetState | null, cause: ChangeCause, stamp: EventStamp): AssetChange | null {
  if (asset.state !== 'missing') return null;
  const to: AssetState = before && before !== 'missing' ? before : 'in_use';
  const next: Asset = { ...asset, state: to, updatedAt: stamp.at };
  return { asset: next, event: assetEvent(asset, stamp, 'asset.state', { from: 'missing', to, cause: cutCause(cause) }) };
}

/** The state an asset had before its most recent change to `missing`, from its events (any order). */
export function stateBeforeMissing(events: readonly Pick<DomainEvent, 'type' | 'at' | 'id' | 'data'>[]): AssetState | null {
  let latest: { at: string; id: string; from: AssetState } | null = null;
  for (const event of events) {
    if (event.type !== 'asset.state') continue;
    const data = event.data as { from?: AssetState; to?: AssetState };
    if (data.to !== 'missing' || !data.from) continue;
    if (!latest || event.at > latest.at || (event.at === latest.at && event.id > latest.id)) latest = { at: event.at, id: event.id, from: data.from };
  }
  return latest?.from ?? null;
}

/** Found elsewhere in an audit and the person accepted the correction: the audit's site (and room, when it had one). */
export function moveTo(asset: Asset, to: { siteId: string; room: string | null }, cause: ChangeCause, stamp: EventStamp): AssetChange | null {
  const room = to.room ?? (asset.siteId === to.siteId ? asset.room : '');
  if (asset.siteId === to.siteId && asset.room === room) return null;
  const next: Asset = { ...asset, siteId: to.siteId, room, updatedAt: stamp.at };
  return {
    asset: next,
    event: assetEvent(asset, stamp, 'asset.moved', { from: { siteId: asset.siteId, room: asset.room }, to: { siteId: to.siteId, room }, cause: cutCause(cause) }),
  };
}
