import type { CollectedInventory, SystemSummary } from '../ipc/types.js';
import type { Asset } from '../schemas/assets.js';

/** Test support: a collected notebook, with any part of the summary replaced. */
export function collection(
  overrides: { hostname?: string; system?: Partial<SystemSummary['system']>; network?: SystemSummary['network']; softwareCount?: number } = {},
): CollectedInventory {
  const summary: SystemSummary = {
    collectedAt: '2026-11-25T10:00:00.000Z',
    hostname: overrides.hostname ?? 'anka-pc001',
    os: { platform: 'Windows', distro: 'Microsoft Windows 11 Pro', release: '10.0.22631', kernel: '10.0.22631', arch: 'x64', machineId: null },
    system: { manufacturer: 'LENOVO', model: '21AH00BUGE', serial: 'PF3XK2L9', uuid: '4c8b7a21-2f5e-11b2-a85c-d3e1f0a4b6c2', virtual: false, ...overrides.system },
    bios: { vendor: 'LENOVO', version: 'R23ET65W', releaseDate: '2023-08-14' },
    cpu: { manufacturer: 'Intel', brand: 'Core i5-1245U', cores: 12, physicalCores: 10, speedGHz: 1.6 },
    memory: { totalBytes: 16 * 1024 ** 3 },
    disks: [{ name: 'SAMSUNG', type: 'SSD', sizeBytes: 512 * 1024 ** 3, serial: null }],
    network: overrides.network ?? [
      { iface: 'Wi-Fi', mac: '8c:c6:81:2a:4f:b3', ipv4: '192.168.1.57', virtual: false },
      { iface: 'vEthernet (WSL)', mac: '00:15:5d:6a:21:04', ipv4: '172.29.80.1', virtual: true },
    ],
    gaps: [],
  };
  const software = Array.from({ length: overrides.softwareCount ?? 3 }, (_, i) => ({ name: `app-${i}`, version: '1', publisher: null, source: 'windows-registry' as const }));
  return { summary, software, softwareGap: null, collectedAt: summary.collectedAt, collectorVersion: '1.0.0' };
}

export function asset(overrides: Partial<Asset> & { id: string }): Asset {
  return {
    contractId: 'c-anka',
    tag: `TAG-${overrides.id}`,
    serial: '',
    type: 'notebook',
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
    updatedAt: '2026-11-01T09:00:00.000Z',
    ...overrides,
  };
}
