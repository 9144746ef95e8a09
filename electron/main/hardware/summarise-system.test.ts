import * as si from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { isJunkSerial, isJunkUuid } from '../../../common/inventory/junk.js';
import type { SystemSummary } from '../../../common/ipc/types.js';
import { recordedThinkPad } from './fixtures/thinkpad-t14-gen3.js';
import { summariseSystem } from './summarise-system.js';
import type { SystemInformationLike } from './system-information.js';

async function summary(source: SystemInformationLike): Promise<SystemSummary> {
  const result = await summariseSystem(source, new Date('2026-03-02T09:00:00Z'));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('system summary on this machine (real systeminformation)', () => {
  it('reports what the machine has, with junk as null and gaps in words', async () => {
    const [value, raw, rawDisks] = await Promise.all([summary(si), si.system(), si.diskLayout()]);
    expect(value.hostname).not.toBe('');
    expect(value.os.platform).toBe('linux');
    expect(value.os.machineId).toMatch(/^[0-9a-f-]{16,}$/);
    expect(value.memory.totalBytes).toBeGreaterThan(0);
    expect(value.cpu.cores).toBeGreaterThan(0);
    expect(value.network.length).toBeGreaterThan(0);
    // Whatever firmware said: a junk serial/UUID is null, a real one is kept.
    expect(value.system.serial).toBe(isJunkSerial(raw.serial) ? null : raw.serial.trim());
    if (isJunkUuid(raw.uuid)) expect(value.system.uuid === null || !isJunkUuid(value.system.uuid)).toBe(true);
    if (value.system.serial === null) expect(value.gaps).toContain('serial number: not reported');
    if (rawDisks.length === 0) {
      expect(value.disks).toEqual([]);
      expect(value.gaps.some((gap) => gap.startsWith('disks: none reported'))).toBe(true);
    } else {
      expect(value.disks).toHaveLength(rawDisks.length);
    }
    for (const net of value.network) {
      if (net.mac !== null) expect(net.mac).not.toBe('00:00:00:00:00:00');
    }
    for (const text of [value.system.manufacturer, value.system.model, value.bios.vendor, value.cpu.brand]) {
      expect(text === null || text.trim() !== '').toBe(true);
    }
    expect(value.cpu.speedGHz === null || value.cpu.speedGHz > 0).toBe(true);
  });
});

describe('system summary of a recorded ThinkPad', () => {
  it('keeps the real identifiers and drops the junk', async () => {
    const value = await summary(recordedThinkPad());
    expect(value.collectedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(value.hostname).toBe('LT-ACME-0142');
    expect(value.os).toEqual({
      platform: 'Windows',
      distro: 'Microsoft Windows 11 Pro',
      release: '10.0.22631',
      kernel: '10.0.22631',
      arch: 'x64',
      machineId: '9e2f6c1a-4b7d-4e0a-b8c3-5d1f2a6e7c90',
    });
    expect(value.system).toEqual({
      manufacturer: 'LENOVO',
      model: '21AH00BUGE',
      serial: 'PF3XK2L9',
      uuid: '4c8b7a21-2f5e-11b2-a85c-d3e1f0a4b6c2',
      virtual: false,
    });
    expect(value.bios).toEqual({ vendor: 'LENOVO', version: 'R23ET65W (1.35 )', releaseDate: '2023-08-14' });
    expect(value.cpu).toEqual({ manufacturer: 'Intel', brand: 'Core™ i5-1245U', cores: 12, physicalCores: 10, speedGHz: 1.6 });
    expect(value.memory.totalBytes).toBe(16_481_021_952);
    expect(value.disks).toEqual([
      { name: 'SAMSUNG MZVL2512HCJQ-00BL7', type: 'SSD', sizeBytes: 512_105_932_800, serial: '0025_3881_2150_3D1F.' },
      { name: 'Generic', type: 'HD', sizeBytes: 0, serial: null },
    ]);
    expect(value.network).toEqual([
      { iface: 'Wi-Fi', mac: '8c:c6:81:2a:4f:b3', ipv4: '192.168.1.57', virtual: false },
      { iface: 'Ethernet', mac: '38:f3:ab:51:0e:7d', ipv4: null, virtual: false },
      { iface: 'vEthernet (WSL)', mac: '00:15:5d:6a:21:04', ipv4: '172.29.80.1', virtual: true },
      { iface: 'Loopback Pseudo-Interface 1', mac: null, ipv4: '127.0.0.1', virtual: true },
    ]);
    expect(value.gaps).toEqual([]);
  });

  it('turns a container’s empty tables into nulls and says what is missing', async () => {
    const laptop = recordedThinkPad();
    const container: SystemInformationLike = {
      ...laptop,
      system: () => Promise.resolve({ manufacturer: '', model: 'Docker Container', serial: '-', uuid: '', virtual: false }),
      bios: () => Promise.resolve({ vendor: '', version: '', releaseDate: '' }),
      cpu: () => Promise.resolve({ manufacturer: 'AMD', brand: 'EPYC', cores: 2, physicalCores: 2, speed: 0 }),
      uuid: () => Promise.resolve({ os: '3d1219c7c4c5404aaa1f6d2a48adfda4', hardware: '' }),
      diskLayout: () => Promise.resolve([]),
      networkInterfaces: () => Promise.resolve([{ iface: 'lo', mac: '00:00:00:00:00:00', ip4: '127.0.0.1', internal: true, virtual: false }]),
    };
    const value = await summary(container);
    expect(value.system).toEqual({ manufacturer: null, model: 'Docker Container', serial: null, uuid: null, virtual: true });
    expect(value.bios).toEqual({ vendor: null, version: null, releaseDate: null });
    expect(value.cpu.speedGHz).toBeNull();
    expect(value.os.machineId).toBe('3d1219c7c4c5404aaa1f6d2a48adfda4');
    expect(value.gaps).toEqual([
      'manufacturer: not reported',
      'serial number: not reported',
      'hardware UUID: not reported',
      'BIOS: not reported',
      'processor speed: not reported',
      'disks: none reported (usual inside a container or virtual machine)',
      'network: no physical adapter with a MAC address',
    ]);
  });

  it('reports a part that fails as a gap, and a missing OS as HARDWARE_UNAVAILABLE', async () => {
    const laptop = recordedThinkPad();
    const brokenDisks = await summary({ ...laptop, diskLayout: () => Promise.reject(new Error('smartctl timed out\nstack')) });
    expect(brokenDisks.disks).toEqual([]);
    expect(brokenDisks.gaps).toEqual(['disks: could not be read (smartctl timed out)']);

    const noOs = await summariseSystem({ ...laptop, osInfo: () => Promise.reject(new Error('denied')) });
    expect(noOs).toMatchObject({ ok: false, error: { code: 'HARDWARE_UNAVAILABLE' } });
  });
});
