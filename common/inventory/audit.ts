import type { DomainEvent } from '../schemas/events.js';
import { normalizeTag } from './audit-tag.js';

/**
 * Audit classification, pure: the screen, the report and the supervisor's view all derive the
 * result from the same events with these functions, so what the technician saw offline is what
 * the supervisor sees after sync.
 */
export type ScanResult = 'found' | 'found_elsewhere' | 'unknown' | 'duplicate';

export interface ExpectedAsset {
  readonly assetId: string;
  readonly tag: string;
  readonly room: string;
}

/** The data of an `audit.started` event. */
export interface AuditStart {
  readonly siteId: string;
  readonly room: string | null;
  readonly expected: readonly ExpectedAsset[];
}

/** What the auditor's replica knew about a tag when it was scanned. */
export interface AssetAtScan {
  readonly assetId: string;
  readonly siteId: string | null;
  readonly room: string;
}

/** The data of an `audit.scan` event. */
export interface AuditScanData {
  readonly tag: string;
  readonly source: 'scanner' | 'keyboard' | 'paste';
  readonly assetId: string | null;
  readonly assetSiteId: string | null;
  readonly assetRoom: string | null;
}

export interface AuditCounts {
  readonly expected: number;
  readonly found: number;
  readonly foundElsewhere: number;
  readonly unknown: number;
  readonly duplicate: number;
  readonly missing: number;
}

export interface ClassifiedScan {
  readonly eventId: string;
  readonly at: string;
  readonly tag: string;
  readonly result: ScanResult;
  readonly assetId: string | null;
  readonly assetSiteId: string | null;
  readonly assetRoom: string | null;
}

export interface AuditReport {
  readonly scans: readonly ClassifiedScan[];
  readonly counts: AuditCounts;
  /** Expected assets never scanned, in tag order. */
  readonly missing: readonly ExpectedAsset[];
}

/** Whether an asset belongs on the expected list of an audit of `siteId` (and `room`, when given). */
export function isExpectedAt(asset: { siteId: string | null; room: string }, siteId: string, room: string | null): boolean {
  if (asset.siteId !== siteId) return false;
  return room === null || normalizeRoom(asset.room) === normalizeRoom(room);
}

function normalizeRoom(room: string): string {
  return room.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('tr');
}

/** The expected list of a new audit from the assets of the local replica, sorted by tag. */
export function expectedAssets(
  assets: readonly { id: string; tag: string; siteId: string | null; room: string; state: string }[],
  siteId: string,
  room: string | null,
): ExpectedAsset[] {
  return assets
    // Retired assets are gone on purpose: expecting them would report them missing forever.
    .filter((asset) => !asset.state.startsWith('retired') && isExpectedAt(asset, siteId, room))
    .map((asset) => ({ assetId: asset.id, tag: normalizeTag(asset.tag), room: asset.room }))
    .sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : a.assetId < b.assetId ? -1 : 1));
}

/** Tag → asset of the audited contract, for the scan-time lookup (tags compared normalised). */
export function indexAssetsByTag<T extends { tag: string }>(assets: readonly T[]): ReadonlyMap<string, T> {
  const byTag = new Map<string, T>();
  for (const asset of assets) {
    const key = normalizeTag(asset.tag);
    if (!byTag.has(key)) byTag.set(key, asset);
  }
  return byTag;
}

/** The `audit.scan` data for a tag: the lookup is recorded so the report never depends on a later replica. */
export function scanData(
  rawTag: string,
  source: AuditScanData['source'],
  byTag: ReadonlyMap<string, { id: string; siteId: string | null; room: string }>,
): AuditScanData {
  const tag = normalizeTag(rawTag);
  const asset = byTag.get(tag);
  return { tag, source, assetId: asset?.id ?? null, assetSiteId: asset?.siteId ?? null, assetRoom: asset?.room ?? null };
}

/** One scan against the audit so far. A tag on the expected list is `found` even if the replica moved the asset since. */
export function classifyScan(start: AuditStart, seen: ReadonlySet<string>, scan: AuditScanData): ScanResult {
  if (seen.has(scan.tag)) return 'duplicate';
  if (start.expected.some((asset) => asset.tag === scan.tag)) return 'found';
  return scan.assetId ? 'found_elsewhere' : 'unknown';
}

/** Events of one audit in replay order: device time, then id (stable when two share a millisecond). */
export function orderAuditEvents<T extends Pick<DomainEvent, 'at' | 'id'>>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The whole result of an audit from its start and its scan events (any order). */
export function buildAuditReport(
  start: AuditStart,
  scanEvents: readonly Pick<DomainEvent, 'id' | 'at' | 'data'>[],
): AuditReport {
  const seen = new Set<string>();
  const scans: ClassifiedScan[] = [];
  const tally = { found: 0, foundElsewhere: 0, unknown: 0, duplicate: 0 };
  for (const event of orderAuditEvents(scanEvents)) {
    const data = event.data as unknown as AuditScanData;
    const result = classifyScan(start, seen, data);
    seen.add(data.tag);
    if (result === 'found') tally.found += 1;
    else if (result === 'found_elsewhere') tally.foundElsewhere += 1;
    else if (result === 'unknown') tally.unknown += 1;
    else tally.duplicate += 1;
    scans.push({ eventId: event.id, at: event.at, tag: data.tag, result, assetId: data.assetId, assetSiteId: data.assetSiteId, assetRoom: data.assetRoom });
  }
  const missing = start.expected.filter((asset) => !seen.has(asset.tag));
  return { scans, missing, counts: { expected: start.expected.length, ...tally, missing: missing.length } };
}
