import type { InstalledSoftware, SoftwareSource } from '../ipc/types.js';

/**
 * Installed software, stored so it stays fast.
 *
 * Where it lives: a machine has 100–300 programs on Windows and 1,000–2,500 packages on Linux, so
 * the list (~45 bytes a package even encoded) would make an asset document 10–100 KB and every
 * list page, count, report and pull would carry it. Instead the list is an immutable
 * `asset.software` **snapshot event** (subject = the asset), written only when a collection's
 * list differs from the last one (same fingerprint → nothing written), and the asset keeps a
 * summary of a few bytes (`asset.software`: count, fingerprint, snapshot id). That gives history
 * for free (what was installed when), no merge conflicts between two offline collections (both
 * snapshots are facts; the asset's summary merges like any field), and one primary-key read for
 * the asset page. Software-version reports read the snapshots of the assets in view by id and
 * keep the decoded pairs in memory per snapshot id (snapshots never change), see
 * renderer/features/reports.
 *
 * Encoding: columns instead of objects (no repeated keys), publishers as a dictionary (a few
 * dozen distinct per machine), dates as `YYYY-MM-DD` or ''. 1,000 dpkg packages ≈ 40 KB.
 */
export interface SoftwareSnapshotData {
  readonly collectedAt: string;
  readonly source: SoftwareSource | null;
  readonly count: number;
  readonly fingerprint: string;
  readonly publishers: readonly string[];
  readonly names: readonly string[];
  readonly versions: readonly string[];
  /** Index into `publishers`, -1 = none reported. */
  readonly publisher: readonly number[];
  /** `YYYY-MM-DD`, '' = not known. */
  readonly installedOn: readonly string[];
  /** Against the previous snapshot of the asset (all `added` for the first one). */
  readonly changes: { readonly added: number; readonly removed: number; readonly updated: number };
}

export interface SoftwareEntry {
  readonly name: string;
  readonly version: string;
  readonly publisher: string | null;
  readonly installedOn: string | null;
}

export const SOFTWARE_LIMITS = { entries: 20000, name: 300, version: 200, publisher: 300 } as const;

function cut(text: string, max: number): string {
  return text.length > max ? text.slice(0, max) : text;
}

/** The list in a stable order (name, then version; case-insensitive name), limits applied. */
export function normaliseSoftware(list: readonly InstalledSoftware[]): SoftwareEntry[] {
  return list
    .slice(0, SOFTWARE_LIMITS.entries)
    .map((item) => ({
      name: cut(item.name.trim(), SOFTWARE_LIMITS.name),
      version: cut(item.version.trim(), SOFTWARE_LIMITS.version),
      publisher: item.publisher ? cut(item.publisher.trim(), SOFTWARE_LIMITS.publisher) : null,
      installedOn: item.installedOn && /^\d{4}-\d{2}-\d{2}$/.test(item.installedOn) ? item.installedOn : null,
    }))
    .filter((item) => item.name !== '')
    .sort((a, b) => compareText(a.name, b.name) || compareText(a.version, b.version));
}

function compareText(a: string, b: string): number {
  const left = a.toLowerCase();
  const right = b.toLowerCase();
  return left < right ? -1 : left > right ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

/** Two 32-bit FNV-1a runs with different offsets: 64 bits, pure JS (common/ has no crypto). */
function hash64(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/** `count:hash` of the name/version pairs: equal lists give equal fingerprints whatever their order. */
export function softwareFingerprint(entries: readonly Pick<SoftwareEntry, 'name' | 'version'>[]): string {
  const sorted = [...entries].sort((a, b) => compareText(a.name, b.name) || compareText(a.version, b.version));
  return `${sorted.length}:${hash64(sorted.map((entry) => `${entry.name}\u0000${entry.version}`).join('\u0001'))}`;
}

/** The number of packages a fingerprint stands for (shown in the collect diff). */
export function fingerprintCount(fingerprint: string | null): number | null {
  if (!fingerprint) return null;
  const count = Number(fingerprint.split(':', 1)[0]);
  return Number.isInteger(count) ? count : null;
}

/** What changed between two lists, by name (case-insensitive): new names, gone names, new versions. */
export function softwareChanges(previous: readonly SoftwareEntry[], next: readonly SoftwareEntry[]): SoftwareSnapshotData['changes'] {
  const versionsOf = (list: readonly SoftwareEntry[]) => {
    const map = new Map<string, Set<string>>();
    for (const entry of list) {
      const key = entry.name.toLowerCase();
      const set = map.get(key) ?? new Set<string>();
      set.add(entry.version);
      map.set(key, set);
    }
    return map;
  };
  const before = versionsOf(previous);
  const after = versionsOf(next);
  let added = 0;
  let updated = 0;
  for (const [name, versions] of after) {
    const old = before.get(name);
    if (!old) added += 1;
    else if ([...versions].some((version) => !old.has(version))) updated += 1;
  }
  let removed = 0;
  for (const name of before.keys()) if (!after.has(name)) removed += 1;
  return { added, removed, updated };
}

/** The event data of a snapshot. `previous` = the asset's last snapshot, decoded (or none). */
export function encodeSnapshot(
  list: readonly InstalledSoftware[],
  collectedAt: string,
  previous: readonly SoftwareEntry[] | null,
): SoftwareSnapshotData {
  const entries = normaliseSoftware(list);
  const publishers: string[] = [];
  const publisherIndex = new Map<string, number>();
  const publisher = entries.map((entry) => {
    if (entry.publisher === null) return -1;
    let index = publisherIndex.get(entry.publisher);
    if (index === undefined) {
      index = publishers.length;
      publishers.push(entry.publisher);
      publisherIndex.set(entry.publisher, index);
    }
    return index;
  });
  const sources = new Set(list.map((item) => item.source));
  return {
    collectedAt,
    source: sources.size === 1 ? ([...sources][0] ?? null) : null,
    count: entries.length,
    fingerprint: softwareFingerprint(entries),
    publishers,
    names: entries.map((entry) => entry.name),
    versions: entries.map((entry) => entry.version),
    publisher,
    installedOn: entries.map((entry) => entry.installedOn ?? ''),
    changes: softwareChanges(previous ?? [], entries),
  };
}

/** The entries of a snapshot's data; columns of unequal length are read up to the shortest (never throws). */
export function decodeSnapshot(data: unknown): SoftwareEntry[] {
  const snapshot = (data ?? {}) as Record<string, unknown>;
  const column = <T>(key: string): readonly T[] => (Array.isArray(snapshot[key]) ? (snapshot[key] as T[]) : []);
  const names = column<string>('names');
  const versions = column<string>('versions');
  const publishers = column<string>('publishers');
  const publisher = column<number>('publisher');
  const installedOn = column<string>('installedOn');
  const length = Math.min(names.length, versions.length);
  const entries: SoftwareEntry[] = [];
  for (let i = 0; i < length; i += 1) {
    const index = publisher[i] ?? -1;
    entries.push({
      name: names[i] ?? '',
      version: versions[i] ?? '',
      publisher: index >= 0 ? (publishers[index] ?? null) : null,
      installedOn: installedOn[i] || null,
    });
  }
  return entries;
}

/** Case-insensitive search over name, version and publisher (the asset page's software filter). */
export function searchSoftware(entries: readonly SoftwareEntry[], term: string): SoftwareEntry[] {
  const needle = term.trim().toLocaleLowerCase('tr');
  if (!needle) return [...entries];
  return entries.filter((entry) =>
    [entry.name, entry.version, entry.publisher ?? ''].some((text) => text.toLocaleLowerCase('tr').includes(needle)),
  );
}
