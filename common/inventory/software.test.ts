import { describe, expect, it } from 'vitest';
import type { InstalledSoftware } from '../ipc/types.js';
import { validateAgainst } from '../validation/validate.js';
import { ASSET_EVENT_DATA } from './events.js';
import { decodeSnapshot, encodeSnapshot, fingerprintCount, searchSoftware, softwareFingerprint } from './software.js';

const item = (name: string, version: string, publisher: string | null = null, installedOn?: string): InstalledSoftware => ({
  name,
  version,
  publisher,
  source: 'windows-registry',
  ...(installedOn ? { installedOn } : {}),
});

/** A Linux-sized list: 1,200 packages from 40 maintainers. */
function bigList(count: number): InstalledSoftware[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `lib${['ssl', 'xml2', 'gtk-3', 'python3', 'systemd'][i % 5]}-${i}`,
    version: `${1 + (i % 7)}.${i % 13}.${i % 3}-${i % 4}ubuntu${i % 2}`,
    publisher: `Maintainers Team ${i % 40}`,
    source: 'dpkg',
  }));
}

describe('software snapshots', () => {
  it('round-trips a list with Turkish names, publishers as a dictionary and dates when known', () => {
    const list = [item('Zoom', '5.17'), item('Adobe Acrobat Reader DC - Türkçe', '23.008', 'Adobe', '2024-01-05'), item('7-Zip', '23.01', 'Igor Pavlov'), item('ağ sürücüsü', '1.0', 'Adobe')];
    const data = encodeSnapshot(list, '2026-11-25T10:00:00.000Z', null);
    expect(data.publishers).toEqual(['Igor Pavlov', 'Adobe']);
    expect(data.count).toBe(4);
    expect(data.changes).toEqual({ added: 4, removed: 0, updated: 0 });
    expect(decodeSnapshot(data)).toEqual([
      { name: '7-Zip', version: '23.01', publisher: 'Igor Pavlov', installedOn: null },
      { name: 'Adobe Acrobat Reader DC - Türkçe', version: '23.008', publisher: 'Adobe', installedOn: '2024-01-05' },
      { name: 'ağ sürücüsü', version: '1.0', publisher: 'Adobe', installedOn: null },
      { name: 'Zoom', version: '5.17', publisher: null, installedOn: null },
    ]);
    expect(validateAgainst(ASSET_EVENT_DATA['asset.software'], data)).toEqual({ ok: true });
  });

  it('fingerprints the name/version pairs regardless of order; any version change changes it', () => {
    const a = [item('Zoom', '5.17'), item('7-Zip', '23.01')];
    expect(softwareFingerprint(a)).toBe(softwareFingerprint([...a].reverse()));
    expect(softwareFingerprint(a)).not.toBe(softwareFingerprint([item('Zoom', '5.18'), item('7-Zip', '23.01')]));
    expect(fingerprintCount(softwareFingerprint(a))).toBe(2);
  });

  it('counts what changed against the previous snapshot by name', () => {
    const before = decodeSnapshot(encodeSnapshot([item('Zoom', '5.17'), item('7-Zip', '23.01'), item('WinRAR', '6')], '2026-11-01T10:00:00.000Z', null));
    const next = encodeSnapshot([item('Zoom', '5.18'), item('7-Zip', '23.01'), item('Firefox', '121')], '2026-11-25T10:00:00.000Z', before);
    expect(next.changes).toEqual({ added: 1, removed: 1, updated: 1 });
  });

  it('keeps 1,200 packages in about 40 bytes each, and the server schema accepts them', () => {
    const data = encodeSnapshot(bigList(1200), '2026-11-25T10:00:00.000Z', null);
    const bytes = JSON.stringify(data).length;
    expect(bytes / 1200).toBeLessThan(50);
    expect(JSON.stringify(bigList(1200)).length / bytes).toBeGreaterThan(1.8);
    expect(validateAgainst(ASSET_EVENT_DATA['asset.software'], data)).toEqual({ ok: true });
    expect(decodeSnapshot(data)).toHaveLength(1200);
  });

  it('searches name, version and publisher without case (Turkish İ/ı)', () => {
    const entries = decodeSnapshot(encodeSnapshot([item('İnternet Gezgini', '1'), item('Zoom', '5.17', 'Zoom Video'), item('7-Zip', '23.01')], '2026-11-25T10:00:00.000Z', null));
    expect(searchSoftware(entries, 'internet').map((entry) => entry.name)).toEqual(['İnternet Gezgini']);
    expect(searchSoftware(entries, 'video').map((entry) => entry.name)).toEqual(['Zoom']);
    expect(searchSoftware(entries, '23.0').map((entry) => entry.name)).toEqual(['7-Zip']);
  });

  it('reads a damaged snapshot up to its shortest column instead of throwing', () => {
    expect(decodeSnapshot({ names: ['a', 'b'], versions: ['1'] })).toEqual([{ name: 'a', version: '1', publisher: null, installedOn: null }]);
    expect(decodeSnapshot(null)).toEqual([]);
  });
});
