import * as si from 'systeminformation';
import { describe, expect, it } from 'vitest';
import { parseCollectionFile } from '../../../common/inventory/collection-file.js';
import { recordedThinkPad } from '../hardware/fixtures/thinkpad-t14-gen3.js';
import { COLLECTOR_VERSION, collectInventory } from './collect-inventory.js';
import { listInstalledSoftware, runCommand, type RunCommand } from './list-software.js';

const NOW = new Date('2026-11-25T10:00:00Z');

describe('inventory collection on this machine (real systeminformation + dpkg)', () => {
  it('collects hardware and installed software into the shared schema', async () => {
    const result = await collectInventory({ systemInformation: si, run: runCommand, platform: process.platform, now: () => NOW }, { includeSoftware: true });
    if (!result.ok) throw new Error(result.error.message);
    const collection = result.value;
    expect(collection.collectedAt).toBe(NOW.toISOString());
    expect(collection.collectorVersion).toBe(COLLECTOR_VERSION);
    expect(collection.softwareGap).toBeNull();
    expect(collection.software.length).toBeGreaterThan(50);
    expect(collection.software.every((item) => item.source === 'dpkg')).toBe(true);
    // What the bridge returns is exactly what a collection file may hold.
    const parsed = parseCollectionFile(JSON.stringify(collection));
    expect(parsed).toEqual({ ok: true, value: collection });
  });
});

describe('installed software per platform', () => {
  const answers = (table: Record<string, string | Error>): RunCommand => (command) => {
    const answer = table[command];
    if (answer === undefined) return Promise.reject(new Error(`${command}: not found`));
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  };

  it('falls back from dpkg to rpm, and says so when neither answers', async () => {
    const rpm = await listInstalledSoftware('linux', answers({ rpm: 'bash\t5.1-1\tx86_64\tRed Hat\n' }));
    expect(rpm).toEqual({ software: [{ name: 'bash', version: '5.1-1', publisher: 'Red Hat', source: 'rpm' }], gap: null });
    const none = await listInstalledSoftware('linux', answers({}));
    expect(none.software).toEqual([]);
    expect(none.gap).toMatch(/neither dpkg nor rpm/);
  });

  it('reads every uninstall key on Windows, and macOS through system_profiler', async () => {
    const reg = 'HKEY_LOCAL_MACHINE\\X\\Zoom\r\n    DisplayName    REG_SZ    Zoom\r\n    DisplayVersion    REG_SZ    5.17\r\n';
    expect((await listInstalledSoftware('win32', answers({ reg }))).software).toEqual([{ name: 'Zoom', version: '5.17', publisher: null, source: 'windows-registry' }]);
    const mac = await listInstalledSoftware('darwin', answers({ system_profiler: '{"SPApplicationsDataType":[{"_name":"Safari","version":"17.3","obtained_from":"apple","path":"/Applications/Safari.app"}]}' }));
    expect(mac.software).toEqual([{ name: 'Safari', version: '17.3', publisher: 'Apple', source: 'macos-applications' }]);
    expect((await listInstalledSoftware('aix', answers({}))).gap).toMatch(/not supported on aix/);
  });

  it('skips software when not asked, and keeps the recorded hardware', async () => {
    const result = await collectInventory({ systemInformation: recordedThinkPad(), run: answers({}), platform: 'win32', now: () => NOW }, { includeSoftware: false });
    expect(result.ok && result.value.software).toEqual([]);
    expect(result.ok && result.value.softwareGap).toBe('installed software: not requested');
    expect(result.ok && result.value.summary.system.serial).toBe('PF3XK2L9');
  });
});
