import type { AssetType } from '../domain/vocabulary.js';
import type { CollectedInventory } from '../ipc/types.js';
import type { Asset } from '../schemas/assets.js';
import { identityOf } from './identity.js';
import { normaliseReported } from './junk.js';
import { normaliseSoftware, softwareFingerprint } from './software.js';

/** Every asset field a collection can propose; `hardware.*` are keys inside `asset.hardware`. */
export const COLLECTED_FIELDS = [
  'serial',
  'manufacturer',
  'model',
  'hostname',
  'os',
  'hardware.cpu',
  'hardware.memoryGb',
  'hardware.diskGb',
  'hardware.bios',
  'hardware.uuid',
  'hardware.macs',
  'hardware.virtual',
  /** Legacy: events recorded before the software list was stored name it; no longer proposed. */
  'hardware.softwareCount',
  /**
   * The installed-software list, compared by fingerprint (`count:hash`); applying it writes an
   * `asset.software` snapshot event and the asset's `software` summary (asset-commands.ts).
   */
  'software',
] as const;
export type CollectedField = (typeof COLLECTED_FIELDS)[number];

export type FieldValue = string | number | boolean | readonly string[] | null;

export interface FieldChange {
  readonly field: CollectedField;
  readonly from: FieldValue;
  readonly to: FieldValue;
  /** In `asset.lockedFields` (or the whole `hardware` is locked): shown, never applied. */
  readonly locked: boolean;
}

const GB = 1024 ** 3;

/** What the collection says each field should be; a field the machine did not report is absent. */
export function proposedValues(collection: CollectedInventory): Partial<Record<CollectedField, FieldValue>> {
  const { summary } = collection;
  const id = identityOf(collection);
  const out: Partial<Record<CollectedField, FieldValue>> = {};
  const put = (field: CollectedField, value: FieldValue | undefined) => {
    if (value !== null && value !== undefined && value !== '') out[field] = value;
  };
  put('serial', id.serial);
  put('manufacturer', normaliseReported(summary.system.manufacturer));
  put('model', normaliseReported(summary.system.model));
  put('hostname', id.hostname);
  put('os', normaliseReported(`${summary.os.distro} ${summary.os.release}`.trim()));
  put('hardware.cpu', summary.cpu.brand ? [summary.cpu.manufacturer, summary.cpu.brand].filter(Boolean).join(' ') : null);
  if (summary.memory.totalBytes > 0) put('hardware.memoryGb', Math.round(summary.memory.totalBytes / GB));
  const diskBytes = summary.disks.reduce((sum, disk) => sum + disk.sizeBytes, 0);
  if (diskBytes > 0) put('hardware.diskGb', Math.round(diskBytes / GB));
  put('hardware.bios', [summary.bios.vendor, summary.bios.version].filter(Boolean).join(' ') || null);
  put('hardware.uuid', id.uuid);
  if (id.macs.length > 0) put('hardware.macs', [...id.macs].sort());
  put('hardware.virtual', id.virtual);
  if (collection.softwareGap === null) put('software', softwareFingerprint(normaliseSoftware(collection.software)));
  return out;
}

export function currentValue(asset: Pick<Asset, 'hardware'> & Record<string, unknown>, field: CollectedField): FieldValue {
  if (field === 'software') return (asset['software'] as Asset['software'])?.fingerprint ?? null;
  const raw = field.startsWith('hardware.') ? asset.hardware[field.slice('hardware.'.length)] : asset[field];
  if (raw === undefined || raw === '') return null;
  return raw as FieldValue;
}

export function isLocked(lockedFields: readonly string[], field: CollectedField): boolean {
  return lockedFields.includes(field) || (field.startsWith('hardware.') && lockedFields.includes('hardware'));
}

function same(a: FieldValue, b: FieldValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * The changes a collection would make to a stored asset, in COLLECTED_FIELDS order. Fields the
 * machine did not report are never proposed (an empty value must not wipe a stored one). Locked
 * fields are listed so a person sees the difference, with `locked: true`.
 */
export function diffAsset(asset: Asset, collection: CollectedInventory): FieldChange[] {
  const proposed = proposedValues(collection);
  return COLLECTED_FIELDS.flatMap((field) => {
    const to = proposed[field];
    if (to === undefined) return [];
    const from = currentValue(asset, field);
    if (same(from, to)) return [];
    return [{ field, from, to, locked: isLocked(asset.lockedFields, field) }];
  });
}

/**
 * The asset with the accepted changes applied (locked ones never, whatever was accepted) and the
 * list of what was applied, for the event.
 */
export function applyChanges(
  asset: Asset,
  changes: readonly FieldChange[],
  accepted: ReadonlySet<CollectedField>,
  now: Date,
): { asset: Asset; applied: FieldChange[] } {
  const applied = changes.filter((change) => accepted.has(change.field) && !isLocked(asset.lockedFields, change.field));
  if (applied.length === 0) return { asset, applied };
  const next: Record<string, unknown> = { ...asset, hardware: { ...asset.hardware } };
  const hardware = next['hardware'] as Record<string, unknown>;
  for (const change of applied) {
    // The summary needs the snapshot event's id: the command that writes the event sets it.
    if (change.field === 'software') continue;
    const value = Array.isArray(change.to) ? [...(change.to as string[])] : change.to;
    if (change.field.startsWith('hardware.')) hardware[change.field.slice('hardware.'.length)] = value;
    else next[change.field] = value ?? '';
  }
  next['updatedAt'] = now.toISOString();
  return { asset: next as Asset, applied };
}

export interface NewAssetChoice {
  readonly id: string;
  readonly contractId: string;
  readonly tag: string;
  readonly type: AssetType;
}

/** An empty record for a machine no asset matched; the collection's values then apply to it like a diff. */
export function blankAsset(choice: NewAssetChoice, now: Date): Asset {
  return {
    id: choice.id,
    contractId: choice.contractId,
    tag: choice.tag.trim(),
    serial: '',
    type: choice.type,
    manufacturer: '',
    model: '',
    siteId: '',
    room: '',
    assignedPersonId: null,
    state: 'in_use',
    hostname: '',
    os: '',
    hardware: {},
    lockedFields: [],
    updatedAt: now.toISOString(),
  };
}
